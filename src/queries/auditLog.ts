import { and, desc, eq, gte, like, lt, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { auditLog, users } from "../db/schema/index.ts";
import { tenantJoin } from "../db/tenancy.ts";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "./keyset.ts";

/** `like` with the user's text taken literally (a `%` or `_` typed is not a wildcard). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const text = (max: number) => z.string().trim().min(1).max(max).optional();

/** What an administrator filters the log by; shared by the list and the export. */
export const auditLogFilter = z.object({
  /** From this instant (inclusive), ISO 8601 with an offset. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Up to this instant (inclusive). */
  to: z.iso.datetime({ offset: true }).optional(),
  userId: z.uuid().optional(),
  /** An action, or the start of one ("report." for every report action). */
  action: text(100),
  entityType: text(100),
  entityId: text(200),
  /** An address, or its start ("10.0."). */
  ip: text(100),
});
export type AuditLogFilter = z.infer<typeof auditLogFilter>;

const auditCursor = z.tuple([z.number().int().positive()]);
const readAuditCursor = (after: string | undefined) => decodeCursor(after, auditCursor);

export const auditLogPage = auditLogFilter
  .extend({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset pagination: the `nextCursor` of the previous page. */
    after: z.string().max(200).optional(),
  })
  .refine((page) => !page.after || readAuditCursor(page.after), {
    path: ["after"],
    message: invalidCursorMessage,
  });

export interface AuditLogRow {
  id: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  hash: string;
}

function conditions(tenantId: string, filter: AuditLogFilter): SQL {
  return and(
    eq(auditLog.tenantId, tenantId),
    filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
    filter.userId ? eq(auditLog.actorUserId, filter.userId) : undefined,
    filter.action ? like(auditLog.action, `${escapeLike(filter.action)}%`) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.ip ? like(auditLog.ip, `${escapeLike(filter.ip)}%`) : undefined,
  )!;
}

/** Rows matching the filter, newest first (the chain's order), at most `limit` after `afterSeq`. */
async function selectRows(
  db: Executor,
  tenantId: string,
  filter: AuditLogFilter,
  limit: number,
  afterSeq: number | null,
): Promise<AuditLogRow[]> {
  const rows = await db
    .select({
      id: sql<string>`${auditLog.id}::text`,
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      requestId: auditLog.requestId,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(users, tenantJoin(users.id, auditLog.actorUserId))
    .where(and(conditions(tenantId, filter), afterSeq === null ? undefined : lt(auditLog.seq, afterSeq)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((row) => ({ ...row, seq: Number(row.seq), at: row.at.toISOString() }));
}

/** A page of the log for the administrators' screen; `nextCursor` reads the page after it. */
export async function listAuditLog(db: Executor, tenantId: string, page: z.infer<typeof auditLogPage>) {
  const cursor = readAuditCursor(page.after);
  const rows = await selectRows(db, tenantId, page, page.limit + 1, cursor ? cursor[0] : null);
  const items = rows.slice(0, page.limit);
  return {
    items,
    nextCursor: rows.length > page.limit ? encodeCursor([items.at(-1)!.seq]) : null,
  };
}

/** The most rows one export writes; a longer log is exported in narrower time ranges. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Every row matching the filter for an export, newest first, read in pages; `truncated` past the limit. */
export async function auditLogForExport(db: Executor, tenantId: string, filter: AuditLogFilter) {
  const rows: AuditLogRow[] = [];
  let afterSeq: number | null = null;
  while (rows.length < AUDIT_EXPORT_LIMIT) {
    const page = await selectRows(
      db,
      tenantId,
      filter,
      Math.min(5000, AUDIT_EXPORT_LIMIT - rows.length),
      afterSeq,
    );
    rows.push(...page);
    if (page.length === 0 || rows.length >= AUDIT_EXPORT_LIMIT) break;
    afterSeq = page.at(-1)!.seq;
  }
  const [more] =
    rows.length >= AUDIT_EXPORT_LIMIT ? await selectRows(db, tenantId, filter, 1, rows.at(-1)!.seq) : [];
  return { rows, truncated: more !== undefined };
}
