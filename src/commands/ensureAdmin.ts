import { eq } from "drizzle-orm";
import { StartupError } from "../config.ts";
import { users } from "../db/schema/index.ts";
import { passwordMessage } from "../domain/passwordRules.ts";
import type { CommandContext } from "./context.ts";
import { createUser } from "./createUser.ts";

/**
 * Creates the administrator named by DONDOC_ADMIN_USER/PASSWORD on first start; an existing
 * account of that name is left untouched (the password is not reset behind the owner's back).
 * The password sits in the environment, where others may read it: it is an issued password,
 * to be replaced at first login.
 */
export async function ensureAdmin(ctx: CommandContext, admin: { username: string; password: string }) {
  const [existing] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, admin.username.toLowerCase()));
  if (existing) return { created: false };
  const weak = passwordMessage(admin.password, { username: admin.username });
  if (weak) throw new StartupError(`DONDOC_ADMIN_PASSWORD không dùng được: ${weak}.`);
  await createUser(
    ctx,
    {
      username: admin.username,
      displayName: "Quản trị hệ thống",
      password: admin.password,
      roles: ["admin"],
    },
    { mustChangePassword: true },
  );
  return { created: true };
}
