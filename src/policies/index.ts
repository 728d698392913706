import { agencyPolicy } from "./agency.ts";
import { commentPolicy } from "./comment.ts";
import { deadlineChangePolicy } from "./deadlineChange.ts";
import { planPolicy } from "./plan.ts";
import type { Principal } from "./principal.ts";
import { reportPolicy } from "./report.ts";
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
      list: agencyPolicy.list(p),
      manage: agencyPolicy.manage(p),
      addAlias: agencyPolicy.addAlias(p),
      createWhileImporting: agencyPolicy.createWhileImporting(p),
    },
    plan: { list: planPolicy.list(p), import: planPolicy.import(p), edit: planPolicy.edit(p) },
    task: { scope: taskScope(p).kind },
    report: {
      submit: reportPolicy.submit(p),
      review: reportPolicy.review(p),
      reopen: reportPolicy.reopen(p),
      reviewQueue: reportPolicy.reviewQueue(p),
      approveAsHead: p.agencyId !== null && reportPolicy.approveAsHead(p, p.agencyId),
    },
    // Agency staff ask for extensions on their lead assignments (checked per assignment on the server).
    deadlineChange: { request: reportPolicy.submit(p), decide: deadlineChangePolicy.decide(p) },
    comment: { add: commentPolicy.add(p) },
    user: { create: userPolicy.create(p), list: userPolicy.list(p) },
  };
}
export type Abilities = ReturnType<typeof abilities>;
