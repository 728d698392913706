import { eq } from "drizzle-orm";
import { users } from "../db/schema/index.ts";
import type { CommandContext } from "./context.ts";
import { createUser } from "./createUser.ts";

/**
 * Creates the administrator named by DONDOC_ADMIN_USER/PASSWORD on first start; an existing
 * account of that name is left untouched (the password is not reset behind the owner's back).
 */
export async function ensureAdmin(ctx: CommandContext, admin: { username: string; password: string }) {
  const [existing] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, admin.username.toLowerCase()));
  if (existing) return { created: false };
  await createUser(ctx, {
    username: admin.username,
    displayName: "Quản trị hệ thống",
    password: admin.password,
    roles: ["admin"],
  });
  return { created: true };
}
