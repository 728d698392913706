import { eq } from "drizzle-orm";
import { sessions } from "../db/schema/index.ts";
import { hashToken } from "../lib/sessionToken.ts";
import { type CommandContext, recordAudit } from "./context.ts";

export async function endSession(ctx: CommandContext, token: string): Promise<void> {
  const removed = await ctx.tx
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .returning({ userId: sessions.userId });
  if (removed[0])
    await recordAudit(ctx, { action: "session.logout", entityType: "user", entityId: removed[0].userId });
}
