// The import flow in a real browser: a bad file gets the server's Vietnamese message; the
// standing office uploads a real plan (fixtures/plans/lam-dong-1535-cv-tu.docx), sees its 30
// tasks, corrects a title in place, maps an agency name the directory did not know, commits,
// sees what changed (the demo already holds this document: a re-import), and finds the
// corrected title in the plan's task table.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

describe("import flow", () => {
  it("shows the server's message for a file that is not a plan", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/nhap-van-ban");
    await page.locator("input[type=file]").setInputFiles({
      name: "ke-hoach-hong.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      // Bytes of no known format (a damaged download, say).
      buffer: Buffer.concat([Buffer.from([0, 255, 0, 254]), randomBytes(3000)]),
    });
    const error = page.getByTestId("import-error");
    expect(await textOf(error)).toContain("Không nhận ra định dạng tệp");
    expect(new URL(page.url()).pathname).toBe("/nhap-van-ban");
    await page.close();
  });

  it("uploads a plan, corrects a title, maps an agency, commits and finds the correction", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/nhap-van-ban");
    await page
      .locator("input[type=file]")
      .setInputFiles(path.join(fixturesDir, "plans", "lam-dong-1535-cv-tu.docx"));
    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/);

    // The preview: the document's header, and its 30 tasks.
    expect(await textOf(page.getByTestId("import-document"))).toContain("1535-CV/TU");
    expect(await textOf(page.getByTestId("import-task-count"))).toBe("Nhiệm vụ (30)");
    await expect.poll(() => page.locator("tr.dd-import-row").count()).toBe(30);
    // The demo already holds this document: committing updates its plan.
    await page.getByText("Văn bản này đã có trong hệ thống").waitFor();

    // Correct the title of task 5 in place.
    const corrected =
      "Rà soát, đánh giá an toàn thông tin các hệ thống dùng chung của tỉnh (đã sửa khi nhập)";
    await page.getByRole("button", { name: "Sửa tên nhiệm vụ 5", exact: true }).click();
    const editor = page.getByLabel("tên nhiệm vụ 5", { exact: true });
    await editor.fill(corrected);
    await editor.press("Control+Enter");
    await page
      .getByRole("button", { name: "Sửa tên nhiệm vụ 5", exact: true })
      .getByText(corrected)
      .waitFor();
    await page.getByText("Có chỉnh sửa chưa lưu").waitFor();
    await page.getByRole("button", { name: "Lưu chỉnh sửa" }).click();
    await page.getByText("Đã lưu các chỉnh sửa.").waitFor();

    // Map a name the directory did not know to an agency of it (remembered as another name).
    const mapping = page
      .locator(".dd-mapping-table tbody tr")
      .filter({ hasText: "quan, đơn vị trong tỉnh" })
      .first();
    await mapping.locator(".dd-mapping-select").click();
    await page.keyboard.type("cac co quan, don vi trong tinh");
    await page.keyboard.press("Enter");
    expect(await textOf(mapping.locator(".dd-mapping-select"))).toContain("Các cơ quan, đơn vị trong tỉnh");

    // Plan settings, then commit.
    await page.getByLabel("Ngày chốt số liệu").fill("15");
    await page.getByRole("button", { name: "Lưu, cập nhật kế hoạch" }).click();
    const result = page.getByTestId("import-result");
    expect(await textOf(result)).toContain("Đã cập nhật kế hoạch theo văn bản mới");
    const changed = await textOf(page.getByTestId("import-diff-changed"));
    expect(changed).toContain(corrected);
    expect(changed).toContain("Tên nhiệm vụ");

    // The plan's table has the corrected title.
    await result.getByRole("button", { name: "Mở kế hoạch" }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    const row = page.locator("tr.dd-task-row").filter({ has: page.locator(".dd-ref", { hasText: /^5$/ }) });
    expect(await textOf(row)).toContain(corrected);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
