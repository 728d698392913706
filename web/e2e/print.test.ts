// Printing: a plan's task list and a task's page on A4 landscape, as Chromium prints them (print
// media, then a PDF), read back with pdf.js: the document's header and every task, every column
// header on the first sheet, none of the screen's navigation or buttons.
// Needs the built app: `npx vite build`.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPdf } from "../../src/ingest/readers/pdf/load.ts";
import { openAs, setUpBrowserTests } from "./harness.ts";

const harness = setUpBrowserTests();

/** The text of each page of a PDF, whitespace collapsed. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push(text.normalize("NFC").replace(/\s+/g, " "));
  }
  await pdf.destroy();
  return pages;
}

const printToPdf = async (page: Page) => {
  await page.emulateMedia({ media: "print" });
  const bytes = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  return pdfPages(new Uint8Array(bytes));
};

/** What only the screen shows: the main menu, the account menu, filters, buttons, the footer. */
const SCREEN_ONLY = [
  "Nhập văn bản",
  "Đăng xuất",
  "Tìm theo tên nhiệm vụ",
  "In danh sách",
  "phần mềm nguồn mở",
];

describe("printing", () => {
  it("prints a plan's whole task list with the document's header and every column on page 1", async () => {
    const page = await harness.newPage();
    // The test prints to PDF itself; the browser's print dialog is recorded, not opened.
    await page.addInitScript(() => {
      const w = window as unknown as { print(): void; printRequests: number };
      w.printRequests = 0;
      w.print = () => {
        w.printRequests++;
      };
    });
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await page.getByRole("link", { name: "3450/KH-UBND" }).click();
    await page.locator("tr.dd-task-row").first().waitFor();
    const total = Number((await page.getByTestId("task-total").innerText()).replace(/\D/g, ""));
    const onScreen = await page.locator(".dd-screen-tasks tr.dd-task-row").count();
    expect(onScreen).toBeLessThan(total); // the screen pages the list; paper must not

    await page.getByRole("button", { name: "In danh sách" }).click();
    const printed = page.getByTestId("print-task-list");
    await printed.waitFor({ state: "attached" });
    await page.waitForFunction(() => (window as unknown as { printRequests: number }).printRequests > 0);
    expect(await printed.locator("tr.dd-task-row").count()).toBe(total);
    const headers = (await printed.locator("thead th").allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual([
      "STT",
      "Tên nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Sản phẩm",
      "Thời hạn",
      "Trạng thái",
    ]);
    const lastRef = (await printed.locator("tr.dd-task-row .dd-ref").last().innerText()).trim();

    const pages = await printToPdf(page);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(60);
    const [first] = pages;
    expect(first).toContain("3450/KH-UBND");
    expect(first).toContain("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
    for (const header of headers) expect(first).toContain(header);
    // The header row again on the following sheets.
    expect(pages[1]).toContain("Cơ quan phối hợp");
    const all = pages.join(" ");
    expect(all).toContain(lastRef);
    for (const text of SCREEN_ONLY) expect(all).not.toContain(text);
    await page.close();
  });

  it("prints a task's page without the screen's navigation and buttons", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await page.getByRole("link", { name: "3450/KH-UBND" }).click();
    await page.locator(".dd-screen-tasks a[href^='/nhiem-vu/']").first().click();
    await page.getByTestId("task-heading").waitFor();
    await page.getByText("Cơ quan được giao và trạng thái").waitFor();
    await page
      .getByText(/Chưa có báo cáo nào|Báo cáo tiến độ \(\d+\)/)
      .first()
      .waitFor();
    const heading = (await page.getByTestId("task-heading").innerText()).trim();
    const buttons = (await page.locator(".dd-content .ant-btn").allInnerTexts())
      .map((t) => t.trim())
      .filter((t) => t.length > 3);

    const pages = await printToPdf(page);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThan(10);
    expect(pages[0]).toContain(heading);
    expect(pages[0]).toContain("3450/KH-UBND");
    expect(pages[0]).toContain("Cơ quan chủ trì");
    const all = pages.join(" ");
    for (const text of [...SCREEN_ONLY, ...buttons]) expect(all).not.toContain(text);
    await page.close();
  });

  it("raised no page errors", () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
