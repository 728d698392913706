/** The roles of the product (PRODUCT.md §2): stored as the role_name enum, checked by src/policies. */
export const roles = ["admin", "coordinator", "leader", "agency_officer", "agency_head"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  coordinator: "Cơ quan thường trực",
  leader: "Lãnh đạo",
  agency_officer: "Cán bộ đơn vị",
  agency_head: "Lãnh đạo đơn vị",
};

/** Roles that belong to one agency: an account holding one must name its agency. */
export const agencyRoles = ["agency_officer", "agency_head"] as const satisfies readonly Role[];

export const needsAgency = (held: readonly Role[]) =>
  held.some((role) => (agencyRoles as readonly Role[]).includes(role));
