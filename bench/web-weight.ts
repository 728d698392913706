/**
 * What the main pages weigh and how long they take to become usable, in headless Chromium against
 * a running `dondoc serve --demo`, printed and never asserted (machines differ):
 *
 *   npm run bench -- web-weight [runs]
 *
 * Each page is opened cold: a new browser context (empty cache), already signed in where the page
 * needs it. Per page:
 * - JS: compressed bytes of JavaScript over the wire (CDP Network.loadingFinished
 *   encodedDataLength: body as sent plus headers), and how many files;
 * - total: every response of the load, the API's JSON included;
 * - ready: from the start of navigation until the page's main data is on screen (its element is
 *   visible and no skeleton or spinner is left);
 * - TTI: ready, or the end of the last long task (> 50 ms on the main thread) if later, taken
 *   once the page has been quiet (no long task, no request in flight) for 500 ms.
 * The login row ends when the form can be used; "đăng nhập → trang đầu" counts the login page,
 * the sign-in and the first page the user lands on, in one context.
 * Figures are medians of `runs` (default 3) loads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { startServer } from "./demoServer.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const PASSWORD = "DonDoc@2026";
const BUSY = ".ant-skeleton, .ant-spin-spinning";

/**
 * When the main element shows, and the long tasks, in the page's clock: counted from navigation
 * start when installed before the page's scripts, else from the moment it is installed.
 */
const probe = (selector: string, fromNow: boolean) => `(() => {
  window.__since = ${fromNow ? "performance.now()" : "0"};
  window.__readyAt = undefined;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime >= window.__since) window.__longTasks.push([e.startTime, e.startTime + e.duration]);
    }
  }).observe({ type: "longtask", buffered: true });
  const check = () => {
    if (window.__readyAt !== undefined) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el || el.getBoundingClientRect().height === 0 || document.querySelector(${JSON.stringify(BUSY)})) return;
    window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

interface Load {
  jsBytes: number;
  jsFiles: number;
  totalBytes: number;
  readyMs: number;
  ttiMs: number;
}

interface Target {
  name: string;
  user?: string;
  path: string;
  /** The page's main data: what a user came for. */
  selector: string;
}

/** How the scripts came: br when the server's precompressed files were sent. */
const scriptEncodings = new Set<string>();

/** Counts every response's bytes on the wire from now on. */
async function watchNetwork(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const types = new Map<string, string>();
  const inFlight = new Set<string>();
  const totals = { jsBytes: 0, jsFiles: 0, totalBytes: 0 };
  cdp.on("Network.requestWillBeSent", (e) => inFlight.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    types.set(e.requestId, e.type);
    if (e.type === "Script") scriptEncodings.add(e.response.headers["content-encoding"] ?? "không nén");
  });
  cdp.on("Network.loadingFailed", (e) => inFlight.delete(e.requestId));
  cdp.on("Network.loadingFinished", (e) => {
    inFlight.delete(e.requestId);
    totals.totalBytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") {
      totals.jsBytes += e.encodedDataLength;
      totals.jsFiles += 1;
    }
  });
  return { totals, inFlight };
}

/** Waits for the main element, then for 500 ms of quiet, and reads the page's marks. */
async function settle(page: Page, inFlight: Set<string>): Promise<{ readyMs: number; ttiMs: number }> {
  await page.waitForFunction(
    () => (window as unknown as { __readyAt?: number }).__readyAt !== undefined,
    null,
    {
      timeout: 120_000,
      polling: 100,
    },
  );
  let quietSince = Date.now();
  let lastLongTasks = -1;
  for (;;) {
    const count = await page.evaluate(
      () => (window as unknown as { __longTasks: unknown[] }).__longTasks.length,
    );
    if (count !== lastLongTasks || inFlight.size > 0) {
      lastLongTasks = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 500) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return page.evaluate(() => {
    const w = window as unknown as { __since: number; __readyAt: number; __longTasks: [number, number][] };
    const lastEnd = Math.max(0, ...w.__longTasks.map(([, end]) => end));
    return { readyMs: w.__readyAt - w.__since, ttiMs: Math.max(w.__readyAt, lastEnd) - w.__since };
  });
}

async function signedInContext(browser: Browser, url: string, user?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
  if (user) {
    const response = await context.request.post(`${url}/api/auth/login`, {
      data: { username: user, password: PASSWORD },
    });
    if (!response.ok()) throw new Error(`login ${user}: ${response.status()}`);
  }
  return context;
}

async function loadOnce(browser: Browser, url: string, target: Target): Promise<Load> {
  const context = await signedInContext(browser, url, target.user);
  try {
    const page = await context.newPage();
    await page.addInitScript(probe(target.selector, false));
    const { totals, inFlight } = await watchNetwork(context, page);
    await page.goto(`${url}${target.path}`, { waitUntil: "commit" });
    const times = await settle(page, inFlight);
    return { ...totals, ...times };
  } finally {
    await context.close();
  }
}

/** The login page, the sign-in, and the page the app opens after it, as one user sees them. */
async function loginFlowOnce(browser: Browser, url: string, user: string, selector: string): Promise<Load> {
  const context = await signedInContext(browser, url);
  try {
    const page = await context.newPage();
    const { totals, inFlight } = await watchNetwork(context, page);
    await page.goto(`${url}/dang-nhap`);
    await page.getByLabel("Tên đăng nhập").fill(user);
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();
    // The app navigates within the page: ready and TTI count from the click; the bytes from the
    // login page's first request.
    await page.evaluate(probe(selector, true));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const times = await settle(page, inFlight);
    return { ...totals, ...times };
  } finally {
    await context.close();
  }
}

async function apiJson<T>(url: string, user: string, pathname: string): Promise<T> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user, password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${url}${pathname}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`.padStart(7);
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

function print(name: string, loads: Load[]): void {
  const m = (key: keyof Load) => median(loads.map((load) => load[key]));
  process.stdout.write(
    `${name.padEnd(26)} JS ${kb(m("jsBytes"))} (${String(m("jsFiles")).padStart(2)} tệp)  tổng ${kb(m("totalBytes"))}  sẵn sàng ${ms(m("readyMs"))}  TTI ${ms(m("ttiMs"))}\n`,
  );
}

async function main(): Promise<void> {
  for (const script of ["scripts/ensure-web-build.mjs", "scripts/build-server.mjs"]) {
    const args = script.includes("server") ? ["--if-stale"] : [];
    const result = spawnSync(process.execPath, [path.join(root, script), ...args], { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`${script} failed`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dondoc-bench-web-"));
  const { url, child } = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    const plans = await apiJson<{ items: { id: string }[] }>(url, "vanphong", "/api/plans");
    const planId = plans.items[0]?.id;
    if (!planId) throw new Error("the demo has no plan");
    const tasks = await apiJson<{ items: { id: string }[] }>(url, "vanphong", `/api/tasks?planId=${planId}`);
    const taskId = tasks.items[0]?.id;
    if (!taskId) throw new Error("the demo plan has no task");
    const rows = ".ant-table-row, .ant-list-item, .ant-empty";
    const targets: Target[] = [
      { name: "đăng nhập", path: "/dang-nhap", selector: "form button[type=submit]" },
      { name: "kế hoạch (vanphong)", user: "vanphong", path: "/ke-hoach", selector: rows },
      { name: "một kế hoạch", user: "vanphong", path: `/ke-hoach/${planId}`, selector: rows },
      { name: "một nhiệm vụ", user: "vanphong", path: `/nhiem-vu/${taskId}`, selector: ".ant-card" },
      { name: "của tôi (congan)", user: "congan", path: "/cua-toi", selector: rows },
      { name: "duyệt báo cáo (vanphong)", user: "vanphong", path: "/duyet-bao-cao", selector: rows },
    ];
    process.stdout.write(
      `Trang mở lạnh (bộ nhớ đệm trống), trung vị của ${runs} lần. JS = JavaScript nén truyền qua mạng;\n` +
        "sẵn sàng = phần dữ liệu chính hiện ra, hết khung chờ; TTI = sẵn sàng hoặc hết tác vụ dài (> 50 ms)\n" +
        "cuối cùng nếu muộn hơn, đo khi trang đã yên 500 ms (không tác vụ dài, không yêu cầu mạng).\n\n",
    );
    for (const target of targets) {
      await loadOnce(browser, url, target); // warms the server, not the browser: each load is cold
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, url, target));
      print(target.name, loads);
    }
    const flows: Load[] = [];
    for (let i = 0; i < runs; i++) flows.push(await loginFlowOnce(browser, url, "congan", rows));
    print("đăng nhập → trang đầu", flows);
    process.stdout.write(`\nJavaScript nhận được dạng: ${[...scriptEncodings].join(", ")}\n`);
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
