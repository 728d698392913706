// Shapes of the tracking workflow's API: a task's assignments, reports and their reviews,
// deadline changes, directive comments, the review queue and notifications, derived from the
// generated OpenAPI types (see schema.ts).
import type { SubmitReportInput } from "../../../src/commands/inputs/submitReport.ts";
import type { Json } from "./schema.ts";

export type TaskDetail = Json<"/api/tasks/{taskId}">;
export type AssignmentStatusRow = TaskDetail["assignments"][number];

export type TaskReports = Json<"/api/tasks/{taskId}/reports">;
export type Report = TaskReports["reports"][number];
export type ReportAssignment = TaskReports["assignments"][number];
export type Evidence = Report["evidence"][number];

export type DirectiveComment = Json<"/api/tasks/{taskId}/comments">["items"][number];
export type QueueItem = Json<"/api/review-queue">["items"][number];
export type PastDecision = Json<"/api/review-decisions">["items"][number];
export type DeadlineChange = Json<"/api/deadline-changes">["items"][number];
export type Notification = Json<"/api/notifications">["items"][number];

/** What the progress report form sends (submitReport, multipart): the command's fields, and the files. */
export type ReportInput = Omit<SubmitReportInput, "assignmentId"> & { files: File[] };
