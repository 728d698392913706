// The browser test harness: the real server with demo data, started in-process once per test
// file (embedded database, or a PostgreSQL database of its own when TEST_DATABASE_URL is set), and
// Debian's Chromium driven through playwright-core. Needs the built app: run `npx vite build` first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type Running, startServer } from "../../src/server/start.ts";
import { createPostgresDatabaseFrom } from "../../src/testing/database.ts";

const webDist = path.resolve(import.meta.dirname, "../dist");
const CHROMIUM = "/usr/bin/chromium";
export const PASSWORD = "DonDoc@2026";
export const fixturesDir = path.resolve(import.meta.dirname, "../../fixtures");

export interface Harness {
  /** The server's base URL, once started. */
  readonly url: string;
  /** Messages of uncaught errors in any page: a test ends by expecting none. */
  readonly pageErrors: string[];
  /**
   * A page in a browser context of its own: its own cookies, as another person on another computer;
   * a desktop window unless a viewport is given (a phone's, say).
   */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** A new temporary directory, removed after the file's tests. */
  tempDir(prefix: string): string;
}

/**
 * Registers beforeAll/afterAll for the calling test file and returns the harness. Each file gets
 * its own server, database, data directory and browser profile.
 */
export function setUpBrowserTests(options: { defaultTimeout?: number } = {}): Harness {
  let server: Running | undefined;
  let browser: Browser | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const tempDirs: string[] = [];
  const pageErrors: string[] = [];

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

    // The demo seeded once for the run (globalSetup.ts), copied for this file alone.
    const template = inject("demoTemplate");
    const dataDir = tempDir("dondoc-e2e-data-");
    fs.cpSync(template.dataDir, dataDir, { recursive: true });
    const env: Record<string, string> = { PORT: "3000", DONDOC_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    if (template.databaseUrl && process.env.TEST_DATABASE_URL) {
      const database = await createPostgresDatabaseFrom(process.env.TEST_DATABASE_URL, template.databaseUrl);
      dropDatabase = database.drop;
      env.DATABASE_URL = database.url;
    }
    // loadConfig refuses PORT=0, so the port is chosen by the system after validation.
    server = await startServer({ ...loadConfig(env), port: 0 }, { logger: false });

    browser = await chromium.launch({
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
    });
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await dropDatabase?.();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
    pageErrors,
    async newPage(pageOptions = {}) {
      const context = await browser!.newContext({
        viewport: pageOptions.viewport ?? { width: 1400, height: 900 },
        locale: "vi-VN",
        timezoneId: "Asia/Ho_Chi_Minh",
        acceptDownloads: true,
      });
      // What a step may wait for (an element, a URL) on a machine ten times slower than usual.
      context.setDefaultTimeout(options.defaultTimeout ?? 60_000);
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      page.on("close", () => void context.close().catch(() => {}));
      return page;
    },
    tempDir,
  };
}

/** Fills the login form and submits it (the page must show the form). */
export async function logIn(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Opens a path of the app in a fresh page (no session yet), logging in as this user on the way. */
export async function openAs(page: Page, baseUrl: string, username: string, pathname: string) {
  await page.goto(`${baseUrl}/dang-nhap?next=${encodeURIComponent(pathname)}`);
  await logIn(page, username);
  await page.waitForURL((url) => url.pathname === pathname.split("?")[0]);
}

/** Picks an item of the account menu in the header (đổi mật khẩu, bảo mật tài khoản, đăng xuất). */
export async function accountMenu(page: Page, item: string | RegExp) {
  await page.getByRole("button", { name: /^Tài khoản .*đăng xuất/ }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Logs out through the account menu and waits for the login page. */
export async function logOut(page: Page) {
  await accountMenu(page, /Đăng xuất/);
  await page.waitForURL(/\/dang-nhap/);
}

/** The rendered text of what the locator matches, as the user sees it, once it is there. */
export async function textOf(locator: Locator) {
  await locator.first().waitFor();
  return (await locator.allInnerTexts()).join("\n");
}

/** Lower case without diacritics, to compare what users type with what they see. */
export const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/\s+/g, " ")
    .toLowerCase();

/** Today in Việt Nam (yyyy-mm-dd): the server's "today" for statuses. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
