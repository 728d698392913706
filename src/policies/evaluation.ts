import { allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";
import { taskScope } from "./task.ts";

export const NOT_YOUR_AGENCY = "Bạn chỉ được xem đánh giá của cơ quan, đơn vị mình.";

/**
 * Early warning and ranking (docs/EVALUATION.md). Every account reads the at-risk list within its
 * task scope and the province's ranking (published to every agency, as the provincial reports
 * publish it); asking about one agency is limited to the caller's own agency for agency staff.
 * The standing office and administrators set the ranking's weights.
 */
export const evaluationPolicy = {
  listAtRisk: (_p: Principal) => allow,
  readRanking: (_p: Principal) => allow,
  /** One agency's view (its at-risk list, its ranking row): province-wide roles, or its own staff. */
  readAgency: (p: Principal, agencyId: string) => {
    const scope = taskScope(p);
    return decide(scope.kind === "all" || scope.agencyIds.includes(agencyId), NOT_YOUR_AGENCY);
  },
  manageRankingSettings: (p: Principal) =>
    decide(
      hasRole(p, "admin", "coordinator"),
      "Chỉ cơ quan thường trực và quản trị viên được thay đổi cách tính điểm xếp hạng.",
    ),
};
