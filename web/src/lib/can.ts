import type { Me } from "../api/types.ts";

type Abilities = Me["abilities"];

/**
 * What the account may do, to show or hide actions: read from the abilities the server computes
 * with its policies (src/policies) and sends in /api/me; the server still checks every request.
 * Per-task rights come from the server itself (listTaskReports: canReport, can.review…).
 */
const ability = <R extends keyof Abilities>(
  me: Me | null | undefined,
  resource: R,
  action: keyof Abilities[R],
) => (me?.abilities[resource] as Record<keyof Abilities[R], unknown> | undefined)?.[action] === true;

export const can = {
  /** Agency staff: report on and ask deadline changes for their agency's tasks. */
  workOnTasks: (me: Me | null | undefined) => ability(me, "report", "submit"),
  /** The standing office (and administrators) review reports and decide deadline changes. */
  review: (me: Me | null | undefined) => ability(me, "report", "review"),
  /** Agency heads approve their officers' reports when the plan asks for it. */
  headApprove: (me: Me | null | undefined) => ability(me, "report", "approveAsHead"),
  /** Leaders, the standing office and administrators see the whole province's dashboard. */
  seeProvinceDashboard: (me: Me | null | undefined) => me?.abilities.task.scope === "all",
  /** Ý kiến chỉ đạo: leaders and the standing office. */
  comment: (me: Me | null | undefined) => ability(me, "comment", "add"),
  importPlans: (me: Me | null | undefined) => ability(me, "plan", "import"),
  /** The standing office edits, deletes and restores plans and tasks after import. */
  editPlans: (me: Me | null | undefined) => ability(me, "plan", "edit"),
  listAgencies: (me: Me | null | undefined) => ability(me, "agency", "list"),
  manageAgencies: (me: Me | null | undefined) => ability(me, "agency", "manage"),
  addAlias: (me: Me | null | undefined) => ability(me, "agency", "addAlias"),
  /** The importer creates an agency a document names that the directory lacks. */
  createAgencyWhileImporting: (me: Me | null | undefined) => ability(me, "agency", "createWhileImporting"),
  /** Accounts are issued and locked by administrators only. */
  listUsers: (me: Me | null | undefined) => ability(me, "user", "list"),
  createUsers: (me: Me | null | undefined) => ability(me, "user", "create"),
  /** Edit, delete and restore accounts. */
  editUsers: (me: Me | null | undefined) => ability(me, "user", "update"),
  /** Which roles must use TOTP: administrators. */
  manageSecurity: (me: Me | null | undefined) => ability(me, "security", "manage"),
  /** The audit log is read by administrators only. */
  readAudit: (me: Me | null | undefined) => ability(me, "audit", "read"),
  /** Cảnh báo sớm: every account, within its scope. */
  listAtRisk: (me: Me | null | undefined) => ability(me, "evaluation", "listAtRisk"),
  /** The ranking of agencies, published to every account of the province. */
  readRanking: (me: Me | null | undefined) => ability(me, "evaluation", "readRanking"),
};
