import { agencyPolicy } from "./agency.ts";
import { auditPolicy } from "./audit.ts";
import { commentPolicy } from "./comment.ts";
import { dashboardViewPolicy } from "./dashboardView.ts";
import { deadlineChangePolicy } from "./deadlineChange.ts";
import { evaluationPolicy } from "./evaluation.ts";
import { planPolicy } from "./plan.ts";
import type { Principal } from "./principal.ts";
import { reportPolicy } from "./report.ts";
import { securityPolicy } from "./security.ts";
import { taskScope } from "./task.ts";
import { userPolicy } from "./user.ts";

export * from "./principal.ts";

/**
 * Everything the principal may do, evaluated once and sent to the web app, which shows or hides
 * actions from it; the server still checks each request against the same policies.
 */
export function abilities(p: Principal) {
  return {
    agency: {
      list: agencyPolicy.list(p).allowed,
      manage: agencyPolicy.manage(p).allowed,
      addAlias: agencyPolicy.addAlias(p).allowed,
      createWhileImporting: agencyPolicy.createWhileImporting(p).allowed,
    },
    plan: {
      list: planPolicy.list(p).allowed,
      import: planPolicy.import(p).allowed,
      edit: planPolicy.edit(p).allowed,
    },
    task: { scope: taskScope(p).kind },
    report: {
      submit: reportPolicy.submit(p).allowed,
      review: reportPolicy.review(p).allowed,
      reopen: reportPolicy.reopen(p).allowed,
      reviewQueue: reportPolicy.reviewQueue(p).allowed,
      approveAsHead: p.agencyId !== null && reportPolicy.approveAsHead(p, p.agencyId).allowed,
    },
    // Agency staff ask for extensions on their lead assignments (checked per assignment on the server).
    deadlineChange: {
      request: reportPolicy.submit(p).allowed,
      decide: deadlineChangePolicy.decide(p).allowed,
    },
    comment: { add: commentPolicy.add(p).allowed },
    user: {
      create: userPolicy.create(p).allowed,
      list: userPolicy.list(p).allowed,
      update: userPolicy.update(p).allowed,
    },
    security: { manage: securityPolicy.manageSettings(p).allowed },
    audit: { read: auditPolicy.read(p).allowed },
    dashboard: { manageViews: dashboardViewPolicy.manage(p).allowed },
    evaluation: {
      listAtRisk: evaluationPolicy.listAtRisk(p).allowed,
      readRanking: evaluationPolicy.readRanking(p).allowed,
      manageRankingSettings: evaluationPolicy.manageRankingSettings(p).allowed,
    },
  };
}
export type Abilities = ReturnType<typeof abilities>;
