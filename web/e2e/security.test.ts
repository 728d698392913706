// The browser side of the request controls (src/server/security.ts) in real Chromium: a page of
// another origin cannot frame the app, and the app's own pages run under its Content Security
// Policy without a single violation. Needs the built app (web/dist): run `npx vite build` first.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, openAs, setUpBrowserTests } from "./harness.ts";

const harness = setUpBrowserTests();

// Another origin on the same site (localhost, another port), as the attacker had: a
// cookie with SameSite=Lax does not stop it, only frame-ancestors / X-Frame-Options do.
let attacker: http.Server;
let attackerUrl: string;
beforeAll(async () => {
  attacker = http.createServer((request, response) => {
    const target = new URL(request.url ?? "/", "http://x").searchParams.get("target") ?? "";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>Trang khác</title><p>Bấm vào đây để nhận quà</p>` +
        `<iframe id="app" src="${target.replace(/"/g, "&quot;")}" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
});

/** Every CSP violation Chromium reports on the page (it logs each one to the console). */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect|frame)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

describe("request controls in the browser", () => {
  it("does not let a page of another origin frame the app", async () => {
    const page = await harness.newPage();
    // Signed in first, so that the framed page would show the officer's work if it rendered.
    await openAs(page, harness.url, "congan", "/cua-toi");
    const failures: string[] = [];
    page.on("requestfailed", (request) => {
      if (request.url().startsWith(harness.url)) failures.push(request.failure()?.errorText ?? "");
    });
    const framed = `${harness.url}/cua-toi`;
    await page.goto(`${attackerUrl}/?target=${encodeURIComponent(framed)}`);
    await page.getByText("Bấm vào đây để nhận quà").waitFor();
    // The server answered, and Chromium refused to show the answer in the frame because of it.
    await expect.poll(() => failures).toContain("net::ERR_BLOCKED_BY_RESPONSE");
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    const content = await frame.evaluate(() => ({
      root: document.querySelector("#root")?.childElementCount ?? 0,
      text: document.body?.innerText ?? "",
    }));
    expect(content.root).toBe(0);
    expect(content.text).not.toContain("Công an tỉnh");
    await page.close();
  });

  it("runs the app's pages under its policy without a violation", async () => {
    const page = await harness.newPage();
    const violations = cspViolations(page);
    await page.goto(`${harness.url}/dang-nhap`);
    await logIn(page, "vanphong");
    await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    for (const path of [
      "/ke-hoach",
      "/cua-toi",
      "/duyet-bao-cao",
      "/nhap-van-ban",
      "/co-quan",
      "/bao-mat-tai-khoan",
    ]) {
      await page.goto(`${harness.url}${path}`);
      await page.getByTestId("current-user").waitFor();
      await page.waitForLoadState("networkidle");
    }
    // A plan and one of its tasks: the richest pages (tables, tags, drawers).
    await page.goto(`${harness.url}/ke-hoach`);
    await page.getByRole("link", { name: "3450/KH-UBND" }).click();
    await page.locator("tr.dd-task-row").first().waitFor();
    await page.locator("tr.dd-task-row a").first().click();
    await page.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}/);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
