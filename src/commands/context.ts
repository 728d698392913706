import type { Transaction } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";

/** Who is acting and from where; copied into every audit row. */
export interface Actor {
  userId: string | null;
  /** "user:<username>", "cli", "seed", "system". */
  label: string;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/** What every command runs with: an open transaction, the tenant it acts in, and the actor. */
export interface CommandContext {
  tx: Transaction;
  tenantId: string;
  actor: Actor;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit row inside the command's transaction: both commit, or neither. */
export async function recordAudit(ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await ctx.tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.actor.ip ?? null,
    userAgent: ctx.actor.userAgent ?? null,
    requestId: ctx.actor.requestId ?? null,
  });
}

export const cliActor: Actor = { userId: null, label: "cli" };
export const seedActor: Actor = { userId: null, label: "seed" };
export const systemActor: Actor = { userId: null, label: "system" };
