import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { agencies, userRoles, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { needsAgency } from "../domain/roles.ts";
import { conflict, invalid } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { agencyRequiredMessage, type CreateUserInput, createUserInput } from "./inputs/createUser.ts";

export { type CreateUserInput, createUserInput };

export interface CreateUserOptions {
  /**
   * True for a password someone other than its owner chose (an administrator, `dondoc user
   * add`, the environment's first administrator): the owner must replace it at first login.
   * False only for accounts whose password is published anyway (the demo) and for tests.
   */
  mustChangePassword: boolean;
}

/** Issues an account (administrators only; checked by the caller's policy). */
export async function createUser(ctx: CommandContext, raw: CreateUserInput, options: CreateUserOptions) {
  const input = createUserInput.parse(raw);
  if (needsAgency(input.roles) && !input.agencyId) {
    throw invalid("agency_required", agencyRequiredMessage);
  }
  if (input.agencyId) {
    const found = await ctx.tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(inTenant(agencies, ctx.tenantId, eq(agencies.id, input.agencyId)));
    if (!found[0]) throw invalid("agency_not_found", "Cơ quan, đơn vị được chọn không tồn tại.");
  }
  const taken = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken[0]) throw conflict("username_taken", `Tên đăng nhập "${input.username}" đã được dùng.`);

  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  const [user] = await ctx.tx
    .insert(users)
    .values({
      tenantId: ctx.tenantId,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      mustChangePassword: options.mustChangePassword,
      passwordChangedAt: new Date(),
      agencyId: input.agencyId ?? null,
    })
    .returning({ id: users.id, username: users.username });
  await ctx.tx
    .insert(userRoles)
    .values(input.roles.map((role) => ({ tenantId: ctx.tenantId, userId: user!.id, role })));
  await recordAudit(ctx, {
    action: "user.create",
    entityType: "user",
    entityId: user!.id,
    after: {
      username: input.username,
      displayName: input.displayName,
      roles: input.roles,
      agencyId: input.agencyId,
      mustChangePassword: options.mustChangePassword,
    },
  });
  return user!;
}
