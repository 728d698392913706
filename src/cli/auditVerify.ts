import type { Executor } from "../db/client.ts";
import { type BrokenEntry, hashAt, type TenantChain, verifyAuditChains } from "../queries/auditChain.ts";

const problemText: Record<BrokenEntry["problem"], string> = {
  seq: "số thứ tự không liền mạch (có bản ghi bị xóa, chèn hoặc đổi chỗ)",
  prev_hash: "mã băm của bản ghi trước không khớp (chuỗi bị cắt hoặc ghép)",
  hash: "nội dung không còn khớp mã băm (bản ghi đã bị sửa)",
};

const name = (chain: TenantChain) => `${chain.tenantName ?? "(không rõ tên)"} [${chain.tenantId}]`;

/** One line per tenant, in Vietnamese: what holds, the anchor to write down, or the first broken entry. */
export function describeChain(chain: TenantChain): string {
  if (chain.broken) {
    const b = chain.broken;
    return (
      `${name(chain)}: CHUỖI BỊ PHÁ tại bản ghi số ${b.seq} (id ${b.id}, lúc ${b.at}, thao tác ${b.action}): ` +
      `${problemText[b.problem]}. ${chain.verified}/${chain.total} bản ghi trước đó hợp lệ.`
    );
  }
  const anchor = chain.latestHash
    ? ` Bản ghi cuối số ${chain.latestSeq}, mã băm ${chain.latestHash} (mốc: ${chain.tenantId}:${chain.latestSeq}:${chain.latestHash}).`
    : "";
  const sql =
    chain.sqlMismatches > 0
      ? ` CẢNH BÁO: hàm audit_log_hash trong CSDL cho kết quả khác ở ${chain.sqlMismatches} bản ghi (hàm đã bị thay?).`
      : "";
  return `${name(chain)}: ${chain.verified}/${chain.total} bản ghi hợp lệ, chuỗi nguyên vẹn.${anchor}${sql}`;
}

/** A hash written down earlier: `<tenant id>:<seq>:<hash>`, as the verify output gives them. */
export interface Anchor {
  tenantId: string;
  seq: number;
  hash: string;
}

export function parseAnchor(text: string): Anchor | null {
  const match = /^([0-9a-f-]{36}):(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  return match
    ? { tenantId: match[1]!.toLowerCase(), seq: Number(match[2]), hash: match[3]!.toLowerCase() }
    : null;
}

/**
 * A consistent chain may still be a rewritten one: an anchor kept outside the database must
 * still be in it, with the same hash. Null when it is; else what is wrong, in Vietnamese.
 */
async function checkAnchor(db: Executor, anchor: Anchor): Promise<string | null> {
  const stored = await hashAt(db, anchor.tenantId, anchor.seq);
  if (stored === anchor.hash) return null;
  return stored === null
    ? `Mốc ${anchor.tenantId}:${anchor.seq}: không còn bản ghi số ${anchor.seq} (nhật ký bị cắt bớt).`
    : `Mốc ${anchor.tenantId}:${anchor.seq}: mã băm đã khác (${stored}); nhật ký đã bị viết lại từ bản ghi này trở về trước.`;
}

/**
 * `dondoc audit verify`: walks every tenant's chain and checks the anchors given; true when all
 * hold. The latest hashes it prints are the anchors to keep outside the database (a superuser
 * could rewrite a whole chain).
 */
export async function verifyAudit(
  db: Executor,
  write: (line: string) => void,
  options: { json?: boolean; anchors?: Anchor[] } = {},
): Promise<boolean> {
  const chains = await verifyAuditChains(db);
  const anchorProblems: string[] = [];
  for (const anchor of options.anchors ?? []) {
    const problem = await checkAnchor(db, anchor);
    if (problem) anchorProblems.push(problem);
  }
  const ok =
    anchorProblems.length === 0 && chains.every((chain) => !chain.broken && chain.sqlMismatches === 0);
  if (options.json) {
    write(JSON.stringify({ ok, chains, anchorProblems }, null, 2));
    return ok;
  }
  if (chains.length === 0) write("Nhật ký hệ thống chưa có bản ghi nào.");
  for (const chain of chains) write(describeChain(chain));
  for (const problem of anchorProblems) write(problem);
  if (options.anchors?.length && anchorProblems.length === 0) {
    write(`${options.anchors.length} mốc đã lưu vẫn khớp.`);
  }
  return ok;
}
