// The audit log in a real browser: an officer is refused the accounts list and does not see the
// log at all; the administrator opens "Nhật ký hệ thống", filters the refusals, finds the
// officer's with its reason and what was asked, and exports the filtered log as CSV.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

const menu = (page: Page) => textOf(page.getByRole("menu", { name: "Điều hướng chính" }));
/** The menu's link to the log, found whether shown or folded into the menu's overflow. */
const logLinks = (page: Page) =>
  page.getByRole("menu", { name: "Điều hướng chính" }).locator('a[href="/nhat-ky"]');

describe("audit log", () => {
  it("the administrator finds an officer's refused request, sees why, and exports it", async () => {
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/nhat-ky");
    await officer.getByText("Chỉ quản trị viên được xem nhật ký hệ thống.").waitFor();
    expect(await menu(officer)).toContain("Nhiệm vụ của tôi");
    expect(await logLinks(officer).count()).toBe(0);
    // A request the policy refuses, with the officer's own session.
    expect((await officer.request.get(`${harness.url}/api/users`)).status()).toBe(403);

    const page = await harness.newPage();
    await openAs(page, harness.url, "admin", "/nhat-ky");
    await page.locator("tr.dd-audit-row").first().waitFor();
    // The menu has the entry (at this width it may sit in the menu's overflow).
    expect(await logLinks(page).count()).toBeGreaterThan(0);
    // Newest first: the admin's own login is above the officer's refusal, which came before it.
    expect(await textOf(page.locator("tr.dd-audit-row").first())).toContain("Đăng nhập");

    await page.getByLabel("Thao tác").click();
    await page.keyboard.type("access.denied");
    await page.keyboard.press("Enter");
    await page.locator("button[type=submit]", { hasText: "Lọc" }).click();
    const refused = page.locator("tr.dd-audit-row").filter({ hasText: "user:congan" });
    await refused.first().waitFor();
    expect(await page.locator("tr.dd-audit-row").filter({ hasNotText: "Bị từ chối truy cập" }).count()).toBe(
      0,
    );
    const row = refused.filter({ hasText: "Chỉ quản trị viên được quản lý tài khoản." });
    expect(await row.count()).toBe(1);
    expect(await textOf(row)).toContain("127.0.0.1");

    // Opened, the entry shows what was asked: the operation, its route, the reason.
    await row.locator(".ant-table-row-expand-icon").click();
    const details = page.locator(".dd-audit-change");
    await details.waitFor();
    const detailText = await textOf(details);
    expect(detailText).toContain("listUsers");
    expect(detailText).toContain("/api/users");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Xuất CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("nhat-ky-he-thong.csv");
    const file = await download.path();
    const csv = fs.readFileSync(file, "utf8");
    expect(csv).toContain("Bị từ chối truy cập");
    expect(csv).toContain("user:congan");
    expect(csv).toContain("listUsers");
    // Filtered as on screen: the logins are not in it.
    expect(csv).not.toContain("session.login");
    expect(harness.pageErrors).toEqual([]);
  });
});
