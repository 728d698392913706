// Passwords in a real browser: an issued password must be changed at first login (a weak one is
// refused with the rule's sentence), the change logs out the owner's other computer, and an
// administrator's reset voids the old password and issues a temporary one, which must be
// changed in turn.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { passwordMessages } from "../../src/domain/passwordRules.ts";
import { accountMenu, logIn, logOut, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

const FORCED = "Bạn cần đổi mật khẩu được cấp trước khi tiếp tục.";

const userRow = (page: Page, username: string) =>
  page
    .locator("tr.dd-user-row")
    .filter({ has: page.locator(".dd-username", { hasText: new RegExp(`^${username}$`) }) });

async function fillChange(page: Page, current: string, next: string) {
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(next);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
}

/** Logs in on a fresh page and waits to be sent to the change page, told why. */
async function logInToForcedChange(page: Page, username: string, password: string) {
  await page.goto(`${harness.url}/dang-nhap`);
  await logIn(page, username, password);
  await page.waitForURL((url) => url.pathname === "/doi-mat-khau");
  await page.getByText(FORCED).waitFor();
}

describe("passwords", () => {
  it("an issued password is changed at first login, and an administrator's reset starts it over", async () => {
    const admin = await harness.newPage();
    await openAs(admin, harness.url, "admin", "/tai-khoan");
    await admin.getByRole("button", { name: "Cấp tài khoản" }).click();
    const form = admin.getByRole("dialog");
    await form.getByLabel("Tên đăng nhập").first().fill("mk.tran");
    await form.getByLabel("Họ tên").first().fill("Trần Thị Mai (Văn phòng)");
    await form.getByLabel("Mật khẩu ban đầu").first().fill("Cap-lan-dau-2026");
    await form.getByLabel("Cơ quan thường trực", { exact: true }).check();
    await form.getByRole("button", { name: "Cấp tài khoản" }).click();
    await form.waitFor({ state: "hidden" });
    await userRow(admin, "mk.tran").getByText("Chờ đổi mật khẩu").waitFor();

    // The owner signs in on two computers: both are sent to change the password first, and the
    // app's pages stay closed until then.
    const laptop = await harness.newPage();
    await logInToForcedChange(laptop, "mk.tran", "Cap-lan-dau-2026");
    const phone = await harness.newPage();
    await logInToForcedChange(phone, "mk.tran", "Cap-lan-dau-2026");
    await laptop.goto(`${harness.url}/ke-hoach`);
    await laptop.waitForURL((url) => url.pathname === "/doi-mat-khau");

    // A run of digits is refused with the rule's own sentence; nothing is sent.
    await fillChange(laptop, "Cap-lan-dau-2026", "1234567890");
    await laptop.getByText(`${passwordMessages.sequence}.`).waitFor();
    expect(new URL(laptop.url()).pathname).toBe("/doi-mat-khau");

    await fillChange(laptop, "Cap-lan-dau-2026", "Song-Huong-mua-thu-2026");
    // The office lands on the dashboard (issue 12).
    await laptop.waitForURL((url) => url.pathname === "/tong-quan");
    await laptop.getByText("Các phiên đăng nhập khác của bạn đã được đăng xuất").waitFor();

    // The other computer's session ended with the change.
    await phone.goto(`${harness.url}/ke-hoach`);
    await phone.waitForURL((url) => url.pathname === "/dang-nhap");

    // The administrator resets it: confirm, then the temporary password, shown once.
    await admin.reload();
    const row = userRow(admin, "mk.tran");
    expect(await textOf(row)).not.toContain("Chờ đổi mật khẩu");
    await row.getByRole("button", { name: "Đặt lại mật khẩu mk.tran" }).click();
    await admin.getByRole("tooltip").getByRole("button", { name: "Đặt lại" }).click();
    const shown = admin.getByRole("dialog", { name: 'Mật khẩu tạm thời của "mk.tran"' });
    const temporary = (await textOf(shown.locator("code"))).trim();
    expect(temporary).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(await textOf(shown)).toContain("chỉ hiển thị một lần");
    await shown.getByRole("button", { name: "Đã ghi lại" }).click();
    await shown.waitFor({ state: "hidden" });
    await row.getByText("Chờ đổi mật khẩu").waitFor();

    // The owner's session is over; the password they chose no longer opens the account.
    await laptop.goto(`${harness.url}/ke-hoach`);
    await laptop.waitForURL((url) => url.pathname === "/dang-nhap");
    await logIn(laptop, "mk.tran", "Song-Huong-mua-thu-2026");
    await laptop.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng").waitFor();

    // The temporary one does, and must be changed before anything else.
    await logInToForcedChange(phone, "mk.tran", temporary);
    await fillChange(phone, temporary, "Mua-xuan-tren-doi-thong");
    // The standing office lands on the dashboard (issue 12).
    await phone.waitForURL((url) => url.pathname === "/tong-quan");

    expect(harness.pageErrors).toEqual([]);
    for (const page of [admin, laptop, phone]) await page.close();
  });

  it("a page open when the server starts asking for a change goes to the change page", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "lanhdao", "/ke-hoach");
    await page.locator("a.dd-plan-link").first().waitFor();
    // The server's answer once an issued password must be replaced (the gate of the session
    // check), played here by the browser: every API call but the change and the account itself
    // is refused, and the account says so.
    await page.route(/\/api\//, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === "/api/me") {
        const response = await route.fetch();
        return route.fulfill({ response, json: { ...(await response.json()), mustChangePassword: true } });
      }
      return route.fulfill({
        status: 403,
        json: { code: "password_change_required", message: "Bạn cần đổi mật khẩu trước khi tiếp tục." },
      });
    });
    // Without reloading: the plan's first refused request has the account read again.
    await page.locator("a.dd-plan-link").first().click();
    await page.waitForURL((url) => url.pathname === "/doi-mat-khau");
    await page.getByText(FORCED).waitFor();
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });

  it("anyone changes their own password from the header, and the old one stops working", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "taichinh", "/cua-toi");
    await accountMenu(page, "Đổi mật khẩu");
    await page.waitForURL((url) => url.pathname === "/doi-mat-khau");
    expect(await page.getByText(FORCED).count()).toBe(0);

    // The username inside the new password is refused, as the server would.
    await fillChange(page, "DonDoc@2026", "taichinh-2026-moi");
    await page.getByText(`${passwordMessages.contains_username}.`).waitFor();
    // A wrong current password: the server's sentence.
    await fillChange(page, "khong-dung-roi", "Nui-Langbiang-xanh");
    await page.getByRole("alert").getByText("Mật khẩu hiện tại không đúng.").waitFor();

    await fillChange(page, "DonDoc@2026", "Nui-Langbiang-xanh");
    await page.waitForURL((url) => url.pathname === "/cua-toi");
    await logOut(page);
    await logIn(page, "taichinh");
    await page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng").waitFor();
    await logIn(page, "taichinh", "Nui-Langbiang-xanh");
    await page.waitForURL((url) => url.pathname === "/cua-toi");

    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
