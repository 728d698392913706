import { eq, inArray } from "drizzle-orm";
import { documents, notifications, plans, tasks, userRoles, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { type TaskNaming, taskLabel, taskShortLabel } from "../domain/taskLabel.ts";
import { notFound } from "../errors.ts";
import type { Role } from "../policies/principal.ts";
import type { CommandContext } from "./context.ts";

export interface NotificationDraft {
  /** Stable kind for the client ("report_submitted", "deadline_change_decided", …). */
  kind: string;
  title: string;
  body?: string;
  /** A path inside the web app. */
  link?: string | null;
}

/** Web app paths that notifications point to. */
export const notificationLinks = {
  task: (taskId: string) => `/nhiem-vu/${taskId}`,
  reviewQueue: "/duyet-bao-cao",
  deadlineChanges: "/gia-han",
};

/**
 * Inserts in-app notifications in the caller's transaction, so they exist exactly when the step
 * they announce does. Recipients are de-duplicated; the actor is not told about their own action.
 * Returns how many were written.
 */
export async function notify(
  ctx: CommandContext,
  recipients: Iterable<string | null | undefined>,
  draft: NotificationDraft,
): Promise<number> {
  const ids = new Set<string>();
  for (const id of recipients) if (id && id !== ctx.actor.userId) ids.add(id);
  if (ids.size === 0) return 0;
  await ctx.tx.insert(notifications).values(
    [...ids].map((userId) => ({
      tenantId: ctx.tenantId,
      userId,
      kind: draft.kind,
      title: draft.title,
      body: draft.body ?? "",
      link: draft.link ?? null,
    })),
  );
  return ids.size;
}

/**
 * How every notification names a task: "nhiệm vụ II.9 (số 3450/KH-UBND)" for a title, the same
 * with the title's start for a body (src/domain/taskLabel.ts). Read from the database in the
 * caller's transaction, so that each command names the task the same way.
 */
export async function taskLabelsOf(ctx: CommandContext, taskId: string) {
  const [row] = await ctx.tx
    .select({ ref: tasks.ref, title: tasks.title, planNumber: documents.number, planName: plans.name })
    .from(tasks)
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .where(inTenant(tasks, ctx.tenantId, eq(tasks.id, taskId)));
  if (!row) throw notFound("nhiệm vụ");
  const naming: TaskNaming = row;
  return { short: taskShortLabel(naming), full: taskLabel(naming) };
}

/** Active accounts of the tenant holding one of these roles. */
export async function usersWithRoles(ctx: CommandContext, roles: Role[]): Promise<string[]> {
  const rows = await ctx.tx
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, tenantJoin(userRoles.userId, users.id))
    .where(inTenant(users, ctx.tenantId, eq(users.disabled, false), inArray(userRoles.role, roles)));
  return rows.map((r) => r.id);
}

/** Active accounts working for these agencies (optionally only those holding one of the roles). */
export async function usersOfAgencies(
  ctx: CommandContext,
  agencyIds: string[],
  roles?: Role[],
): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const where = inTenant(
    users,
    ctx.tenantId,
    eq(users.disabled, false),
    inArray(users.agencyId, agencyIds),
    roles ? inArray(userRoles.role, roles) : undefined,
  );
  const rows = await ctx.tx
    .selectDistinct({ id: users.id })
    .from(users)
    .leftJoin(userRoles, tenantJoin(userRoles.userId, users.id))
    .where(where);
  return rows.map((r) => r.id);
}
