import type { Executor, Transaction } from "../db/client.ts";
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

/**
 * `before` and `after` hold the fields an operation changed (or the whole new record), never a
 * password, hash, token or secret: administrators read the log, and no one can erase it.
 */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit row inside the command's transaction: both commit, or neither. */
export async function recordAudit(ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await writeAuditRow(ctx.tx, ctx.tenantId, ctx.actor, entry);
}

/**
 * Writes an audit row on any connection. Outside a command it is for what must stay recorded
 * although the work was rolled back (a refused request): on the pool it commits on its own.
 * The chain's place, previous hash and hash are filled by the table's trigger.
 */
export async function writeAuditRow(db: Executor, tenantId: string, actor: Actor, entry: AuditEntry) {
  await db.insert(auditLog).values({
    tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
  });
}

/**
 * The fields that differ between two versions of a record, each side holding only those: what
 * an update's audit row says changed. Values compare by their JSON text.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (keys.length === 0) return null;
  const pick = (record: T) => Object.fromEntries(keys.map((key) => [key, record[key] ?? null])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}

export const cliActor: Actor = { userId: null, label: "cli" };
export const seedActor: Actor = { userId: null, label: "seed" };
export const systemActor: Actor = { userId: null, label: "system" };
