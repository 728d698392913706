// The review page as the standing office uses it: a report's evidence opens in the page (an
// image in the viewer, a PDF in a dialog, both previewed, not downloaded), the office approves
// the report, and finds it again under "Đã quyết định" filtered by decision.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fixturesDir, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** A real 32×32 PNG (a blue square), written by hand: PNG is a signature and three chunks. */
function bluePng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const size = 32;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([22, 119, 255]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A review page row of a task, by its exact ref. */
const rowOf = (page: Page, selector: string, ref: string) =>
  page
    .locator(selector)
    .filter({ has: page.locator(".dd-ref", { hasText: new RegExp(`^${escapeRegExp(ref)}$`) }) });

/** A task Công an tỉnh leads with no report pending, found through the API with the page's session. */
async function policeTask(page: Page): Promise<{ id: string; ref: string }> {
  const me = await (await page.request.get(`${harness.url}/api/me`)).json();
  const list = await (
    await page.request.get(`${harness.url}/api/tasks?leadAgencyId=${me.agencyId}&limit=500`)
  ).json();
  const refs = new Map<string, number>();
  for (const t of list.items as { ref: string }[]) refs.set(t.ref, (refs.get(t.ref) ?? 0) + 1);
  // A ref only one plan uses, so that the queue's row is this task's.
  const task = (list.items as { id: string; ref: string; status: string }[]).find(
    (t) => refs.get(t.ref) === 1 && (t.status === "overdue" || t.status === "not_started"),
  );
  if (!task) throw new Error("Dữ liệu mẫu không có nhiệm vụ nào của Công an tỉnh để báo cáo.");
  return task;
}

describe("review page", () => {
  it("opens an image and a PDF in the page, approves, and lists the decision", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-review-"));
    const image = path.join(dir, "Ảnh cổng kiểm soát.png");
    fs.writeFileSync(image, bluePng());
    const pdfName = "Biên bản nghiệm thu.pdf";
    const pdf = path.join(dir, pdfName);
    fs.copyFileSync(path.join(fixturesDir, "generated", "pdf-phang-kh-chuyen-doi-so-nguon.pdf"), pdf);

    // The officer reports with both files.
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/cua-toi");
    const task = await policeTask(officer);
    await officer.goto(`${harness.url}/nhiem-vu/${task.id}`);
    await officer.getByRole("button", { name: "Báo cáo tiến độ" }).click();
    const form = officer.getByRole("dialog");
    await form.getByLabel("Tỷ lệ hoàn thành").fill("60");
    await form
      .getByLabel("Kết quả thực hiện")
      .first()
      .fill("Đã lắp đặt cổng kiểm soát, kèm ảnh và biên bản.");
    await form.locator("input[type=file]:not([capture])").setInputFiles([image, pdf]);
    await form.getByText(pdfName).waitFor();
    await form.getByRole("button", { name: "Gửi báo cáo" }).click();
    await form.waitFor({ state: "hidden" });
    await officer.close();

    // The office sees both files by name and size in the queue.
    const office = await harness.newPage();
    await openAs(office, harness.url, "vanphong", "/duyet-bao-cao");
    const row = rowOf(office, "tr.dd-queue-row", task.ref);
    await row.waitFor();
    const evidence = row.getByTestId("evidence-list");
    expect(await textOf(evidence)).toMatch(/Ảnh cổng kiểm soát\.png\s*\d/);
    expect(await textOf(evidence)).toMatch(/Biên bản nghiệm thu\.pdf\s*4\d(,\d)? KB/);

    // The image: a thumbnail that opens the viewer, shown from the inline address.
    const thumbnail = evidence.getByRole("img", { name: "Ảnh cổng kiểm soát.png" });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(32);
    await evidence.locator(".dd-evidence-image .ant-image").click();
    const viewer = office.locator(".ant-image-preview-img");
    await viewer.waitFor();
    expect(await viewer.getAttribute("src")).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}\?inline=1$/);
    await office.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });

    // The PDF: a dialog framing the file, sent inline (not as a download) and allowed in a frame.
    const [pdfResponse] = await Promise.all([
      office.waitForResponse((r) => /\/api\/evidence\/[0-9a-f-]{36}\?inline=1$/.test(r.url())),
      evidence.getByRole("button", { name: pdfName }).click(),
    ]);
    const dialog = office.getByRole("dialog").filter({ hasText: pdfName });
    await dialog.getByTestId("evidence-pdf-frame").waitFor();
    expect(pdfResponse.status()).toBe(200);
    const headers = pdfResponse.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-disposition"]).toMatch(/^inline;/);
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    // Chromium's PDF viewer started inside the frame (its extension document is a child frame).
    await expect
      .poll(() => office.frames().some((f) => f.url().startsWith("chrome-extension://")))
      .toBe(true);
    await dialog
      .getByRole("button", { name: "Close" })
      .or(dialog.locator(".ant-modal-close"))
      .first()
      .click();
    await dialog.waitFor({ state: "hidden" });

    // Approve, then find it among the past decisions, filtered by decision.
    await row.getByTestId("approve-report").click();
    await office
      .getByRole("dialog")
      .getByRole("button", { name: /^Duyệt/ })
      .click();
    await row.waitFor({ state: "detached" });
    await office.getByRole("tab", { name: "Đã quyết định" }).click();
    await office.waitForURL(/muc=da-quyet-dinh/);
    const decided = rowOf(office, "tr.dd-decision-row", task.ref);
    await decided.first().waitFor();
    await office.getByTestId("decision-filter").getByText("Đã trả lại").click();
    await decided.first().waitFor({ state: "detached" });
    await office.getByTestId("decision-filter").getByText("Đã duyệt").click();
    await decided.first().waitFor();
    expect(await textOf(decided.first())).toContain("Đã duyệt");
    expect(await textOf(decided.first())).toContain(pdfName);
    const tags = await office.locator("tr.dd-decision-row .dd-decision-tag").allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t === "Đã duyệt")).toBe(true);
    await office.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(harness.pageErrors).toEqual([]);
  });
});
