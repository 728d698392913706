import { eq } from "drizzle-orm";
import { sessions, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * An administrator deletes an account: it can no longer log in, its sessions end, and it leaves
 * the list of accounts. The row stays, so the audit history and the name on past reports stay
 * too; `restoreUser` brings it back with its password and roles.
 */
export async function deleteUser(ctx: CommandContext, userId: string): Promise<{ id: string }> {
  if (ctx.actor.userId === userId) {
    throw invalid("cannot_delete_self", "Không thể tự xóa tài khoản của chính mình.");
  }
  const { tx, tenantId } = ctx;
  const [user] = await tx
    .select({ username: users.username, deletedAt: users.deletedAt })
    .from(users)
    .where(inTenant(users, tenantId, eq(users.id, userId)))
    .for("update");
  if (!user) throw notFound("tài khoản");
  if (user.deletedAt) throw conflict("user_deleted", "Tài khoản này đã bị xóa.");
  const now = new Date();
  await tx
    .update(users)
    .set({ deletedAt: now, deletedBy: ctx.actor.userId, updatedAt: now })
    .where(inTenant(users, tenantId, eq(users.id, userId)));
  await tx.delete(sessions).where(inTenant(sessions, tenantId, eq(sessions.userId, userId)));
  await recordAudit(ctx, {
    action: "user.deleted",
    entityType: "user",
    entityId: userId,
    before: { username: user.username, deletedAt: null },
    after: { deletedAt: now.toISOString() },
  });
  return { id: userId };
}
