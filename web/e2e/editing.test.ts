// Editing after import in a real browser: the standing office edits a task's title and deadline,
// deletes it and takes the deletion back with "Hoàn tác", and changes the plan's settings; the
// administrator edits an account; the demo plan shows its tasks whose lead nobody mapped.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** Opens plan 3450/KH-UBND from the plans list. */
async function openDemoPlan(page: Page) {
  await page.getByRole("link", { name: "3450/KH-UBND" }).click();
  await page.waitForURL(/\/ke-hoach\/[0-9a-f-]+$/);
  await page.getByTestId("task-total").waitFor();
}

const totalOf = async (page: Page) =>
  Number((await textOf(page.getByTestId("task-total"))).replace(/\D/g, ""));

describe("editing after import", () => {
  it("the standing office edits, deletes and restores a task, and edits the plan's settings", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await openDemoPlan(page);
    const planUrl = page.url();
    const total = await totalOf(page);

    // The tasks led by a group the directory does not know are flagged on the plan.
    const notice = page.getByTestId("unmapped-leads");
    expect(await textOf(notice)).toMatch(/\d+ nhiệm vụ chưa có cơ quan chủ trì trong danh mục/);
    await notice.getByText("Xem danh sách").click();
    expect(await textOf(notice.locator(".dd-unmapped-lead"))).toContain("Chưa giao được:");

    // Open the first task of the table and edit its title and deadline.
    await page.locator("a.dd-task-link").first().click();
    await page.waitForURL(/\/nhiem-vu\//);
    const taskUrl = page.url();
    await page.getByRole("button", { name: "Sửa nhiệm vụ" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên nhiệm vụ").fill("Nhiệm vụ đã sửa trong trình duyệt");
    await dialog.getByLabel("Thời hạn").fill("30/9/2026");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    const fields = await textOf(page.locator(".dd-task-title"));
    expect(fields).toContain("Nhiệm vụ đã sửa trong trình duyệt");
    expect(await textOf(page.getByText("30/09/2026").or(page.getByText("30/9/2026")))).toMatch(
      /30\/0?9\/2026/,
    );

    // Delete it: back on the plan, one task fewer, and "Hoàn tác" brings it back.
    await page.getByRole("button", { name: "Xóa nhiệm vụ" }).click();
    await page.getByRole("button", { name: "Xóa", exact: true }).click();
    await page.waitForURL(planUrl);
    await page.getByText(/Đã xóa nhiệm vụ/).waitFor();
    await expect.poll(() => totalOf(page), { timeout: 60_000 }).toBe(total - 1);
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    await page.getByText(/Đã khôi phục nhiệm vụ/).waitFor();
    await expect.poll(() => totalOf(page), { timeout: 60_000 }).toBe(total);
    await page.goto(taskUrl);
    await page.getByText("Nhiệm vụ đã sửa trong trình duyệt").first().waitFor();

    // The plan's settings: quarterly reports with head approval.
    await page.goto(planUrl);
    await page.getByRole("button", { name: "Sửa kế hoạch" }).click();
    const planDialog = page.getByRole("dialog");
    await planDialog.getByText("Hằng quý").click();
    await planDialog.getByText(/Báo cáo của cán bộ cần lãnh đạo đơn vị duyệt/).click();
    await planDialog.getByRole("button", { name: "Lưu" }).click();
    await planDialog.waitFor({ state: "hidden" });
    const header = await textOf(page.locator(".dd-plan-header"));
    expect(header).toContain("Hằng quý");
    expect(header).toContain("tháng đầu quý sau");
    expect(harness.pageErrors).toEqual([]);
  });

  it("the standing office maps a lead nobody mapped, and the flag goes", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await openDemoPlan(page);
    const notice = page.getByTestId("unmapped-leads");
    await notice.getByText("Xem danh sách").click();
    await notice.locator(".dd-unmapped-list a").first().click();
    const mapping = page.getByTestId("lead-mapping");
    expect(await textOf(mapping)).toContain("Chưa giao được: các trường đại học, cao đẳng");
    await mapping.getByLabel('Cơ quan chủ trì cho "các trường đại học, cao đẳng"').click();
    await page.keyboard.type("so giao duc");
    await page.keyboard.press("Enter");
    await mapping.getByRole("button", { name: "Giao nhiệm vụ" }).click();
    await page.getByText(/Đã giao "các trường đại học, cao đẳng" cho 2 nhiệm vụ/).waitFor();
    await mapping.waitFor({ state: "detached" });
    expect(await textOf(page.locator(".ant-table"))).toContain("Sở Giáo dục và Đào tạo");
    // Both tasks of the plan naming it were assigned: the plan has nothing left to flag.
    await page.goBack();
    await page.getByTestId("task-total").waitFor();
    await expect.poll(() => page.getByTestId("unmapped-leads").count(), { timeout: 60_000 }).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it("the administrator edits an account", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "admin", "/tai-khoan");
    const row = page
      .locator("tr.dd-user-row")
      .filter({ has: page.locator(".dd-username", { hasText: /^taichinh$/ }) });
    await row.getByRole("button", { name: "Sửa taichinh" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Họ tên").fill("Trần Thị Tài Chính");
    await dialog.getByLabel("Thư điện tử").fill("taichinh@lamdong.gov.vn");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => textOf(row), { timeout: 60_000 }).toContain("Trần Thị Tài Chính");
    expect(await textOf(row)).toContain("taichinh@lamdong.gov.vn");
    expect(harness.pageErrors).toEqual([]);
  });
});
