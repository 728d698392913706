/** The roles of the product (PRODUCT.md §2). */
export const roles = ["admin", "coordinator", "leader", "agency_officer", "agency_head"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  coordinator: "Cơ quan thường trực",
  leader: "Lãnh đạo",
  agency_officer: "Cán bộ đơn vị",
  agency_head: "Lãnh đạo đơn vị",
};

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
