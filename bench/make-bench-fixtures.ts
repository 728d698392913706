/**
 * Makes the two benchmark inputs from the 3450/KH-UBND text rendering:
 *
 *   npx tsx bench/make-bench-fixtures.ts
 *
 * - fixtures/generated/bench-150-rows.docx: the plan with its task table cut or padded (tasks
 *   repeated, section rows kept) to 150 rows under the header;
 * - fixtures/generated/bench-56-pages.pdf: the plan with more task rows, printed by LibreOffice,
 *   rows added or removed until the PDF has 56 pages.
 */
import { readFile, writeFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type PlanItem, type PlanTable, parsePlanText, sectionOf } from "../scripts/fixtures/planText.ts";
import { writeDocx } from "../scripts/fixtures/writeDocx.ts";
import { convertWithSoffice } from "../src/ingest/readers/soffice.ts";

const root = new URL("../", import.meta.url);
const TARGET_PAGES = 56;

const isTaskTable = (item: PlanItem): item is PlanTable =>
  item.kind === "table" && item.header.some((h) => /nhiệm vụ/i.test(h.normalize("NFC")));

/** The plan with its task table holding `count` rows: the original ones, then tasks again. */
function withRows(items: PlanItem[], count: number): PlanItem[] {
  return items.map((item) => {
    if (!isTaskTable(item)) return item;
    const tasks = item.rows.filter((row) => !sectionOf(row));
    const rows = item.rows.slice(0, count);
    for (let i = 0; rows.length < count; i++) rows.push([...tasks[i % tasks.length]!]);
    return { ...item, rows };
  });
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function main(): Promise<void> {
  const text = await readFile(new URL("fixtures/plans/lam-dong-3450-kh-ubnd.txt", root), "utf8");
  const items = parsePlanText(text);
  const original = items.find(isTaskTable)!.rows.length;

  const docx150 = await writeDocx(withRows(items, 150));
  await writeFile(new URL("fixtures/generated/bench-150-rows.docx", root), docx150);
  process.stderr.write("bench-150-rows.docx: 150 task rows\n");

  let rows = original;
  let best: { rows: number; pages: number; pdf: Uint8Array } | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const pdf = await convertWithSoffice(await writeDocx(withRows(items, rows)), "docx", "pdf", "Word");
    const pages = await pageCount(pdf);
    process.stderr.write(`${rows} task rows → ${pages} pages\n`);
    if (!best || Math.abs(pages - TARGET_PAGES) < Math.abs(best.pages - TARGET_PAGES))
      best = { rows, pages, pdf };
    if (pages === TARGET_PAGES) break;
    // About five task rows fill a landscape page.
    rows = Math.max(1, rows + Math.round((TARGET_PAGES - pages) * 4.5) || (pages < TARGET_PAGES ? 1 : -1));
  }
  await writeFile(new URL("fixtures/generated/bench-56-pages.pdf", root), best!.pdf);
  process.stderr.write(`bench-56-pages.pdf: ${best!.rows} task rows, ${best!.pages} pages\n`);
}

await main();
