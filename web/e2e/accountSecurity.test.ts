// Two-factor login in a real browser: a leader sets up an authenticator from the account security
// page (the test computes the app's codes with otplib), logs out and back in with password and
// code, after a wrong code is refused; an administrator requires TOTP of the standing office,
// whose next login is sent to the enrolment page, and resets it; repeated wrong passwords show
// the lockout.
import { generate } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accountMenu, logIn, logOut, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** The code an authenticator app shows `offset` seconds from now. */
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

/** Sets up TOTP on the account security page; returns the secret and the recovery codes shown. */
async function enrol(page: Page) {
  await page.getByRole("button", { name: "Thiết lập xác thực hai lớp" }).click();
  await page.getByLabel("Mã QR thiết lập ứng dụng xác thực").waitFor();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel("Mã xác thực").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Xác nhận và bật" }).click();
  const codes = (await textOf(page.getByTestId("recovery-codes"))).split(/\s+/).filter(Boolean);
  await page.getByRole("button", { name: "Tôi đã lưu mã khôi phục" }).click();
  await page.getByText("Đang bật").waitFor();
  return { secret, codes };
}

describe("two-factor login", () => {
  it("a leader enrols, then logs in with password and code; a wrong code is refused", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "lanhdao", "/ke-hoach");
    await accountMenu(page, "Bảo mật tài khoản");
    await page.waitForURL(/\/bao-mat-tai-khoan/);
    await page.getByText("Chưa bật").waitFor();
    const { secret, codes } = await enrol(page);
    expect(codes).toHaveLength(10);

    await logOut(page);
    await logIn(page, "lanhdao");
    await page.getByRole("heading", { name: "Xác thực hai lớp" }).waitFor();
    await page.getByLabel("Mã xác thực").fill((await codeAt(secret)) === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Xác nhận" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Mã xác thực không đúng");
    expect(new URL(page.url()).pathname).toBe("/dang-nhap");

    // The enrolment spent the current time step; the app's next code is within the drift allowed.
    await page.getByLabel("Mã xác thực").fill(await codeAt(secret, 30));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.waitForURL((url) => url.pathname !== "/dang-nhap");
    expect(await textOf(page.getByTestId("current-user"))).toContain("Lãnh đạo");

    // A recovery code works in place of the app's code.
    await logOut(page);
    await logIn(page, "lanhdao");
    await page.getByRole("button", { name: "Dùng mã khôi phục" }).click();
    await page.getByLabel("Mã khôi phục").fill(codes[0]!);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.waitForURL((url) => url.pathname !== "/dang-nhap");
    await page.close();
  });

  it("sends the standing office to set up TOTP once an administrator requires it", async () => {
    const admin = await harness.newPage();
    await openAs(admin, harness.url, "admin", "/cai-dat-bao-mat");
    await admin.getByLabel("Cơ quan thường trực").check();
    await admin.getByRole("button", { name: "Lưu" }).click();
    await admin.getByText("Đã lưu cài đặt bảo mật.").waitFor();

    const page = await harness.newPage();
    await page.goto(`${harness.url}/dang-nhap`);
    await logIn(page, "vanphong");
    await page.waitForURL(/\/bao-mat-tai-khoan/);
    await page.getByText("Vai trò của bạn bắt buộc xác thực hai lớp.").waitFor();
    await page.goto(`${harness.url}/ke-hoach`);
    await page.waitForURL(/\/bao-mat-tai-khoan/);
    await enrol(page);
    await page.goto(`${harness.url}/ke-hoach`);
    await page
      .getByRole("heading", { name: /Kế hoạch/ })
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/ke-hoach");

    await admin.getByLabel("Cơ quan thường trực").uncheck();
    await admin.getByRole("button", { name: "Lưu" }).click();
    await admin.getByText("Đã lưu cài đặt bảo mật.").last().waitFor();

    // The administrator removes vanphong's authenticator: the next login needs only the password.
    await admin.getByLabel("Tài khoản cần đặt lại").click();
    await admin.keyboard.type("vanphong");
    await admin.keyboard.press("Enter");
    await admin.getByRole("button", { name: "Đặt lại", exact: true }).click();
    await admin.getByRole("tooltip").getByRole("button", { name: "Đặt lại" }).click();
    await admin.getByText('Đã đặt lại xác thực hai lớp của "vanphong".').waitFor();
    await logOut(page);
    await logIn(page, "vanphong");
    await page.waitForURL((url) => url.pathname !== "/dang-nhap");
    await admin.close();
    await page.close();
  });

  it("shows when to retry after repeated wrong passwords", async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.url}/dang-nhap`);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));
      await logIn(page, "taichinh", "mat-khau-sai");
      statuses.push((await answered).status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    await page
      .getByRole("alert")
      .filter({ hasText: /thử lại sau \d+ (phút|giây)/ })
      .waitFor();
    await page.close();
    expect(harness.pageErrors).toEqual([]);
  });
});
