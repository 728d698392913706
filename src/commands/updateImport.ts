import { eq } from "drizzle-orm";
import { imports } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { parseDeadline } from "../domain/deadline.ts";
import { conflict, notFound } from "../errors.ts";
import { type Extraction, extractionSchema } from "../ingest/extraction.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * The import row, locked until the transaction ends, provided it can still change: a discarded
 * import is gone (404), a committed one is final (409). Two commits of one import thus queue on
 * the lock, and the second finds it committed.
 */
export async function lockOpenImport(ctx: CommandContext, importId: string) {
  const [row] = await ctx.tx
    .select()
    .from(imports)
    .where(inTenant(imports, ctx.tenantId, eq(imports.id, importId)))
    .for("update");
  if (!row || row.state === "discarded") throw notFound("bản nhập");
  if (row.state === "committed") {
    throw conflict(
      "import_committed",
      "Bản nhập này đã được lưu thành kế hoạch; không thể sửa hoặc lưu lại lần nữa.",
    );
  }
  return row;
}

export interface CellChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * The cells that differ between two versions of an extraction, for the audit trail: document
 * fields, and task/indicator fields by position ("tasks[12].deadline"); rows added or dropped as
 * a whole. At most `limit` entries, so a wholesale replacement does not bloat the log.
 */
export function extractionChanges(before: Extraction, after: Extraction, limit = 200): CellChange[] {
  const changes: CellChange[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const push = (path: string, a: unknown, b: unknown) => {
    if (changes.length < limit && !same(a, b)) changes.push({ path, before: a ?? null, after: b ?? null });
  };
  for (const key of Object.keys(after.document) as (keyof Extraction["document"])[]) {
    push(`document.${key}`, before.document[key], after.document[key]);
  }
  for (const list of ["tasks", "indicators", "warnings"] as const) {
    const a = before[list] as Record<string, unknown>[];
    const b = after[list] as Record<string, unknown>[];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i];
      const y = b[i];
      if (!x || !y) {
        push(`${list}[${i}]`, x, y);
        continue;
      }
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
        // Confidence and doubts are derived, not corrected: they are no change to log.
        if (key !== "confidence" && key !== "doubts") push(`${list}[${i}].${key}`, x[key], y[key]);
      }
    }
  }
  return changes;
}

/**
 * Replaces the extraction of an open import by the importer's corrected version (the whole of it:
 * any cell may have been fixed, rows added or dropped). The audit row lists the cells changed.
 */
export async function updateImport(
  ctx: CommandContext,
  importId: string,
  rawExtraction: Extraction,
): Promise<{ changes: number }> {
  const row = await lockOpenImport(ctx, importId);
  const extraction = withDeadlinesReread(row.extraction as Extraction, extractionSchema.parse(rawExtraction));
  const changes = extractionChanges(row.extraction as Extraction, extraction);
  if (changes.length === 0) return { changes: 0 };
  await ctx.tx
    .update(imports)
    .set({ extraction })
    .where(inTenant(imports, ctx.tenantId, eq(imports.id, importId)));
  await recordAudit(ctx, {
    action: "import.update",
    entityType: "import",
    entityId: importId,
    before: Object.fromEntries(changes.map((c) => [c.path, c.before])),
    after: Object.fromEntries(changes.map((c) => [c.path, c.after])),
  });
  return { changes: changes.length };
}

/**
 * A corrected deadline is corrected as text: when a task's deadline text changed, its kind and
 * due date are read again from the new text by the extraction's rules, so the three never
 * disagree. Unchanged texts keep what the extraction found (it may have used context, such as a
 * date in the output column). A new text the rules cannot date keeps what the importer sent.
 */
function withDeadlinesReread(before: Extraction, after: Extraction): Extraction {
  const previousText = new Map(before.tasks.map((t) => [t.ref, t.deadline.text]));
  return {
    ...after,
    tasks: after.tasks.map((task) => {
      if (previousText.get(task.ref) === task.deadline.text) return task;
      const parsed = parseDeadline(task.deadline.text);
      if (parsed.kind === "unspecified" && task.deadline.kind !== "unspecified") return task;
      return { ...task, deadline: { text: task.deadline.text, kind: parsed.kind, due: parsed.due } };
    }),
  };
}
