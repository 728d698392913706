// Shapes of the plans and tasks API, derived from the generated OpenAPI types (see schema.ts).
import type { Json, Query } from "./schema.ts";

/** The signed-in account, with the abilities the server's policies computed for it. */
export type Me = Json<"/api/me">;

export type PlanSummary = Json<"/api/plans">["items"][number];
export type PlanDetail = Json<"/api/plans/{planId}">;
export type PlanSection = PlanDetail["sections"][number];

/** A row of the task table: the task and its status as of the day asked (from its lead agencies). */
export type TaskRow = TaskPage["items"][number];
export type TaskPage = Json<"/api/tasks">;
export type TaskQuery = Query<"/api/tasks">;

export type PlanStatusSummary = Json<"/api/plans/{planId}/summary">;
