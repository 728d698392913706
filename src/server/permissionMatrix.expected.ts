import { addDays, today } from "../domain/dates.ts";
import type { Role } from "../domain/roles.ts";

/**
 * Who may call each operation of the API, by the product's rules (PRODUCT.md §2 and
 * src/policies/*.ts), read by src/server/permissionMatrix.test.ts. The test calls every operation
 * of the OpenAPI document as each role, on rows of the caller's agency ("own": agency A, whose
 * officer and head the test acts as) and of another agency of the province ("other": agency B),
 * and without a session, and compares the outcome with the rule here:
 *
 *  - a role listed for the subject is allowed: 2xx, or a refusal of the content once authorized
 *    (400 with a command's code, 409, 422);
 *  - any other role is denied: 403, or 404 for what lies outside its scope;
 *  - without a session: 401, unless the operation is `public`.
 *
 * A new operation fails the test until it has a row here. Add it with the roles the product
 * allows, the rule in `why`, and, when a GET without parameters is not enough, how to call it:
 * path parameters are filled by name from the subject's ids (`SubjectIds`), or as `params` says;
 * a call that changes or removes what it acts on takes a fresh row (`params`) or a fresh account
 * (`session: "fresh"`), so that the cells after it still find what they need. Cells run in the
 * order of this table, each role and no session, first on agency A's rows, then on agency B's.
 * For example, an operation on one's own account and one of administrators on any account:
 *
 *   changeOwnPassword: {
 *     own: everyone,
 *     why: "each user changes their own password",
 *     call: {
 *       session: "fresh",
 *       body: (c) => ({ currentPassword: c.account?.password ?? "Khong-co-phien-1!", newPassword: `Mat-khau-moi-${c.n}!` }),
 *     },
 *   },
 *   resetPassword: { own: admins, why: "userPolicy: administrators reset accounts" },
 *
 * (`{userId}` in resetPassword's path is filled with a spare officer of agency A or B.)
 */

export type Subject = "own" | "other";
export type Outcome = "allowed" | "denied" | "unauthenticated";

/** Ids of one agency's rows, by the path parameter they fill (the test's world creates them). */
export interface SubjectIds {
  agencyId: string;
  planId: string;
  /** A task only this agency holds (read, commented, edited). */
  taskId: string;
  /** The agency's lead assignment on another task, without reports: reported on, asked to move. */
  assignmentId: string;
  /** A report submitted to the standing office, with an evidence file (`evidenceId`). */
  reportId: string;
  evidenceId: string;
  /** A report waiting for the agency's head (a plan with head approval on). */
  headReportId: string;
  /** A pending deadline change on one of the agency's assignments. */
  deadlineChangeId: string;
  /** An officer's account of the agency, nobody logs in with. */
  userId: string;
  /** An open import (imports are the province's: the same for both subjects). */
  importId: string;
}

/**
 * Where a path parameter's value comes from: one of the subject's ids, or a row made for this
 * call alone, for a call that changes or removes what it acts on (so later cells still find it).
 */
export type ParamSource =
  | keyof SubjectIds
  | "freshImport"
  | "freshAlias"
  /** A new saved dashboard, for a call that changes or removes it. */
  | "freshDashboardView"
  /** The caller's own notification (own) or agency B's officer's (other). */
  | "notification"
  /** A random uuid. */
  | "token";

/** What a call's body may use: the subject's ids and what the test world provides. */
export interface CallContext {
  ids: SubjectIds;
  /** A number no other call used: unique names. */
  n: number;
  /** An account only the login and logout cells use (logging a role in again could end its session). */
  login: { username: string; password: string };
  /** With `session: "fresh"`: the account made for this call (its password, to change it). */
  account: { userId: string; username: string; password: string } | null;
  /** The subject's agency as the directory form would send it back unchanged. */
  agency: { name: string; code: string | null; level: string; parentId: string | null };
  /** A small plan document (two tasks) under a number of its own. */
  extraction(): unknown;
}

export interface Call {
  params?: Record<string, ParamSource>;
  query?: (c: CallContext) => Record<string, string>;
  body?: (c: CallContext) => unknown;
  /** A multipart form: fields and files (text content). */
  form?: (c: CallContext) => {
    fields: Record<string, string>;
    files: { name: string; type: string; text: string }[];
  };
  /**
   * The session a call that changes it runs under, instead of the role's shared one:
   * "spare": a new session of the account only login and logout use (the call ends a session);
   * "fresh": a new account holding the cell's role (of agency A for agency roles), made and logged
   * in for this call alone (the call changes the account: its password, second factor, sessions).
   */
  session?: "spare" | "fresh";
  /**
   * Rows of the subject a list names to whoever may see them (province-wide roles, and staff for
   * their own agency) and to no one else: proof that the list's narrowing is tested, not empty.
   */
  shows?: (keyof SubjectIds)[];
}

export interface Rule {
  /** Roles allowed on agency A's rows (the officer and the head the test acts as work for A). */
  own: readonly Role[];
  /** Roles allowed on agency B's rows; when omitted, as `own` (the rows are the province's). */
  other?: readonly Role[];
  /**
   * Answered without a session too; "credential": the body itself is the credential (a login
   * challenge), so a call without a valid one is 401 for everyone, with a session or not.
   */
  public?: true | "credential";
  /** The product rule (policy) the cells come from. */
  why: string;
  call?: Call;
}

const everyone: readonly Role[] = ["admin", "coordinator", "leader", "agency_officer", "agency_head"];
const provinceWide: readonly Role[] = ["admin", "coordinator", "leader"];
/** The standing office (cơ quan thường trực) and administrators. */
const office: readonly Role[] = ["admin", "coordinator"];
const admins: readonly Role[] = ["admin"];
const agencyStaff: readonly Role[] = ["agency_officer", "agency_head"];
const nobody: readonly Role[] = [];

const ASOF = () => ({ asOf: today() });
const upload = (name: string, type: string, text: string) => ({ fields: {}, files: [{ name, type, text }] });

/** Rules for a task and what hangs off it: whoever's scope holds one of the task's agencies. */
const followsTask = { own: everyone, other: provinceWide } as const;

export const permissionMatrix: Record<string, Rule> = {
  // System and session.
  health: { own: everyone, public: true, why: "liveness probe for proxies" },
  ready: { own: everyone, public: true, why: "readiness probe for proxies" },
  login: {
    own: everyone,
    public: true,
    why: "anyone may try to log in (throttled); accounts are issued",
    call: { body: (c) => c.login },
  },
  logout: {
    own: everyone,
    public: true,
    why: "ends the caller's session, if any",
    call: { session: "spare" },
  },
  loginTotp: {
    own: everyone,
    public: "credential",
    why: "the second login step: only the challenge a right password opened lets anyone in",
    call: { body: (c) => ({ challenge: `thu-${c.n}`, code: "123456" }) },
  },
  getMe: { own: everyone, why: "the caller's own account and abilities" },
  beginTotpEnrolment: {
    own: everyone,
    why: "securityPolicy.manageOwnTotp: each user sets up their own authenticator",
    call: { session: "fresh" },
  },
  confirmTotpEnrolment: {
    own: everyone,
    why: "securityPolicy.manageOwnTotp (no enrolment begun: refused by the command, not the policy)",
    call: { session: "fresh", body: () => ({ code: "123456" }) },
  },
  disableTotp: {
    own: everyone,
    why: "securityPolicy.manageOwnTotp (none enabled: refused by the command, not the policy)",
    call: { session: "fresh", body: () => ({ code: "123456" }) },
  },
  listAuditLog: { own: admins, why: "auditPolicy.read: administrators read the audit log" },
  exportAuditLog: {
    own: admins,
    why: "auditPolicy.read",
    call: { query: () => ({ format: "csv" }) },
  },
  // Saved dashboards (dashboardViewPolicy): the office arranges them; the list is filtered by role.
  listDashboardViews: {
    own: everyone,
    why: "dashboardViewPolicy.list: each sees those shared with a role they hold",
  },
  createDashboardView: {
    own: office,
    why: "dashboardViewPolicy.manage: the standing office saves and shares dashboards",
    call: {
      body: (c) => ({
        name: `Tổng quan ${c.n}`,
        config: { scope: "province", panels: ["totals"] },
        sharedWithRoles: ["leader"],
      }),
    },
  },
  updateDashboardView: {
    own: office,
    why: "dashboardViewPolicy.manage",
    call: {
      params: { viewId: "freshDashboardView" },
      body: (c) => ({ name: `Tổng quan sửa ${c.n}`, config: { scope: "province", panels: ["trend"] } }),
    },
  },
  deleteDashboardView: {
    own: office,
    why: "dashboardViewPolicy.manage",
    call: { params: { viewId: "freshDashboardView" } },
  },
  getSecuritySettings: { own: admins, why: "securityPolicy.manageSettings: which roles must use TOTP" },
  saveSecuritySettings: {
    own: admins,
    why: "securityPolicy.manageSettings",
    call: { body: () => ({ totpRequiredRoles: [] }) },
  },
  resetUserTotp: {
    own: admins,
    why: "securityPolicy.resetTotp: administrators remove another user's authenticator",
  },

  // Plans and tasks (planPolicy, taskPolicy): plans are the province's; tasks follow the agencies holding them.
  listPlans: { own: everyone, why: "planPolicy.list: every account of the province reads plans" },
  getPlan: { own: everyone, why: "planPolicy.read" },
  getPlanSummary: { own: everyone, why: "planPolicy.read", call: { query: ASOF } },
  getPlanPeriods: {
    own: everyone,
    why: "planPolicy.read",
    call: { query: () => ({ from: "2025-01-01", to: "2026-12-31" }) },
  },
  listTaskConflicts: {
    own: everyone,
    why: "planPolicy.read; the conflicts listed are narrowed by taskScope",
  },
  getStatusRollup: {
    own: everyone,
    why: "counts narrowed to the caller's scope (agency staff: their agency)",
    call: { query: (c) => ({ by: "agency", planId: c.ids.planId }) },
  },
  listAtRisk: {
    own: everyone,
    other: provinceWide,
    why: "evaluationPolicy.readAgency: one agency's at-risk list is its own staff's or the province-wide roles'",
    call: { query: (c) => ({ agencyId: c.ids.agencyId, asOf: today() }) },
  },
  getRanking: {
    own: everyone,
    other: provinceWide,
    why: "evaluationPolicy.readAgency: an agency's ranking row with its breakdown; the whole table is everyone's",
    call: { query: (c) => ({ agencyId: c.ids.agencyId, from: "2026-01-01", to: "2026-12-31" }) },
  },
  getRankingSettings: { own: everyone, why: "evaluationPolicy.readRanking: the weights explain the score" },
  saveRankingSettings: {
    own: office,
    why: "evaluationPolicy.manageRankingSettings: the standing office sets the score's weights",
    call: {
      body: () => ({
        weights: { onTime: 35, overdue: 25, timeliness: 15, completeness: 15, returns: 10 },
        overdueAgeCapDays: 120,
        bands: { excellent: 90, good: 80, fair: 65, average: 50 },
      }),
    },
  },
  getDashboard: {
    own: everyone,
    other: provinceWide,
    why: "dashboardPolicy.read: province-wide roles see any scope; agency staff their own agency",
    call: { query: (c) => ({ scope: "agency", id: c.ids.agencyId }) },
  },
  getUpstreamView: {
    own: everyone,
    other: provinceWide,
    why: "dashboardPolicy.read, as getDashboard",
    call: { query: (c) => ({ scope: "agency", id: c.ids.agencyId }) },
  },
  listTasks: {
    own: everyone,
    why: "the list is narrowed to taskScope: agency staff see the tasks their agency holds",
    call: {
      query: (c) => ({ agencyId: c.ids.agencyId, q: "ma tran quyen", limit: "200" }),
      shows: ["taskId"],
    },
  },
  getTask: { ...followsTask, why: "taskPolicy.read: province-wide roles, or staff of an agency holding it" },
  createTask: {
    own: office,
    why: "planPolicy.edit: the standing office adds and edits tasks",
    call: {
      body: (c) => ({
        number: `MT${c.n}`,
        title: "Nhiệm vụ thử ma trận quyền",
        leadAgencyIds: [c.ids.agencyId],
        deadlineText: "Năm 2026",
      }),
    },
  },
  updateTask: {
    own: office,
    why: "planPolicy.edit",
    call: { body: (c) => ({ note: `Ghi chú thử ${c.n}` }) },
  },
  // Deleted by the first allowed cell, then refused as already deleted (409); the next row restores it.
  deleteTask: { own: office, why: "planPolicy.edit: the standing office deletes tasks (soft)" },
  restoreTask: { own: office, why: "planPolicy.edit: the undo of a deletion" },
  mapTaskLead: {
    own: office,
    why: "planPolicy.edit: the standing office gives an unknown lead its agency",
    call: { body: (c) => ({ name: "Các cơ quan thử ma trận", agencyId: c.ids.agencyId }) },
  },
  listUnmappedLeads: {
    own: everyone,
    why: "planPolicy.read, the tasks narrowed to taskScope",
  },
  listDeletedPlans: { own: office, why: "planPolicy.edit: the standing office restores deleted plans" },
  updatePlan: {
    own: office,
    why: "planPolicy.edit: the standing office edits a plan and its settings",
    call: { body: () => ({ cutoffDay: 10 }) },
  },
  deletePlan: { own: office, why: "planPolicy.edit (soft; the next row restores it)" },
  restorePlan: { own: office, why: "planPolicy.edit: the undo of a deletion" },

  // Imports (planPolicy.import): the standing office turns documents into plans.
  createImport: {
    own: office,
    why: "planPolicy.import",
    call: {
      form: () =>
        upload(
          "ke-hoach.txt",
          "text/plain",
          "KẾ HOẠCH\n1. Triển khai thử nghiệm. Cơ quan chủ trì: Công an tỉnh.\n",
        ),
    },
  },
  listImports: { own: office, why: "planPolicy.import" },
  getImport: { own: office, why: "planPolicy.import" },
  getImportProgress: { own: office, why: "planPolicy.import", call: { params: { token: "token" } } },
  updateImport: {
    own: office,
    why: "planPolicy.import",
    call: { params: { importId: "freshImport" }, body: (c) => c.extraction() },
  },
  discardImport: { own: office, why: "planPolicy.import", call: { params: { importId: "freshImport" } } },
  commitImport: {
    own: office,
    why: "planPolicy.import (+ agencyPolicy.addAlias / createWhileImporting when mapping names)",
    call: { params: { importId: "freshImport" }, body: () => ({}) },
  },

  // The agency directory (agencyPolicy): everyone reads it; administrators keep it.
  listAgencies: { own: everyone, why: "agencyPolicy.list" },
  exportAgencies: { own: everyone, why: "agencyPolicy.list", call: { query: () => ({ format: "csv" }) } },
  createAgency: {
    own: admins,
    why: "agencyPolicy.manage: administrators keep the agency tree",
    call: { body: (c) => ({ name: `Đơn vị thử ma trận ${c.n}`, code: `ma-tran-${c.n}`, level: "other" }) },
  },
  updateAgency: {
    own: admins,
    why: "agencyPolicy.manage",
    call: { body: (c) => c.agency },
  },
  addAgencyAlias: {
    own: office,
    why: "agencyPolicy.addAlias: administrators, and the standing office while mapping names",
    call: { body: () => ({ alias: "Tên gọi khác thử ma trận" }) },
  },
  removeAgencyAlias: { own: admins, why: "agencyPolicy.manage", call: { params: { aliasId: "freshAlias" } } },
  importAgencies: {
    own: admins,
    why: "agencyPolicy.manage",
    call: {
      form: () =>
        upload(
          "danh-muc.csv",
          "text/csv",
          'Mã,"Tên cơ quan, đơn vị",Cấp\nma-tran-nhap,Đơn vị nhập thử ma trận,Khác\n',
        ),
    },
  },

  // Accounts (userPolicy): issued by administrators only.
  listUsers: { own: admins, why: "userPolicy.list" },
  createUser: {
    own: admins,
    why: "userPolicy.create: accounts are issued by administrators (no sign-up)",
    call: {
      body: (c) => ({
        username: `can-bo-${c.n}`,
        displayName: "Cán bộ thử ma trận",
        password: "Ma-tran-quyen-2026!",
        roles: ["agency_officer"],
        agencyId: c.ids.agencyId,
      }),
    },
  },
  setUserDisabled: { own: admins, why: "userPolicy.create", call: { body: () => ({ disabled: true }) } },
  changePassword: {
    own: everyone,
    why: "each user changes their own password (allowed while a change is owed)",
    call: {
      session: "fresh",
      body: (c) => ({
        currentPassword: c.account?.password ?? "Khong-co-phien-1!",
        newPassword: `Qv7!${c.n}pLx9-Tz`,
      }),
    },
  },
  resetUserPassword: { own: admins, why: "userPolicy: administrators reset another account's password" },
  updateUser: {
    own: admins,
    why: "userPolicy.update: administrators edit accounts",
    call: { body: (c) => ({ displayName: `Cán bộ ma trận ${c.n}` }) },
  },
  deleteUser: { own: admins, why: "userPolicy.remove (soft; the next row restores it)" },
  restoreUser: { own: admins, why: "userPolicy.update: the undo of a deletion" },

  // Reports (reportPolicy): the agency holding an assignment reports; its head forwards; the office reviews.
  submitReport: {
    own: agencyStaff,
    other: nobody,
    why: "reportPolicy.canReportOn: staff of the agency holding the assignment",
    call: { body: () => ({ narrative: "Báo cáo thử ma trận", percent: 10 }) },
  },
  listTaskReports: { ...followsTask, why: "reportPolicy.read follows the task" },
  downloadEvidence: { ...followsTask, why: "reportPolicy.downloadEvidence follows the report's task" },
  approveReportAsHead: {
    own: ["agency_head"],
    other: nobody,
    why: "reportPolicy.approveAsHead: the head of the reporting agency only",
    call: {
      params: { reportId: "headReportId" },
      body: () => ({ decision: "return", comment: "Bổ sung số liệu" }),
    },
  },
  reviewReport: {
    own: office,
    why: "reportPolicy.review: the standing office (and administrators)",
    call: { body: () => ({ decision: "return", comment: "Bổ sung số liệu" }) },
  },
  reopenReport: {
    own: office,
    why: "reportPolicy.reopen: only a reviewer lifts a lock",
    call: { body: () => ({ reason: "Mở lại để bổ sung" }) },
  },
  listReviewQueue: {
    own: ["admin", "coordinator", "agency_head"],
    why: "reportPolicy.reviewQueue: reviewers, and heads for their agency's reports",
  },
  listReviewDecisions: {
    own: ["admin", "coordinator", "agency_head"],
    why: "reportPolicy.reviewQueue: the past decisions are scoped as the queue is",
  },

  // Deadline changes (deadlineChangePolicy): the lead agency asks, the office decides.
  requestDeadlineChange: {
    own: agencyStaff,
    other: nobody,
    why: "deadlineChangePolicy.canRequest: staff of the lead agency",
    call: { body: () => ({ requestedDueOn: addDays(today(), 30), reason: "Chờ bố trí kinh phí" }) },
  },
  decideDeadlineChange: {
    own: office,
    why: "deadlineChangePolicy.decide",
    call: { body: () => ({ decision: "refuse", comment: "Chưa đủ căn cứ" }) },
  },
  listDeadlineChanges: {
    own: everyone,
    why: "narrowed to deadlineChangePolicy.listScope",
    call: { query: () => ({ limit: "200" }), shows: ["deadlineChangeId"] },
  },

  // Directive comments (commentPolicy): leaders and the standing office write; readers of the task read.
  addDirectiveComment: {
    own: ["coordinator", "leader"],
    why: "commentPolicy.add: leaders and the standing office (ý kiến chỉ đạo)",
    call: { body: () => ({ body: "Đề nghị khẩn trương triển khai" }) },
  },
  listDirectiveComments: { ...followsTask, why: "commentPolicy.read follows the task" },

  // Notifications: each user's own.
  listNotifications: { own: everyone, why: "the caller's own notifications" },
  markAllNotificationsRead: { own: everyone, why: "the caller's own notifications" },
  markNotificationRead: {
    own: everyone,
    other: nobody,
    why: "the caller's own notifications; another user's is not found",
    call: { params: { notificationId: "notification" } },
  },
};
