/**
 * Makes .docx, .xlsx and .pdf fixtures from the text renderings of real plans, so every reader is
 * tested on the same content as the text reader and against the same *.expected.json.
 *
 *   npx tsx scripts/make-fixtures.ts [name …]
 *
 * Reads fixtures/plans/<name>.txt and fixtures/shapes/<name>.txt (or <name>.md, the tab-separated
 * master of a .txt that holds a flattened rendering; all of them by default) and
 * writes fixtures/generated/<name>.docx, .xlsx and .pdf. The PDF is the .docx printed by LibreOffice; without LibreOffice it is skipped
 * with a warning. The outputs are checked in, so tests and CI need neither this script nor
 * LibreOffice.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { IngestError } from "../src/ingest/errors.ts";
import { convertWithSoffice } from "../src/ingest/readers/soffice.ts";
import { parsePlanText } from "./fixtures/planText.ts";
import { writeDocx } from "./fixtures/writeDocx.ts";
import { writeXlsx } from "./fixtures/writeXlsx.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourceDirs = ["plans", "shapes"].map((d) => join(root, "fixtures", d));
const outDir = join(root, "fixtures", "generated");

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const sources = new Map<string, string>();
  for (const dir of sourceDirs) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const f of files) if (f.endsWith(".txt")) sources.set(basename(f, ".txt"), join(dir, f));
    // A plan whose .txt is a flattened rendering (one cell per line) keeps its tab-separated
    // master beside it as .md; the Word, Excel and PDF files are made from the master.
    for (const f of files)
      if (f.endsWith(".md") && f !== "README.md") sources.set(basename(f, ".md"), join(dir, f));
  }
  const names = [...sources.keys()].filter((n) => wanted.length === 0 || wanted.includes(n)).sort();
  await mkdir(outDir, { recursive: true });
  for (const name of names) {
    const items = parsePlanText(await readFile(sources.get(name)!, "utf8"));
    const docx = await writeDocx(items);
    await writeFile(join(outDir, `${name}.docx`), docx);
    await writeFile(join(outDir, `${name}.xlsx`), await writeXlsx(items));
    try {
      await writeFile(join(outDir, `${name}.pdf`), await convertWithSoffice(docx, "docx", "pdf", "Word"));
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      console.warn(`${name}.pdf: ${err.message}`);
    }
    const tables = items.filter((i) => i.kind === "table");
    const rows = tables.reduce((n, t) => n + (t.kind === "table" ? t.rows.length : 0), 0);
    console.log(`${name}: ${tables.length} table(s), ${rows} row(s) → docx, xlsx, pdf`);
  }
}

await main();
