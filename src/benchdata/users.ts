import { demoUsers } from "../cli/demo.ts";
import type { Role } from "../policies/principal.ts";
import type { AgencyRow, TenantSpec, TenantTree } from "./agencies.ts";
import { familyNames, givenNames, middleNames } from "./places.ts";
import type { Ids, Rng } from "./prng.ts";

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  agencyId: string | null;
  roles: Role[];
}

export interface TenantUsers {
  rows: UserRow[];
  /** Who reports for an agency, and who answers for it. */
  officers: Map<string, string[]>;
  heads: Map<string, string>;
  /** The standing office's reviewers. */
  reviewers: string[];
}

/** Agencies at the top of the province (HĐND, Mặt trận) hold no tasks here: no accounts. */
const NO_STAFF = new Set(["hdnd-tinh", "mttq"]);

/**
 * Accounts of one tenant: in Lâm Đồng the six demo accounts with their demo names and roles;
 * everywhere an administrator, two reviewers at the standing office, two leaders, and a head and
 * an officer for every agency, plus the tenant's share of extra officers. Usernames carry the
 * tenant code outside Lâm Đồng's demo accounts, so they are unique system-wide.
 */
export function buildUsers(spec: TenantSpec, tree: TenantTree, ids: Ids, rng: Rng): TenantUsers {
  const rows: UserRow[] = [];
  const users: TenantUsers = { rows, officers: new Map(), heads: new Map(), reviewers: [] };
  const add = (username: string, displayName: string, roleList: Role[], agency: AgencyRow | null) => {
    const row = {
      id: ids.next("user", spec.index),
      username,
      displayName,
      agencyId: agency?.id ?? null,
      roles: roleList,
    };
    rows.push(row);
    if (agency && roleList.includes("agency_officer")) {
      if (!users.officers.has(agency.id)) users.officers.set(agency.id, []);
      users.officers.get(agency.id)!.push(row.id);
    }
    if (agency && roleList.includes("agency_head") && !users.heads.has(agency.id))
      users.heads.set(agency.id, row.id);
    if (roleList.includes("coordinator")) users.reviewers.push(row.id);
    return row;
  };
  const person = (agency: AgencyRow | null) =>
    `${rng.pick(familyNames)} ${rng.pick(middleNames)} ${rng.pick(givenNames)}${agency ? ` (${agency.shortName ?? agency.name})` : ""}`;
  const prefix = spec.code === "lam-dong" ? "" : `${spec.code}.`;

  if (spec.code === "lam-dong") {
    for (const demo of demoUsers) {
      add(demo.username, demo.displayName, demo.roles, demo.agency ? tree.byCode.get(demo.agency)! : null);
    }
  } else {
    add(`${prefix}admin`, "Quản trị hệ thống", ["admin"], null);
    add(`${prefix}vanphong`, person(tree.standingOffice), ["coordinator"], tree.standingOffice);
    add(`${prefix}lanhdao`, person(tree.leaderAgency), ["leader"], tree.leaderAgency);
  }
  const code = spec.code === "lam-dong" ? "lam-dong." : prefix;
  add(`${code}vanphong2`, person(tree.standingOffice), ["coordinator"], tree.standingOffice);
  add(`${code}lanhdao2`, person(tree.leaderAgency), ["leader"], tree.leaderAgency);

  const staffed = tree.units.filter((a) => !NO_STAFF.has(a.code));
  for (const agency of staffed) {
    if (!users.heads.has(agency.id)) add(`${code}${agency.code}.ld`, person(agency), ["agency_head"], agency);
    if (!users.officers.has(agency.id))
      add(`${code}${agency.code}.cb1`, person(agency), ["agency_officer"], agency);
  }
  // Extra officers go to departments, where the work piles up.
  for (let i = 0; i < spec.extraUsers; i++) {
    const agency = tree.departments[i % tree.departments.length]!;
    const n = users.officers.get(agency.id)!.length + 1;
    add(`${code}${agency.code}.cb${n}`, person(agency), ["agency_officer"], agency);
  }
  return users;
}

/** How many accounts a tenant has before extra officers (to share out a scale's exact total). */
export function baseUserCount(spec: TenantSpec, tree: TenantTree): number {
  const staffed = tree.units.filter((a) => !NO_STAFF.has(a.code)).length;
  // Lâm Đồng's demo accounts already cover a head and an officer of the police and an officer of finance.
  const demoCovered = spec.code === "lam-dong" ? 3 : 0;
  const top = spec.code === "lam-dong" ? demoUsers.length : 3;
  return top + 2 + staffed * 2 - demoCovered;
}
