// The agency directory in a real browser: the administrator adds another name for an agency and
// sees it (and it stays after a reload), adds an agency under a parent and finds it in the tree;
// an agency officer reads the same directory without the means to change it; the navigation
// shows each role only what it can use.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** The directory row of an agency, by its exact name. */
const agencyRow = (page: Page, name: string) =>
  page
    .locator("tr.dd-agency-row")
    .filter({ has: page.locator(".dd-agency-name > b", { hasText: new RegExp(`^${name}$`) }) });

const menu = (page: Page) => textOf(page.getByRole("menu", { name: "Điều hướng chính" }));

describe("agency directory", () => {
  it("the administrator adds an alias and an agency, and sees them", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "admin", "/co-quan");
    const police = agencyRow(page, "Công an tỉnh");
    await police.waitFor();
    expect(await menu(page)).toContain("Cơ quan, đơn vị");

    // Another name for Công an tỉnh.
    await police.getByRole("button", { name: "Thêm tên gọi khác cho Công an tỉnh" }).click();
    const input = police.getByLabel("Tên gọi khác của Công an tỉnh");
    await input.fill("CA tỉnh Lâm Đồng");
    await input.press("Enter");
    await police.locator(".dd-alias", { hasText: "CA tỉnh Lâm Đồng" }).waitFor();
    await page.reload();
    await agencyRow(page, "Công an tỉnh").locator(".dd-alias", { hasText: "CA tỉnh Lâm Đồng" }).waitFor();

    // Search finds it by that name, without diacritics.
    await page.getByPlaceholder("Tìm theo tên, tên viết tắt, tên gọi khác…").fill("ca tinh lam dong");
    await expect.poll(() => page.locator("tr.dd-agency-row").count()).toBe(1);
    expect(await textOf(page.locator("tr.dd-agency-row"))).toContain("Công an tỉnh");
    await page.getByPlaceholder("Tìm theo tên, tên viết tắt, tên gọi khác…").fill("");

    // A new agency under UBND tỉnh.
    await page.getByRole("button", { name: "Thêm cơ quan, đơn vị" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên đầy đủ").first().fill("Trung tâm Chuyển đổi số tỉnh");
    await dialog.getByLabel("Tên viết tắt").first().fill("TTCĐS");
    await dialog.getByLabel("Mã").first().fill("tt-cds");
    await dialog.getByLabel("Cơ quan cấp trên").click();
    await page.keyboard.type("uy ban nhan dan tinh");
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    const created = agencyRow(page, "Trung tâm Chuyển đổi số tỉnh");
    expect(await textOf(created)).toContain("TTCĐS");
    expect(await textOf(created)).toContain("tt-cds");
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });

  it("an agency officer reads the directory, and sees only the pages of the role", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "taichinh", "/co-quan");
    await agencyRow(page, "Sở Tài chính").waitFor();
    await page.getByText("Danh mục chỉ để xem").waitFor();
    expect(await page.getByRole("button", { name: "Thêm cơ quan, đơn vị" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Thêm tên gọi khác/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Sửa/ }).count()).toBe(0);
    const items = await menu(page);
    expect(items).toContain("Nhiệm vụ của tôi");
    expect(items).not.toContain("Duyệt báo cáo");
    expect(items).not.toContain("Nhập văn bản");
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
