import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import type { AgencySeed } from "../domain/agencyDirectory.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { foldForSearch } from "../domain/text.ts";
import { communeFirst, communeSecond, extraDepartments, ministries, type Province } from "./places.ts";
import type { Ids, Rng } from "./prng.ts";

/** One tenant of the data set: a province, or the central level. */
export interface TenantSpec {
  /** Position in the data set (0 is Lâm Đồng); also the tenant byte of its ids. */
  index: number;
  id: string;
  code: string;
  name: string;
  kind: "province" | "central";
  province?: Province;
  communes: number;
  /** Tasks to generate (all plans together). */
  tasks: number;
  /** Users beyond the agency tree's own (extra officers), to reach the scale's total. */
  extraUsers: number;
}

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  level: AgencySeed["level"];
  parentId: string | null;
  isGroup: boolean;
  memberRule: { levels?: string[]; parentIds?: string[] } | null;
  nameKey: string;
  position: number;
}

export interface TenantTree {
  agencies: AgencyRow[];
  aliases: { id: string; agencyId: string; alias: string; aliasKey: string }[];
  members: { groupId: string; memberId: string }[];
  byCode: Map<string, AgencyRow>;
  /** Every agency that is not a group: each has staff. */
  units: AgencyRow[];
  /** The members of the "departments" group (sở, ban, ngành; the ministries at the centre). */
  departments: AgencyRow[];
  communes: AgencyRow[];
  departmentGroup: AgencyRow;
  communeGroup: AgencyRow | null;
  /** The standing office (reviews reports) and where the leaders sit. */
  standingOffice: AgencyRow;
  leaderAgency: AgencyRow;
  /** Agencies that lead far more than their share, as the standing office and the police do in the fixtures. */
  heavyLeads: AgencyRow[];
}

const DEMO_DEPARTMENTS = new Set(["vp-ubnd", "so-tai-chinh", "so-khcn", "cong-an"]);

/** The province's agency tree, from the demo tree of Lâm Đồng and the extra departments. */
export function provinceSeeds(spec: TenantSpec, departmentCount: number, rng: Rng): AgencySeed[] {
  const province = spec.province!;
  const isLamDong = province.code === "lam-dong";
  const adapt = (seed: AgencySeed): AgencySeed =>
    isLamDong
      ? seed
      : {
          ...seed,
          name: adaptName(seed.name, province),
          shortName: seed.shortName ? adaptName(seed.shortName, province) : undefined,
          aliases: seed.aliases?.map((alias) => adaptName(alias, province)),
        };
  const byParent = (parent: string) =>
    lamDongAgencies.filter((a) => a.parent === parent && a.level === "department");
  const extra: AgencySeed[] = extraDepartments.map(([code, name, shortName]) => ({
    code,
    name,
    shortName,
    level: "department",
    parent: "ubnd-tinh",
  }));
  const { boards, departments } = chooseDepartments(
    byParent("tinh-uy"),
    [...byParent("ubnd-tinh"), ...extra],
    departmentCount,
  );
  const universities: AgencySeed[] = isLamDong
    ? lamDongAgencies.filter((a) => a.level === "other" && !a.group)
    : [{ code: "dh-dia-phuong", name: `Trường Đại học ${province.name}`, level: "other" }];
  const groups = lamDongAgencies
    .filter((a) => a.group)
    .map((g) => (g.group?.members ? { ...g, group: { members: universities.map((u) => u.code) } } : g));
  return [
    ...lamDongAgencies.filter((a) => a.level === "province"),
    ...boards,
    ...departments,
    ...communeSeeds(spec.communes, isLamDong, rng),
    ...universities,
    ...groups,
  ].map(adapt);
}

/** Keeps the demo's departments (its accounts work there) whatever the count asked for. */
function chooseDepartments(boards: AgencySeed[], departments: AgencySeed[], count: number) {
  if (count >= boards.length + departments.length) return { boards, departments };
  const boardCount = Math.min(boards.length, Math.floor(count / 6));
  const required = departments.filter((d) => DEMO_DEPARTMENTS.has(d.code));
  const others = departments.filter((d) => !DEMO_DEPARTMENTS.has(d.code));
  const chosen = new Set([
    ...required,
    ...others.slice(0, Math.max(0, count - boardCount - required.length)),
  ]);
  return { boards: boards.slice(0, boardCount), departments: departments.filter((d) => chosen.has(d)) };
}

function adaptName(name: string, province: Province): string {
  let out = name.replace(/Lâm Đồng/g, province.name);
  if (province.city) {
    out = out.replace(/Tỉnh ủy/g, "Thành ủy").replace(/(^|[\s(])tỉnh(?=$|[\s,)])/g, "$1thành phố");
  }
  return out;
}

/** Real communes for Lâm Đồng first, then generated names ("Xã Tân Phú"), unique within the province. */
function communeSeeds(count: number, isLamDong: boolean, rng: Rng): AgencySeed[] {
  const real = isLamDong ? lamDongAgencies.filter((a) => a.level === "commune") : [];
  const seeds: AgencySeed[] = real.slice(0, count);
  const keys = new Set(seeds.map((s) => agencyKey(s.name)));
  const combos = communeFirst.flatMap((a) => communeSecond.filter((b) => b !== a).map((b) => `${a} ${b}`));
  for (const combo of rng.sample(combos, combos.length)) {
    if (seeds.length >= count) break;
    const r = rng.float();
    const [kind, prefix] = r < 0.74 ? ["Xã", "x"] : r < 0.98 ? ["Phường", "p"] : ["Đặc khu", "dk"];
    const name = `${kind} ${combo}`;
    const key = agencyKey(name);
    if (keys.has(key)) continue;
    keys.add(key);
    seeds.push({ code: `${prefix}-${slug(combo)}`, name, level: "commune", parent: "ubnd-tinh" });
  }
  return seeds;
}

const slug = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The central level: steering committee, its standing office, the government and the ministries. */
export function centralSeeds(ministryCount: number): AgencySeed[] {
  const chosen = ministries.slice(0, ministryCount);
  const isParty = (code: string) => code.startsWith("ban-") || code === "ubkt-tw";
  return [
    {
      code: "bcd-tw",
      name: "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
      shortName: "BCĐ Trung ương",
      level: "central",
    },
    { code: "vp-tw", name: "Văn phòng Trung ương Đảng", shortName: "VPTW", level: "central" },
    { code: "chinh-phu", name: "Chính phủ", level: "central" },
    ...chosen.map(([code, name]) => ({
      code,
      name,
      level: "department" as const,
      parent: isParty(code) ? "bcd-tw" : "chinh-phu",
    })),
    {
      code: "nhom-so-ban-nganh",
      name: "Các bộ, ngành Trung ương",
      level: "other",
      aliases: ["Các bộ, ngành", "Các bộ, cơ quan ngang bộ"],
      group: { levels: ["department"] },
    },
  ];
}

/** Rows, aliases and explicit group members for a tenant's seeds, with ids in seed order. */
export function buildTree(spec: TenantSpec, seeds: AgencySeed[], ids: Ids): TenantTree {
  const byCode = new Map<string, AgencyRow>();
  const agencies: AgencyRow[] = [];
  for (const [position, seed] of seeds.entries()) {
    const row: AgencyRow = {
      id: ids.next("agency", spec.index),
      code: seed.code,
      name: seed.name,
      shortName: seed.shortName ?? null,
      level: seed.level,
      parentId: seed.parent ? byCode.get(seed.parent)!.id : null,
      isGroup: !!seed.group,
      memberRule: seed.group?.levels
        ? {
            levels: seed.group.levels,
            ...(seed.group.parents ? { parentIds: seed.group.parents.map((c) => byCode.get(c)!.id) } : {}),
          }
        : null,
      nameKey: agencyKey(seed.name),
      position,
    };
    byCode.set(seed.code, row);
    agencies.push(row);
  }
  return {
    agencies,
    aliases: aliasRows(seeds, byCode, spec, ids),
    members: seeds.flatMap((seed) =>
      (seed.group?.members ?? []).map((code) => ({
        groupId: byCode.get(seed.code)!.id,
        memberId: byCode.get(code)!.id,
      })),
    ),
    ...roles(agencies, byCode, spec),
  };
}

function aliasRows(seeds: AgencySeed[], byCode: Map<string, AgencyRow>, spec: TenantSpec, ids: Ids) {
  const seen = new Set<string>();
  const rows: TenantTree["aliases"] = [];
  for (const seed of seeds) {
    const agency = byCode.get(seed.code)!;
    for (const alias of [seed.shortName, ...(seed.aliases ?? [])]) {
      if (!alias) continue;
      const aliasKey = agencyKey(alias);
      if (aliasKey === agency.nameKey || seen.has(aliasKey)) continue;
      seen.add(aliasKey);
      rows.push({ id: ids.next("alias", spec.index), agencyId: agency.id, alias, aliasKey });
    }
  }
  return rows;
}

/** Which agencies play which part, found by the group rules the rows carry. */
function roles(agencies: AgencyRow[], byCode: Map<string, AgencyRow>, spec: TenantSpec) {
  const departmentGroup = byCode.get("nhom-so-ban-nganh")!;
  const rule = departmentGroup.memberRule!;
  const departments = agencies.filter(
    (a) =>
      !a.isGroup &&
      rule.levels!.includes(a.level) &&
      (!rule.parentIds || (a.parentId !== null && rule.parentIds.includes(a.parentId))),
  );
  const central = spec.kind === "central";
  const pick = (codes: string[]) => codes.map((c) => byCode.get(c)).filter((a): a is AgencyRow => !!a);
  return {
    byCode,
    units: agencies.filter((a) => !a.isGroup),
    departments,
    communes: agencies.filter((a) => a.level === "commune"),
    departmentGroup,
    communeGroup: byCode.get("nhom-cap-xa") ?? null,
    standingOffice: byCode.get(central ? "vp-tw" : "so-khcn")!,
    leaderAgency: byCode.get(central ? "bcd-tw" : "ubnd-tinh")!,
    heavyLeads: pick(
      central ? ["bo-khcn", "bo-cong-an", "vpcp"] : ["so-khcn", "cong-an", "vp-ubnd", "so-tai-chinh"],
    ),
  };
}
