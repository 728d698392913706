import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";

/**
 * Recomputes each tenant's audit chain in JavaScript, independently of the trigger that wrote
 * it (drizzle/0007_audit_chain.sql): the database gives each field as text, the hashing and the
 * chaining happen here. A row altered or removed by someone able to bypass the trigger breaks
 * the chain from that row on; the latest hash, written down elsewhere, anchors the whole chain
 * (docs/decisions/0011-audit-chain.md).
 */

export const GENESIS_HASH = "0".repeat(64);

/** A row's fields exactly as the canonical text takes them (nulls stay null). */
export interface ChainRow {
  id: string;
  tenantId: string;
  seq: string;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

const field = (value: string | null) =>
  value === null ? "~" : `${Buffer.byteLength(value, "utf8")}:${value}`;

/** The text the hash is taken over; the same as `audit_log_canonical` in SQL. */
export function canonicalText(row: ChainRow, prevHash: string): string {
  return [
    prevHash,
    ...[
      row.tenantId,
      row.seq,
      row.at,
      row.actorUserId,
      row.actorLabel,
      row.action,
      row.entityType,
      row.entityId,
      row.before,
      row.after,
      row.ip,
      row.userAgent,
      row.requestId,
    ].map(field),
  ].join("|");
}

export const chainHash = (row: ChainRow, prevHash: string) =>
  createHash("sha256").update(canonicalText(row, prevHash), "utf8").digest("hex");

export interface BrokenEntry {
  seq: string;
  id: string;
  at: string;
  action: string;
  /** What does not hold: the position, the link to the previous row, or the row's own hash. */
  problem: "seq" | "prev_hash" | "hash";
}

export interface TenantChain {
  tenantId: string;
  tenantName: string | null;
  /** Rows verified before the first broken one (all of them when the chain holds). */
  verified: number;
  total: number;
  latestSeq: string | null;
  latestHash: string | null;
  broken: BrokenEntry | null;
  /** Rows whose stored hash the database's own function (`audit_log_hash`) does not reproduce. */
  sqlMismatches: number;
}

const PAGE = 2000;

/**
 * The fields of a tenant's rows after `afterSeq`, in chain order, all as text. (Ordered by the
 * column `a.seq`: a bare `seq` would name the text output column and sort 10 before 2.)
 */
async function chainPage(db: Executor, tenantId: string, afterSeq: number): Promise<ChainRow[]> {
  const result = await db.execute(sql`
    select id::text as "id", tenant_id::text as "tenantId", seq::text as "seq",
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at",
      actor_user_id::text as "actorUserId", actor_label as "actorLabel", action,
      entity_type as "entityType", entity_id as "entityId", before::text as "before",
      after::text as "after", ip, user_agent as "userAgent", request_id as "requestId",
      prev_hash as "prevHash", hash
    from audit_log a where a.tenant_id = ${tenantId} and a.seq > ${afterSeq}
    order by a.seq limit ${PAGE}`);
  return rowsOf<ChainRow>(result);
}

/** Walks one tenant's chain from seq 1 and stops at the first row that does not hold. */
export async function verifyTenantChain(db: Executor, tenantId: string): Promise<TenantChain> {
  const head = rowsOf<{ total: string; name: string | null; mismatches: string }>(
    await db.execute(sql`
      select count(*)::text as total,
        (select name from tenants where id = ${tenantId}) as name,
        count(*) filter (where audit_log_hash(a) <> a.hash)::text as mismatches
      from audit_log a where a.tenant_id = ${tenantId}`),
  )[0];
  const chain: TenantChain = {
    tenantId,
    tenantName: head?.name ?? null,
    verified: 0,
    total: Number(head?.total ?? 0),
    latestSeq: null,
    latestHash: null,
    broken: null,
    sqlMismatches: Number(head?.mismatches ?? 0),
  };
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  for (let afterSeq = 0; ; ) {
    const rows = await chainPage(db, tenantId, afterSeq);
    for (const row of rows) {
      const problem =
        row.seq !== String(expectedSeq)
          ? "seq"
          : row.prevHash !== previous
            ? "prev_hash"
            : row.hash !== chainHash(row, previous)
              ? "hash"
              : null;
      if (problem) {
        chain.broken = { seq: row.seq, id: row.id, at: row.at, action: row.action, problem };
        return chain;
      }
      chain.verified += 1;
      chain.latestSeq = row.seq;
      chain.latestHash = row.hash;
      previous = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < PAGE) return chain;
    afterSeq = Number(rows.at(-1)!.seq);
  }
}

/** Every tenant that has audit rows, each chain walked on its own. */
export async function verifyAuditChains(db: Executor): Promise<TenantChain[]> {
  const tenants = rowsOf<{ tenantId: string }>(
    await db.execute(sql`select distinct tenant_id::text as "tenantId" from audit_log order by "tenantId"`),
  );
  const chains: TenantChain[] = [];
  for (const { tenantId } of tenants) chains.push(await verifyTenantChain(db, tenantId));
  return chains;
}

/** The stored hash of a tenant's row at `seq`, or null when there is no such row. */
export async function hashAt(db: Executor, tenantId: string, seq: number): Promise<string | null> {
  const [row] = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from audit_log where tenant_id = ${tenantId} and seq = ${seq}`),
  );
  return row?.hash ?? null;
}
