import type { Me } from "../api/types.ts";

const has = (me: Me | null | undefined, ...roles: string[]) =>
  !!me && me.roles.some((r) => roles.includes(r));

/**
 * What the account may do in the tracking workflow, to show or hide actions. /api/me lists
 * abilities for plans, agencies, tasks and users only; these follow the server's policies
 * (src/policies/report.ts, comment.ts, deadlineChange.ts), which still check every request.
 * Per-task rights come from the server itself (listTaskReports: canReport, can.review…).
 */
export const can = {
  /** Agency staff: report on and ask deadline changes for their agency's tasks. */
  workOnTasks: (me: Me | null | undefined) => has(me, "agency_officer", "agency_head") && !!me?.agencyId,
  /** The standing office (and administrators) review reports and decide deadline changes. */
  review: (me: Me | null | undefined) => has(me, "admin", "coordinator"),
  /** Agency heads approve their officers' reports when the plan asks for it. */
  headApprove: (me: Me | null | undefined) => has(me, "agency_head") && !!me?.agencyId,
  /** Ý kiến chỉ đạo: leaders and the standing office. */
  comment: (me: Me | null | undefined) => has(me, "leader", "coordinator"),
  importPlans: (me: Me | null | undefined) => !!me?.abilities.plan?.import,
  listAgencies: (me: Me | null | undefined) => me?.abilities.agency?.list !== false,
  manageAgencies: (me: Me | null | undefined) => !!me?.abilities.agency?.manage,
  addAlias: (me: Me | null | undefined) => !!me?.abilities.agency?.addAlias,
  /** Accounts are issued and locked by administrators only. */
  listUsers: (me: Me | null | undefined) => !!me?.abilities.user?.list,
  createUsers: (me: Me | null | undefined) => !!me?.abilities.user?.create,
};
