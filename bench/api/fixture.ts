/**
 * What the benchmark measures, found through the API itself as the demo accounts of the data set
 * see it: sessions, the largest plan, a task, an agency, the agency's own lead assignments and
 * the reporting periods still open for them.
 */
import type { AssignmentRole } from "../../src/domain/assignments.ts";
import { addDays, type IsoDate, vietnamDate } from "../../src/domain/dates.ts";
import { type PeriodKind, periodContaining } from "../../src/domain/periods.ts";
import { BenchError } from "./server.ts";

/** The demo password of the data set's accounts (src/cli/demo.ts). */
export const PASSWORD = "DonDoc@2026";
export const ACCOUNTS = ["vanphong", "lanhdao", "congan", "truongcongan"] as const;
export type Account = (typeof ACCOUNTS)[number];

export class Api {
  constructor(readonly base: string) {}

  async login(username: string, password = PASSWORD): Promise<string> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.startsWith("dondoc_session="));
    if (response.status !== 200 || !cookie) {
      throw new BenchError(
        `Không đăng nhập được bằng tài khoản mẫu "${username}" (HTTP ${response.status}): dữ liệu cần có các tài khoản ${ACCOUNTS.join(", ")} của tỉnh lam-dong, mật khẩu ${PASSWORD}.`,
      );
    }
    return cookie;
  }

  async request<T>(method: string, path: string, cookie?: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {}
      throw new BenchError(`${method} ${path} trả ${response.status}: ${message}`);
    }
    return JSON.parse(text) as T;
  }

  get<T>(path: string, cookie?: string): Promise<T> {
    return this.request<T>("GET", path, cookie);
  }
}

interface PlanListItem {
  id: string;
  name: string;
  taskCount: number;
  reportingFrequency: string;
}
interface PlanDetail {
  id: string;
  name: string;
  reportingFrequency: PeriodKind;
  cutoffDay: number;
}
interface TaskRow {
  id: string;
  planId: string;
  ref: string;
  leadStatusCounts: Record<string, number>;
  ownAssignment: { assignmentId: string; role: AssignmentRole } | null;
}
interface TaskPage {
  total: number;
  items: TaskRow[];
  [key: string]: unknown;
}

/** One report an agency may send: an assignment it leads and a day of a period still open. */
export interface Slot {
  assignmentId: string;
  taskId: string;
  /** Any day of the period (sent as periodOn). */
  periodOn: IsoDate;
  label: string;
}

export interface Fixture {
  cookies: Record<Account, string>;
  plan: { id: string; name: string; taskCount: number };
  provinceTotal: number;
  /** Tasks of the plan's first page, for getTask in the mixed load. */
  planTaskIds: string[];
  task: { id: string; ref: string; assignments: number };
  agency: { id: string; name: string };
  /** The deep page's path and how it was reached (offset, or a keyset cursor). */
  deepPage: { path: string; how: string };
  /** The agency's own tasks, as its "Nhiệm vụ của tôi" page asks for them. */
  myTasksPath: string;
  myTasks: number;
  slots: Slot[];
  reviewQueueTotal: number;
}

/** The plan page's default page size (web/src/lib/useTaskFilters.ts). */
export const LIMIT = 50;
const MY_TASKS_LIMIT = 500;

/** The query parameters of listTasks in the server's OpenAPI document. */
async function listTasksParameters(api: Api): Promise<Set<string>> {
  const spec = await api.get<{
    paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string }[] }>>;
  }>("/api/openapi.json");
  for (const operations of Object.values(spec.paths)) {
    for (const operation of Object.values(operations)) {
      if (operation.operationId === "listTasks")
        return new Set((operation.parameters ?? []).map((p) => p.name));
    }
  }
  return new Set();
}

/** The next-page cursor of a keyset-paginated response, whatever the field is called. */
const cursorOf = (page: TaskPage): string | null => {
  for (const [key, value] of Object.entries(page)) {
    if (/cursor/i.test(key) && typeof value === "string" && value) return value;
  }
  return null;
};

/** The keyset parameter of listTasks, if the API has one (`after` or `cursor`). */
const KEYSET_PARAMETERS = ["after", "cursor"];

/**
 * A page far into the province's task list (about 90% in): with keyset pagination (an `after`
 * or `cursor` parameter taking the previous page's next cursor) the cursor is followed page by
 * page to get there, as a person paging on would; otherwise an offset.
 */
async function deepPage(api: Api, cookie: string, total: number): Promise<Fixture["deepPage"]> {
  const offset = Math.max(0, Math.floor((total * 0.9) / LIMIT) * LIMIT);
  const parameters = await listTasksParameters(api);
  const keyset = KEYSET_PARAMETERS.find((name) => parameters.has(name));
  if (keyset) {
    let path = `/api/tasks?limit=${LIMIT}`;
    let pages = 0;
    for (; pages < offset / LIMIT; pages++) {
      const cursor = cursorOf(await api.get<TaskPage>(path, cookie));
      if (!cursor) break;
      path = `/api/tasks?limit=${LIMIT}&${keyset}=${encodeURIComponent(cursor)}`;
    }
    return {
      path,
      how: `${keyset}=<cursor> sau ${pages} trang ${LIMIT} nhiệm vụ (phân trang keyset) trên ${total} nhiệm vụ`,
    };
  }
  return {
    path: `/api/tasks?limit=${LIMIT}&offset=${offset}`,
    how: `offset=${offset} trên ${total} nhiệm vụ (API chưa có phân trang keyset)`,
  };
}

/** The periods an assignment of this plan may still be reported for, as of today. */
export function openPeriods(plan: Pick<PlanDetail, "reportingFrequency" | "cutoffDay">, today: IsoDate) {
  const current = periodContaining(today, plan.reportingFrequency, plan.cutoffDay);
  const previous = periodContaining(addDays(current.startsOn, -1), plan.reportingFrequency, plan.cutoffDay);
  return [current, ...(today <= previous.cutoffOn ? [previous] : [])];
}

export async function discover(api: Api, log: (line: string) => void): Promise<Fixture> {
  const cookies = {} as Record<Account, string>;
  for (const account of ACCOUNTS) cookies[account] = await api.login(account);
  const { vanphong, congan } = cookies;

  const plans = (await api.get<{ items: PlanListItem[] }>("/api/plans", vanphong)).items;
  const largest = [...plans].sort((a, b) => b.taskCount - a.taskCount)[0];
  if (!largest || largest.taskCount === 0) {
    throw new BenchError(
      "Dữ liệu không có kế hoạch nào có nhiệm vụ: hãy nạp dữ liệu (dondoc bench seed) trước.",
    );
  }

  const firstPage = await api.get<TaskPage>(`/api/tasks?planId=${largest.id}&limit=${LIMIT}`, vanphong);
  const leads = (t: TaskRow) => Object.values(t.leadStatusCounts).reduce((a, b) => a + b, 0);
  const heaviest = [...firstPage.items].sort((a, b) => leads(b) - leads(a))[0]!;
  const detail = await api.get<{ assignments: unknown[] }>(`/api/tasks/${heaviest.id}`, vanphong);
  const provinceTotal = (await api.get<TaskPage>("/api/tasks?limit=1", vanphong)).total;

  const me = await api.get<{ agencyId: string | null; agencyName: string | null }>("/api/me", congan);
  if (!me.agencyId) throw new BenchError('Tài khoản "congan" không thuộc cơ quan nào trong dữ liệu.');

  // The agency's own lead assignments, as "Nhiệm vụ của tôi" lists them, page by page.
  const myTasksPath = `/api/tasks?agencyId=${me.agencyId}&limit=${MY_TASKS_LIMIT}&offset=0`;
  const own: TaskRow[] = [];
  for (let offset = 0; ; offset += MY_TASKS_LIMIT) {
    const page = await api.get<TaskPage>(
      `/api/tasks?agencyId=${me.agencyId}&limit=${MY_TASKS_LIMIT}&offset=${offset}`,
      congan,
    );
    own.push(...page.items);
    if (page.items.length < MY_TASKS_LIMIT || own.length >= page.total) break;
  }
  const planDetails = new Map<string, PlanDetail>();
  const today = vietnamDate(new Date());
  const slots: Slot[] = [];
  for (const task of own) {
    if (task.ownAssignment?.role !== "lead") continue;
    let plan = planDetails.get(task.planId);
    if (!plan) {
      plan = await api.get<PlanDetail>(`/api/plans/${task.planId}`, vanphong);
      planDetails.set(task.planId, plan);
    }
    for (const period of openPeriods(plan, today)) {
      slots.push({
        assignmentId: task.ownAssignment.assignmentId,
        taskId: task.id,
        periodOn: period.startsOn,
        label: period.label,
      });
    }
  }
  // Spread consecutive submissions over different tasks and periods.
  slots.sort((a, b) => a.periodOn.localeCompare(b.periodOn));

  const queue = await api.get<{ total: number }>("/api/review-queue?limit=1", vanphong);
  const fixture: Fixture = {
    cookies,
    plan: { id: largest.id, name: largest.name, taskCount: largest.taskCount },
    provinceTotal,
    planTaskIds: firstPage.items.map((t) => t.id),
    task: { id: heaviest.id, ref: heaviest.ref, assignments: detail.assignments.length },
    agency: { id: me.agencyId, name: me.agencyName ?? me.agencyId },
    deepPage: await deepPage(api, vanphong, provinceTotal),
    myTasksPath,
    myTasks: own.length,
    slots,
    reviewQueueTotal: queue.total,
  };
  log(
    `Dữ liệu: ${plans.length} kế hoạch, ${provinceTotal} nhiệm vụ trong tỉnh; kế hoạch lớn nhất "${largest.name}" (${largest.taskCount} nhiệm vụ); ` +
      `${fixture.agency.name}: ${own.length} nhiệm vụ, ${slots.length} lượt báo cáo còn mở (${new Set(slots.map((s) => s.label)).size} kỳ); ` +
      `${queue.total} báo cáo chờ duyệt.`,
  );
  return fixture;
}
