import {
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { createdAt, tenantColumns } from "./columns.ts";
import { tasks } from "./plans.ts";

/** In-app notifications (a later issue adds e-mail through the job queue). */
export const notifications = pgTable(
  "notifications",
  {
    ...tenantColumns(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    index("notifications_user_idx").on(t.tenantId, t.userId, t.readAt),
  ],
);

/** Phản ánh, kiến nghị, sáng kiến, đặt hàng from the public. */
export const feedbackKind = pgEnum("feedback_kind", [
  "complaint",
  "recommendation",
  "initiative",
  "product_request",
]);
export const feedbackState = pgEnum("feedback_state", ["received", "in_review", "answered", "rejected"]);

export const feedbackItems = pgTable(
  "feedback_items",
  {
    ...tenantColumns(),
    kind: feedbackKind("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    submitterName: text("submitter_name"),
    submitterEmail: text("submitter_email"),
    submitterPhone: text("submitter_phone"),
    taskId: uuid("task_id"),
    state: feedbackState("state").notNull().default("received"),
    /** The answer is due within a set number of working days. */
    answerDueOn: date("answer_due_on", { mode: "string" }),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }),
    foreignKey({ columns: [t.tenantId, t.answeredBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);
