import { eq } from "drizzle-orm";
import { users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** Undoes `deleteUser`: the account may log in again with the password it had. */
export async function restoreUser(ctx: CommandContext, userId: string): Promise<{ id: string }> {
  const { tx, tenantId } = ctx;
  const [user] = await tx
    .select({ username: users.username, deletedAt: users.deletedAt })
    .from(users)
    .where(inTenant(users, tenantId, eq(users.id, userId)))
    .for("update");
  if (!user) throw notFound("tài khoản");
  if (!user.deletedAt) throw conflict("user_not_deleted", "Tài khoản này chưa bị xóa.");
  await tx
    .update(users)
    .set({ deletedAt: null, deletedBy: null, updatedAt: new Date() })
    .where(inTenant(users, tenantId, eq(users.id, userId)));
  await recordAudit(ctx, {
    action: "user.restored",
    entityType: "user",
    entityId: userId,
    before: { username: user.username, deletedAt: user.deletedAt.toISOString() },
    after: { deletedAt: null },
  });
  return { id: userId };
}
