import type { Executor } from "../db/client.ts";
import { type BrokenEntry, type TenantChain, verifyAuditChains } from "../queries/auditChain.ts";

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
  const anchor = chain.latestHash ? ` Bản ghi cuối số ${chain.latestSeq}, mã băm ${chain.latestHash}.` : "";
  const sql =
    chain.sqlMismatches > 0
      ? ` CẢNH BÁO: hàm audit_log_hash trong CSDL cho kết quả khác ở ${chain.sqlMismatches} bản ghi (hàm đã bị thay?).`
      : "";
  return `${name(chain)}: ${chain.verified}/${chain.total} bản ghi hợp lệ, chuỗi nguyên vẹn.${anchor}${sql}`;
}

/**
 * `dondoc audit verify`: walks every tenant's chain; true when all hold. The latest hashes it
 * prints are the anchors to keep outside the database (a superuser could rewrite a whole chain).
 */
export async function verifyAudit(
  db: Executor,
  write: (line: string) => void,
  options: { json?: boolean } = {},
): Promise<boolean> {
  const chains = await verifyAuditChains(db);
  const ok = chains.every((chain) => !chain.broken && chain.sqlMismatches === 0);
  if (options.json) {
    write(JSON.stringify({ ok, chains }, null, 2));
    return ok;
  }
  if (chains.length === 0) write("Nhật ký hệ thống chưa có bản ghi nào.");
  for (const chain of chains) write(describeChain(chain));
  return ok;
}
