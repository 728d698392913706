import { type DeadlineKind, deadlineKinds } from "../domain/deadline.ts";
import type { PeriodKind } from "../domain/periods.ts";
import { taskSearchKey } from "../domain/taskSearch.ts";
import type { AgencyRow, TenantSpec, TenantTree } from "./agencies.ts";
import {
  type Day,
  dateText,
  dayOf,
  endOfQuarter,
  endOfYear,
  monthEndAfter,
  monthText,
  type Period,
  planPeriods,
  quarterText,
  yearOf,
} from "./calendar.ts";
import type { Ids, Rng } from "./prng.ts";
import { fixtureMaterial, recurringTexts, titleSuffixes, unspecifiedTexts } from "./texts.ts";

export interface PlanRow {
  id: string;
  documentId: string;
  number: string;
  type: string;
  issuer: string;
  title: string;
  name: string;
  year: number;
  issued: Day;
  frequency: PeriodKind;
  cutoffDay: number;
  requireHeadApproval: boolean;
  sections: { id: string; numeral: string; title: string; position: number }[];
  periods: (Period & { id: string })[];
}

/** A resolved agency a task names: one agency, or a group expanded to its members. */
export interface Target {
  agency: AgencyRow;
  members: AgencyRow[] | null;
}

export interface TaskRow {
  id: string;
  plan: PlanRow;
  sectionId: string | null;
  number: string;
  ref: string;
  title: string;
  responsible: string;
  output: string;
  note: string;
  leads: Target[];
  coordinators: Target[];
  leadsText: string[];
  coordinatorsText: string[];
  sources: string[];
  deadlineText: string;
  deadlineKind: DeadlineKind;
  due: Day | null;
  position: number;
  searchKey: string;
  /** The central task this one restates, when the data set has the central level. */
  upstream: { documentNumber: string; tenantId: string; taskId: string } | null;
}

/** Tasks of the central plans by document number, so provincial tasks citing them can link. */
export type UpstreamIndex = Map<string, { tenantId: string; taskIds: string[] }>;

const CENTRAL_NUMBERS = ["04-KH/BCĐTW", "02-CTr/BCĐTW", "05-TB/BCĐTW", "04-TB/BCĐTW"];

/** The tenant's plans: one document each, issued over the two years, with sections and periods. */
export function buildPlans(spec: TenantSpec, count: number, lastDay: Day, ids: Ids, rng: Rng): PlanRow[] {
  const material = fixtureMaterial();
  const first = dayOf("2025-01-06");
  const latest = Math.max(first, lastDay - 45);
  // Plans pile up: more of them are recent than old.
  const issuedDays = Array.from(
    { length: count },
    () => first + Math.floor((latest - first) * Math.sqrt(rng.float())),
  );
  issuedDays.sort((a, b) => a - b);
  return issuedDays.map((issued, i) => {
    const shape = documentShape(spec, i, rng);
    const sectioned = shape.sectioned;
    const year = yearOf(issued);
    const frequency = rng.chance(0.7) ? "month" : "quarter";
    const cutoffDay = rng.pick([10, 10, 10, 10, 5, 15]);
    const planId = ids.next("plan", spec.index);
    const periods = planPeriods(issued, lastDay, frequency, cutoffDay).map((p) => ({
      ...p,
      id: ids.next("period", spec.index),
    }));
    return {
      id: planId,
      documentId: ids.next("document", spec.index),
      number: shape.number,
      type: shape.type,
      issuer: shape.issuer,
      title: `${shape.titlePrefix} ${year}`,
      name: `${shape.type} số ${shape.number}`,
      year,
      issued,
      frequency,
      cutoffDay,
      requireHeadApproval: rng.chance(0.25),
      sections: sectioned
        ? material.sections.map((s, position) => ({
            id: ids.next("section", spec.index),
            numeral: s.numeral,
            title: s.title,
            position,
          }))
        : [],
      periods,
    };
  });
}

function documentShape(spec: TenantSpec, i: number, rng: Rng) {
  const nq57 =
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia";
  if (spec.kind === "central") {
    const number = CENTRAL_NUMBERS[i % CENTRAL_NUMBERS.length]!;
    const type = number.includes("-KH/")
      ? "Kế hoạch"
      : number.includes("-CTr/")
        ? "Chương trình"
        : "Thông báo kết luận";
    return {
      number,
      type,
      issuer: "Ban Chỉ đạo Trung ương",
      sectioned: type !== "Thông báo kết luận",
      titlePrefix: `Thực hiện ${nq57} năm`,
    };
  }
  const where = spec.province!.city ? "thành phố" : "tỉnh";
  const n = rng.int(100, 6000);
  const r = rng.float();
  const [type, number, issuer, sectioned] =
    r < 0.6
      ? ["Kế hoạch", `${n}/KH-UBND`, `Ủy ban nhân dân ${where} ${spec.province!.name}`, true]
      : r < 0.75
        ? ["Chương trình", `${n}/CTr-UBND`, `Ủy ban nhân dân ${where} ${spec.province!.name}`, true]
        : r < 0.9
          ? [
              "Công văn",
              `${n}-CV/${spec.province!.city ? "THU" : "TU"}`,
              `${spec.province!.city ? "Thành ủy" : "Tỉnh ủy"} ${spec.province!.name}`,
              false,
            ]
          : [
              "Thông báo kết luận",
              `${n}-TB/${spec.province!.city ? "THU" : "TU"}`,
              `${spec.province!.city ? "Thành ủy" : "Tỉnh ủy"} ${spec.province!.name}`,
              false,
            ];
  return {
    number,
    type,
    issuer,
    sectioned,
    titlePrefix: `Triển khai thực hiện ${nq57} trên địa bàn ${where} ${spec.province!.name} năm`,
  };
}

/** How the leads of a task are chosen: a group of every commune, the departments' group, or one agency. */
const P_COMMUNE_LEAD = 0.05;
const P_DEPARTMENT_LEAD = 0.1;
const P_COMMUNE_COORDINATOR = 0.02;
const COORDINATOR_COUNTS = [0.1, 0.5, 0.3, 0.1];

/** Assignments a task gives on average in a tenant of this size (to size a scale's task count). */
export function assignmentsPerTask(communes: number, departments: number): number {
  const single = 1 - P_COMMUNE_LEAD - P_DEPARTMENT_LEAD;
  const coordinators = COORDINATOR_COUNTS.reduce((sum, p, k) => sum + p * k, 0);
  return (
    P_COMMUNE_LEAD * (communes + 1) +
    P_DEPARTMENT_LEAD * departments +
    single * (1 + coordinators + P_COMMUNE_COORDINATOR * communes)
  );
}

/** The plan's tasks: real fixture tasks, re-numbered in sections, with deadlines from the plan's date. */
export function buildTasks(
  spec: TenantSpec,
  tree: TenantTree,
  plan: PlanRow,
  count: number,
  upstream: UpstreamIndex,
  ids: Ids,
  rng: Rng,
): TaskRow[] {
  const material = fixtureMaterial();
  const restart = rng.chance(0.6);
  const numbers = new Map<string, number>();
  const tasks: TaskRow[] = [];
  const sectionOf = plan.sections.length
    ? () => plan.sections[rng.weighted(material.sections.map((s) => s.weight))]!
    : () => null;
  const drawn = Array.from({ length: count }, () => sectionOf()).sort(
    (a, b) => (a?.position ?? 0) - (b?.position ?? 0),
  );
  for (const [position, section] of drawn.entries()) {
    const key = restart && section ? section.numeral : "";
    const gap = rng.chance(0.03) ? 2 : 1;
    const number = (numbers.get(key) ?? 0) + gap;
    numbers.set(key, number);
    const pool = (section && material.tasksBySection.get(section.numeral)) || material.allTasks;
    const source = rng.pick(pool);
    const ref = section ? `${section.numeral}.${number}` : String(number);
    const title = `${source.title} ${rng.pick(titleSuffixes)}`.trim();
    const { leads, coordinators, coordinatorsExtra } = chooseAgencies(tree, rng);
    const leadsText = leads.map((t) => t.agency.name);
    const coordinatorsText = [...coordinators.map((t) => t.agency.name), ...coordinatorsExtra];
    const responsible = responsibleFor(leads[0]!);
    const deadline = chooseDeadline(plan.issued, rng);
    const sources =
      spec.kind === "central"
        ? ["57-NQ/TW"]
        : source.sources.length
          ? source.sources
          : [rng.pick(material.sources)];
    const cited = sources.find((s) => upstream.has(s));
    const link = cited ? upstream.get(cited)! : null;
    tasks.push({
      id: ids.next("task", spec.index),
      plan,
      sectionId: section?.id ?? null,
      number: String(number),
      ref,
      title,
      responsible,
      output: source.output && source.output.length <= 160 ? source.output : rng.pick(material.outputs),
      note: rng.chance(0.02) ? "Đã hoàn thành; tiếp tục triển khai thực hiện" : "",
      leads,
      coordinators,
      leadsText,
      coordinatorsText,
      sources,
      ...deadline,
      position,
      searchKey: taskSearchKey({ ref, title, responsible, leads: leadsText, coordinators: coordinatorsText }),
      upstream:
        link && cited
          ? { documentNumber: cited, tenantId: link.tenantId, taskId: rng.pick(link.taskIds) }
          : null,
    });
  }
  return tasks;
}

function chooseAgencies(tree: TenantTree, rng: Rng) {
  const group = (agency: AgencyRow, members: AgencyRow[]): Target => ({ agency, members });
  const one = (agency: AgencyRow): Target => ({ agency, members: null });
  const r = rng.float();
  const coordinatorsExtra: string[] = [];
  if (tree.communeGroup && tree.communes.length && r < P_COMMUNE_LEAD) {
    return {
      leads: [group(tree.communeGroup, tree.communes)],
      coordinators: [one(tree.standingOffice)],
      coordinatorsExtra,
    };
  }
  if (r < P_COMMUNE_LEAD + P_DEPARTMENT_LEAD) {
    if (rng.chance(0.5)) coordinatorsExtra.push("Các cơ quan, đơn vị có liên quan");
    return { leads: [group(tree.departmentGroup, tree.departments)], coordinators: [], coordinatorsExtra };
  }
  const lead =
    rng.chance(0.35) && tree.heavyLeads.length
      ? tree.heavyLeads[rng.weighted([45, 20, 20, 15].slice(0, tree.heavyLeads.length))]!
      : rng.pick(tree.departments);
  const others = tree.departments.filter((d) => d !== lead);
  const coordinators = rng.sample(others, rng.weighted(COORDINATOR_COUNTS)).map(one);
  if (tree.communeGroup && tree.communes.length && rng.chance(P_COMMUNE_COORDINATOR)) {
    coordinators.push(group(tree.communeGroup, tree.communes));
  }
  if (rng.chance(0.3)) coordinatorsExtra.push("Các cơ quan, đơn vị có liên quan");
  return { leads: [one(lead)], coordinators, coordinatorsExtra };
}

function responsibleFor(target: Target): string {
  const name = target.agency.name;
  if (target.members)
    return name.startsWith("UBND") ? "Chủ tịch UBND cấp xã" : `Thủ trưởng ${name.toLowerCase()}`;
  if (name.startsWith("Sở ") || name.startsWith("Công an")) return `Giám đốc ${name}`;
  if (name.startsWith("Văn phòng") || name.startsWith("Thanh tra")) return `Chánh ${name}`;
  if (name.startsWith("Ban ")) return `Trưởng ${name}`;
  if (name.startsWith("Bộ ")) return `Bộ trưởng ${name}`;
  return `Thủ trưởng ${name}`;
}

/** A deadline of a kind drawn in the fixtures' proportions, dated from the plan's issue day. */
function chooseDeadline(
  issued: Day,
  rng: Rng,
): { deadlineText: string; deadlineKind: DeadlineKind; due: Day | null } {
  const kind = deadlineKinds[rng.weighted(fixtureMaterial().kindWeights)]!;
  switch (kind) {
    case "month": {
      const due = monthEndAfter(issued, rng.pick([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 18, 24]));
      const text = rng.chance(0.1) ? `Trong tháng ${monthText(due).replace("/", " năm ")}` : monthText(due);
      return { deadlineText: text, deadlineKind: kind, due };
    }
    case "date": {
      const due = issued + rng.int(20, 300);
      return {
        deadlineText: `${rng.chance(0.3) ? "Trước ngày " : ""}${dateText(due)}`,
        deadlineKind: kind,
        due,
      };
    }
    case "quarter": {
      const due = endOfQuarter(issued + rng.int(0, 360));
      return { deadlineText: quarterText(due), deadlineKind: kind, due };
    }
    case "year": {
      const due = endOfYear(issued + (rng.chance(0.7) ? 0 : 365));
      return { deadlineText: `Trong năm ${yearOf(due)}`, deadlineKind: kind, due };
    }
    case "recurring": {
      if (!rng.chance(0.15)) return { deadlineText: rng.pick(recurringTexts), deadlineKind: kind, due: null };
      const due = endOfYear(issued + (rng.chance(0.5) ? 0 : 365));
      return {
        deadlineText: `Thường xuyên; hoàn thành trước ngày ${dateText(due)}`,
        deadlineKind: kind,
        due,
      };
    }
    default:
      return { deadlineText: rng.pick(unspecifiedTexts), deadlineKind: "unspecified", due: null };
  }
}
