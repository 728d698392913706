// The web app in a real browser against the real server with demo data: login, plans, a plan's
// task table, search without diacritics, filters in the URL, and the way back after login.
// Needs the built app (web/dist): run `npx vite build` first.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accountMenu, fold, logIn, PASSWORD, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** The task rows on screen (section headings excluded), as text. */
const taskRows = (page: Page) => page.locator("tr.dd-task-row");
const rowTexts = (page: Page) => taskRows(page).allInnerTexts();
const refs = (page: Page) => page.locator("tr.dd-task-row .dd-ref").allInnerTexts();
const shownTotal = async (page: Page) =>
  Number((await textOf(page.getByTestId("task-total"))).replace(/\D/g, ""));

describe("web app", () => {
  it("shows the API's Vietnamese message for a wrong password", async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.url}/dang-nhap`);
    await page.getByText("Tài khoản do quản trị viên cấp").waitFor();
    await logIn(page, "vanphong", "mat-khau-sai");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect(new URL(page.url()).pathname).toBe("/dang-nhap");
    await page.close();
  });

  it("logs in, opens a plan, searches without diacritics and filters by section", async () => {
    const page = await harness.newPage();

    // Not signed in: the wanted page sends to login, and login comes back to it.
    await page.goto(`${harness.url}/ke-hoach`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fke-hoach$/);
    await logIn(page, "vanphong", PASSWORD);
    await page.waitForURL(/\/ke-hoach$/);
    const user = await textOf(page.getByTestId("current-user"));
    expect(user).toContain("Sở Khoa học và Công nghệ");
    expect(user).toContain("Cơ quan thường trực");

    // The plans list, then the plan.
    const planLink = page.getByRole("link", { name: "3450/KH-UBND" });
    await planLink.waitFor();
    expect(await textOf(page.locator(".dd-plans-table"))).toMatch(/17\/03\/2026/);
    await planLink.click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await taskRows(page).filter({ hasText: "Công an tỉnh" }).first().waitFor();
    const firstRow = taskRows(page).filter({ has: page.locator(".dd-ref", { hasText: /^I\.1$/ }) });
    expect(fold(await textOf(firstRow))).not.toContain("cong an");
    const all = await shownTotal(page);
    expect(all).toBeGreaterThan(100);

    // Search typed without diacritics: only tasks that mention Công an remain.
    await page.getByPlaceholder("Tìm theo tên nhiệm vụ").pressSequentially("cong an", { delay: 20 });
    await page.waitForURL(/[?&]q=cong(\+|%20)an/);
    await expect
      .poll(async () => {
        const texts = await rowTexts(page);
        return texts.length > 0 && texts.every((text) => fold(text).includes("cong an"));
      })
      .toBe(true);
    expect(await firstRow.count()).toBe(0);
    await expect.poll(() => shownTotal(page)).toBeLessThan(all);
    const found = await shownTotal(page);
    expect(found).toBeGreaterThan(0);
    expect(await textOf(page.locator("mark.dd-hit").first())).toMatch(/^công an$/i);

    // Filter by section V: fewer tasks, all of section V, still matching the search.
    await page.locator(".dd-filter-section").click();
    await page.keyboard.type("Phần V.");
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]phan=V(&|$)/);
    await expect.poll(() => shownTotal(page)).toBeLessThan(found);
    const inSection = await shownTotal(page);
    expect(inSection).toBeGreaterThan(0);
    await expect.poll(async () => (await refs(page)).every((ref) => ref.startsWith("V."))).toBe(true);
    expect((await rowTexts(page)).every((text) => fold(text).includes("cong an"))).toBe(true);

    // The filtered view is a link: it opens the same way, and survives logging out and in again.
    const shared = page.url();
    await accountMenu(page, /Đăng xuất/);
    await page.waitForURL(/\/dang-nhap$/);
    await page.goto(shared);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await logIn(page, "vanphong", PASSWORD);
    await page.waitForURL((url) => url.toString() === shared);
    await expect.poll(() => shownTotal(page)).toBe(inSection);
    expect(await page.getByPlaceholder("Tìm theo tên nhiệm vụ").inputValue()).toBe("cong an");
    expect((await refs(page)).every((ref) => ref.startsWith("V."))).toBe(true);

    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
  it("shows statuses as of a day kept in the URL, with the plan's summary and a status filter", async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.url}/dang-nhap?next=%2Fke-hoach`);
    await logIn(page, "lanhdao", PASSWORD);
    await page.getByRole("link", { name: "3450/KH-UBND" }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    const planUrl = page.url();

    // As of 1 April 2026: tasks due in March are overdue by then, and by 1 day only.
    await page.goto(`${planUrl}?ngay=2026-04-01`);
    const summary = page.getByTestId("plan-summary");
    expect(await textOf(summary)).toContain("Tình hình thực hiện đến ngày 01/04/2026");
    expect(await textOf(page.getByTestId("completion-rate"))).toMatch(/%|—/);
    expect(await page.locator(".dd-filter-asof input").inputValue()).toBe("01/04/2026");
    await summary.locator('button[data-status="overdue"]').click();
    await page.waitForURL(/trangthai=overdue/);
    expect(page.url()).toContain("ngay=2026-04-01");
    await expect
      .poll(async () => {
        const tags = await page.locator("tr.dd-task-row .dd-status-tag").allInnerTexts();
        // Overdue reads apart when nothing was reported at all (PRODUCT.md §3).
        return (
          tags.length > 0 &&
          tags.every((t) => t === "Đang thực hiện quá hạn" || t === "Quá hạn, chưa báo cáo")
        );
      })
      .toBe(true);
    expect(await textOf(taskRows(page).first())).toMatch(/quá hạn \d+ ngày/);
    // A task with many lead agencies tells how many of them are done.
    await page.goto(`${planUrl}?ngay=2026-04-01&q=V.37`);
    await page.locator(".dd-lead-progress").first().waitFor();
    expect(await textOf(page.locator(".dd-lead-progress").first())).toMatch(/^\d+\/\d+ đơn vị hoàn thành/);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
