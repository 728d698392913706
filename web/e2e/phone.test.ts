// The web app on a phone (390×844): every navigation entry of every demo account is reachable
// through the menu drawer, no page is wider than the screen once its data is there, the plan's
// tasks show as cards, and logging out works from the drawer. Needs the built app: `npx vite build`.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, openAs, setUpBrowserTests } from "./harness.ts";

const harness = setUpBrowserTests();
const PHONE = { width: 390, height: 844 };

const drawer = (page: Page) => page.getByRole("dialog", { name: "Đôn Đốc" });

async function openDrawer(page: Page) {
  await page.getByRole("button", { name: "Mở menu" }).click();
  await drawer(page).getByRole("menu", { name: "Điều hướng chính" }).waitFor();
}

/** The page's content is on screen and nothing in it is still loading. */
async function settled(page: Page) {
  await page.locator(".dd-content").locator(".ant-card, .ant-result").first().waitFor();
  await expect
    .poll(() => page.locator(".dd-content").locator(".ant-skeleton, .ant-spin-spinning").count())
    .toBe(0);
}

/** How much wider than the screen the page is (0 when it fits), with the page named on failure. */
async function overflow(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  return { page: new URL(page.url()).pathname, extra: Math.max(0, scrollWidth! - innerWidth!) };
}

// Together these accounts hold every navigation entry any role has (the leader's and the finance
// officer's menus hold no entry of their own), so each page is reached through the drawer without
// running the same pages again for every account.
const accounts = ["admin", "vanphong", "congan", "truongcongan"];

describe("on a phone", () => {
  it.each(accounts)("%s reaches every page through the drawer, none wider than the screen", async (user) => {
    const page = await harness.newPage({ viewport: PHONE });
    await page.goto(`${harness.url}/dang-nhap`);
    await logIn(page, user);
    await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    await settled(page);
    // The desktop menu is not there to collapse: navigation is the drawer's.
    expect(await page.locator(".ant-menu-horizontal").count()).toBe(0);

    // The notifications panel fits the screen too.
    await page.getByTestId("notification-bell").click();
    const panel = page.locator(".dd-notifications");
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId("notification-bell").click();
    await panel.waitFor({ state: "hidden" });

    await openDrawer(page);
    const entries = await drawer(page)
      .getByRole("menu", { name: "Điều hướng chính" })
      .getByRole("link")
      .allInnerTexts();
    expect(entries.length).toBeGreaterThan(0);
    expect(await drawer(page).innerText()).toMatch(/Đổi mật khẩu[\s\S]*Bảo mật tài khoản[\s\S]*Đăng xuất/);

    for (const [index, entry] of entries.entries()) {
      if (index > 0) await openDrawer(page);
      const link = drawer(page).getByRole("link", { name: entry, exact: true });
      const href = await link.getAttribute("href");
      await link.click();
      await page.waitForURL((url) => url.pathname === href);
      // The drawer closes once the page changes.
      await drawer(page).waitFor({ state: "hidden" });
      await settled(page);
      expect(await overflow(page)).toEqual({ page: new URL(page.url()).pathname, extra: 0 });
    }

    // A plan, with its tasks as cards, then a task.
    await page.goto(`${harness.url}/ke-hoach`);
    await page.locator(".dd-content a[href^='/ke-hoach/']").first().click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}/);
    await page.getByTestId("task-card").first().waitFor();
    await settled(page);
    expect(await page.locator("table.dd-task-table, .dd-task-table table").count()).toBe(0);
    const card = page.getByTestId("task-card").first();
    expect(await card.locator(".dd-ref").innerText()).not.toBe("");
    expect(await card.locator(".dd-status").count()).toBe(1);
    expect(await overflow(page)).toEqual({ page: new URL(page.url()).pathname, extra: 0 });

    await card.locator("a[href^='/nhiem-vu/']").click();
    await page.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}/);
    await page.getByTestId("task-heading").waitFor();
    await settled(page);
    expect(await overflow(page)).toEqual({ page: new URL(page.url()).pathname, extra: 0 });

    // Logging out from the drawer.
    await openDrawer(page);
    await drawer(page)
      .getByRole("menuitem", { name: /Đăng xuất/ })
      .click();
    await page.waitForURL(/\/dang-nhap/);
    await page.getByLabel("Tên đăng nhập").waitFor();
    await page.close();
  });

  it("reports with a thumb: full-width buttons, a photo from the camera joins the chosen files", async () => {
    const page = await harness.newPage({ viewport: PHONE });
    await openAs(page, harness.url, "congan", "/cua-toi?vaitro=lead");
    await page.getByTestId("task-card").first().locator("a[href^='/nhiem-vu/']").click();
    await page.getByTestId("task-heading").waitFor();
    await page.getByRole("button", { name: "Báo cáo tiến độ" }).click();
    const dialog = page.getByRole("dialog");
    const camera = dialog.locator("input[type=file][capture=environment]");
    expect(await camera.getAttribute("accept")).toBe("image/*");
    await camera.setInputFiles({
      name: "cong-van-giay.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("ảnh"),
    });
    await dialog.locator("input[type=file]:not([capture])").setInputFiles({
      name: "bao-cao.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Báo cáo"),
    });
    await dialog.getByText("cong-van-giay.jpg").waitFor();
    await dialog.getByText("bao-cao.txt").waitFor();

    const form = (await dialog.locator("form").boundingBox())!;
    for (const name of ["Chụp ảnh minh chứng", "Chọn tệp minh chứng", "Gửi báo cáo", "Hủy"]) {
      const button = (await dialog.getByRole("button", { name }).boundingBox())!;
      expect(button.width, name).toBeGreaterThanOrEqual(form.width - 1);
    }
    expect(await overflow(page)).toEqual({ page: new URL(page.url()).pathname, extra: 0 });
    await page.close();
  });

  it("raised no page errors", () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
