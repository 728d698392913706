// Accounts in a real browser: the administrator issues an officer account for Sở Tài chính, the
// new user logs in with it, replaces the issued password and lands on the agency's own tasks; the
// administrator then locks it after confirming. The standing office does not see the accounts page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, logOut, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

const menu = (page: Page) => textOf(page.getByRole("menu", { name: "Điều hướng chính" }));

/** The accounts table row of a username. */
const userRow = (page: Page, username: string) =>
  page
    .locator("tr.dd-user-row")
    .filter({ has: page.locator(".dd-username", { hasText: new RegExp(`^${username}$`) }) });

describe("accounts", () => {
  it("the administrator issues an officer account, and its owner logs in to their tasks", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "admin", "/tai-khoan");
    expect(await menu(page)).toContain("Tài khoản");
    await page.getByText("Tài khoản do quản trị viên cấp").waitFor();

    // The admin's own row: logged in just now, shown as dd/mm/yyyy HH:mm; no lock button for oneself.
    const adminRow = userRow(page, "admin");
    expect(await textOf(adminRow)).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await textOf(adminRow)).toContain("Quản trị hệ thống");
    expect(await adminRow.getByRole("button", { name: /Khóa/ }).count()).toBe(0);

    await page.getByRole("button", { name: "Cấp tài khoản" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên đăng nhập").first().fill("tc.nguyenan");
    await dialog.getByLabel("Họ tên").first().fill("Nguyễn Văn An (Sở Tài chính)");
    await dialog.getByLabel("Mật khẩu ban đầu").first().fill("TaiChinh@2026");
    await dialog.getByLabel("Cán bộ đơn vị", { exact: true }).check();

    // Without an agency the form refuses: officers belong to an agency.
    await dialog.getByRole("button", { name: "Cấp tài khoản" }).click();
    await dialog.getByText("Cán bộ và lãnh đạo đơn vị phải thuộc một cơ quan, đơn vị.").waitFor();

    // The agency, found without diacritics.
    await dialog.getByLabel("Cơ quan, đơn vị").first().click();
    await page.keyboard.type("so tai chinh");
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Cấp tài khoản" }).click();
    await dialog.waitFor({ state: "hidden" });

    const created = userRow(page, "tc.nguyenan");
    const text = await textOf(created);
    expect(text).toContain("Nguyễn Văn An (Sở Tài chính)");
    expect(text).toContain("Sở Tài chính");
    expect(text).toContain("Cán bộ đơn vị");
    expect(text).toContain("Hoạt động");
    expect(text).toContain("Chưa đăng nhập");

    // The same username again: the server's message is shown in the form.
    await page.getByRole("button", { name: "Cấp tài khoản" }).click();
    await dialog.getByLabel("Tên đăng nhập").first().fill("tc.nguyenan");
    await dialog.getByLabel("Họ tên").first().fill("Trùng tên");
    await dialog.getByLabel("Mật khẩu ban đầu").first().fill("TaiChinh@2026");
    await dialog.getByLabel("Lãnh đạo", { exact: true }).check();
    await dialog.getByRole("button", { name: "Cấp tài khoản" }).click();
    await dialog.getByText('Tên đăng nhập "tc.nguyenan" đã được dùng.').waitFor();
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await dialog.waitFor({ state: "hidden" });

    // The new user logs in, replaces the issued password, and lands on their agency's tasks.
    await logOut(page);
    await logIn(page, "tc.nguyenan", "TaiChinh@2026");
    await page.waitForURL((url) => url.pathname === "/doi-mat-khau");
    await page.getByLabel("Mật khẩu hiện tại").fill("TaiChinh@2026");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Ngan-sach-tinh-2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("Ngan-sach-tinh-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.waitForURL((url) => url.pathname === "/cua-toi");
    const header = await textOf(page.getByTestId("current-user"));
    expect(header).toContain("Nguyễn Văn An (Sở Tài chính)");
    expect(header).toContain("Sở Tài chính");
    expect(await menu(page)).not.toContain("Tài khoản");

    // Back as administrator: the account has logged in; lock it after confirming.
    await logOut(page);
    await logIn(page, "admin");
    await page.waitForURL((url) => url.pathname !== "/dang-nhap");
    await page.goto(`${harness.url}/tai-khoan`);
    const row = userRow(page, "tc.nguyenan");
    expect(await textOf(row)).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await row.getByRole("button", { name: "Khóa tc.nguyenan" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Khóa" }).click();
    await row.getByText("Đã khóa").waitFor();
    await row.getByRole("button", { name: "Mở khóa tc.nguyenan" }).waitFor();

    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });

  it("the standing office does not see the accounts page", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    const items = await menu(page);
    expect(items).toContain("Kế hoạch");
    expect(items).not.toContain("Tài khoản");
    await page.goto(`${harness.url}/tai-khoan`);
    await page.getByText("Chỉ quản trị viên được quản lý tài khoản.").waitFor();
    expect(await page.locator("tr.dd-user-row").count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
