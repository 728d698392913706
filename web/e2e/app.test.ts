// The web app in a real browser against the real server with demo data: login, plans, a plan's
// task table, search without diacritics, filters in the URL, and the way back after login.
// Needs the built app (web/dist): run `npx vite build` first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type Running, startServer } from "../../src/server/start.ts";
import { createEmptyPostgresDatabase } from "../../src/testing/database.ts";

const webDist = path.resolve(import.meta.dirname, "../dist");
const CHROMIUM = "/usr/bin/chromium";
const PASSWORD = "DonDoc@2026";

let server: Running | undefined;
let context: BrowserContext | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const tempDirs: string[] = [];
const pageErrors: string[] = [];

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/\s+/g, " ")
    .toLowerCase();

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

beforeAll(async () => {
  if (!fs.existsSync(path.join(webDist, "index.html"))) {
    throw new Error(
      `Không tìm thấy giao diện đã build (${webDist}/index.html). Chạy \`npx vite build\` trước khi chạy kiểm thử trình duyệt.`,
    );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Không tìm thấy Chromium tại ${CHROMIUM}.`);

  const env: Record<string, string> = {
    PORT: "3000",
    DONDOC_DATA_DIR: tempDir("dondoc-e2e-data-"),
    LOG_LEVEL: "silent",
  };
  if (process.env.TEST_DATABASE_URL) {
    const database = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL);
    dropDatabase = database.drop;
    env.DATABASE_URL = database.url;
  }
  // loadConfig refuses PORT=0, so the port is chosen by the system after validation.
  server = await startServer({ ...loadConfig(env), port: 0 }, { demo: true, logger: false });

  context = await chromium.launchPersistentContext(tempDir("dondoc-e2e-chromium-"), {
    executablePath: CHROMIUM,
    headless: false, // headless comes from --headless=new below
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 900 },
    locale: "vi-VN",
  });
  context.setDefaultTimeout(10_000);
  context.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(error.message)));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await server?.stop();
  await dropDatabase?.();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const newPage = () => context!.newPage();

async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** The rendered text of what the locator matches, as the user sees it, once it is there. */
async function textOf(locator: Locator) {
  await locator.first().waitFor();
  return (await locator.allInnerTexts()).join("\n");
}

/** The task rows on screen (section headings excluded), as text. */
const taskRows = (page: Page) => page.locator("tr.dd-task-row");
const rowTexts = (page: Page) => taskRows(page).allInnerTexts();
const refs = (page: Page) => page.locator("tr.dd-task-row .dd-ref").allInnerTexts();
const shownTotal = async (page: Page) =>
  Number((await textOf(page.getByTestId("task-total"))).replace(/\D/g, ""));

describe("web app", () => {
  it("shows the API's Vietnamese message for a wrong password", async () => {
    const page = await newPage();
    await page.goto(`${server!.url}/dang-nhap`);
    await page.getByText("Tài khoản do quản trị viên cấp").waitFor();
    await logIn(page, "vanphong", "mat-khau-sai");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect(new URL(page.url()).pathname).toBe("/dang-nhap");
    await page.close();
  });

  it("logs in, opens a plan, searches without diacritics and filters by section", async () => {
    const page = await newPage();

    // Not signed in: the wanted page sends to login, and login comes back to it.
    await page.goto(`${server!.url}/ke-hoach`);
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
    await page.getByRole("button", { name: /Đăng xuất/ }).click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.goto(shared);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await logIn(page, "vanphong", PASSWORD);
    await page.waitForURL((url) => url.toString() === shared);
    await expect.poll(() => shownTotal(page)).toBe(inSection);
    expect(await page.getByPlaceholder("Tìm theo tên nhiệm vụ").inputValue()).toBe("cong an");
    expect((await refs(page)).every((ref) => ref.startsWith("V."))).toBe(true);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
