import { agencyRoles, type Role } from "./roles.ts";

/** Someone as the staff rules see them: their roles and the agency their account belongs to. */
export interface StaffMember {
  roles: readonly Role[];
  agencyId: string | null;
}

/**
 * Whether they work for an agency (its officer or its head) and their account names it; with
 * `agencyId`, whether that is the agency. Agency staff report and ask for extensions for their
 * agency only; a province-wide role held beside it does not make someone staff of no agency.
 */
export const isAgencyStaff = (who: StaffMember, agencyId?: string): boolean =>
  who.roles.some((role) => (agencyRoles as readonly Role[]).includes(role)) &&
  !!who.agencyId &&
  (agencyId === undefined || who.agencyId === agencyId);

/** Whether they head an agency (that one, when `agencyId` is given): they answer for its officers' reports. */
export const isAgencyHead = (who: StaffMember, agencyId?: string): boolean =>
  who.roles.includes("agency_head") &&
  !!who.agencyId &&
  (agencyId === undefined || who.agencyId === agencyId);
