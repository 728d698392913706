import type { Role } from "../domain/roles.ts";

export { type Role, roleLabels, roles } from "../domain/roles.ts";

/** Who is asking: enough to decide what they may see and do. */
export interface Principal {
  userId: string;
  tenantId: string;
  username: string;
  agencyId: string | null;
  roles: Role[];
}

export const hasRole = (principal: Principal, ...wanted: Role[]) =>
  wanted.some((role) => principal.roles.includes(role));

/** Roles that see every agency's work in the province. */
export const seesWholeProvince = (principal: Principal) =>
  hasRole(principal, "admin", "coordinator", "leader");
