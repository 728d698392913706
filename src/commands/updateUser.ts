import { eq } from "drizzle-orm";
import { agencies, sessions, userRoles, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { needsAgency, type Role } from "../domain/roles.ts";
import { invalid, notFound } from "../errors.ts";
import { type CommandContext, changedFields, recordAudit } from "./context.ts";
import { agencyRequiredMessage, type UpdateUserInput, updateUserInput } from "./inputs/createUser.ts";

/**
 * An administrator edits an account: name, e-mail, roles, agency. A change of roles or agency
 * changes what the account may see, so its open sessions end and it logs in again under the new
 * rights. An administrator cannot take the administrator role from themselves: the province
 * could be left with no one to manage accounts.
 */
export async function updateUser(
  ctx: CommandContext,
  userId: string,
  raw: UpdateUserInput,
): Promise<{ id: string; changed: string[] }> {
  const input = updateUserInput.parse(raw);
  const { tx, tenantId } = ctx;
  const [user] = await tx
    .select({
      displayName: users.displayName,
      email: users.email,
      agencyId: users.agencyId,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(inTenant(users, tenantId, eq(users.id, userId)))
    .for("update");
  if (!user || user.deletedAt) throw notFound("tài khoản");
  const currentRoles = (
    await tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(inTenant(userRoles, tenantId, eq(userRoles.userId, userId)))
  )
    .map((r) => r.role as Role)
    .sort();
  const before = {
    displayName: user.displayName,
    email: user.email,
    agencyId: user.agencyId,
    roles: currentRoles,
  };
  const after = {
    displayName: input.displayName ?? before.displayName,
    email: input.email !== undefined ? input.email : before.email,
    agencyId: input.agencyId !== undefined ? input.agencyId : before.agencyId,
    roles: input.roles ? [...new Set(input.roles)].sort() : before.roles,
  };
  if (needsAgency(after.roles) && !after.agencyId) throw invalid("agency_required", agencyRequiredMessage);
  if (userId === ctx.actor.userId && before.roles.includes("admin") && !after.roles.includes("admin")) {
    throw invalid("cannot_demote_self", "Không thể tự bỏ vai trò quản trị của chính mình.");
  }
  if (after.agencyId && after.agencyId !== before.agencyId) {
    const [found] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(inTenant(agencies, tenantId, eq(agencies.id, after.agencyId)));
    if (!found) throw invalid("agency_not_found", "Cơ quan, đơn vị được chọn không tồn tại.");
  }
  const diff = changedFields(before, after);
  if (!diff) return { id: userId, changed: [] };
  await tx
    .update(users)
    .set({
      displayName: after.displayName,
      email: after.email,
      agencyId: after.agencyId,
      updatedAt: new Date(),
    })
    .where(inTenant(users, tenantId, eq(users.id, userId)));
  const rightsChanged = "roles" in diff.after || "agencyId" in diff.after;
  if ("roles" in diff.after) {
    await tx.delete(userRoles).where(inTenant(userRoles, tenantId, eq(userRoles.userId, userId)));
    await tx.insert(userRoles).values(after.roles.map((role) => ({ tenantId, userId, role })));
  }
  if (rightsChanged && userId !== ctx.actor.userId) {
    await tx.delete(sessions).where(inTenant(sessions, tenantId, eq(sessions.userId, userId)));
  }
  await recordAudit(ctx, { action: "user.update", entityType: "user", entityId: userId, ...diff });
  return { id: userId, changed: Object.keys(diff.after) };
}
