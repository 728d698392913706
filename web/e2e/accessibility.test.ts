// The main pages checked with axe-core in real Chromium, each as a user who works on it: no
// violation of impact "serious" or "critical" (contrast, names of buttons and links, labels of
// fields, ARIA roles, …). A violation is printed with its rule, its help text and the elements.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests } from "./harness.ts";

const harness = setUpBrowserTests();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Waits for the page's data (no skeleton or spinner left), then runs axe on the whole document. */
async function seriousViolations(page: Page, ready: string): Promise<string[]> {
  await page.locator(ready).first().waitFor();
  await page.waitForFunction(() => !document.querySelector(".ant-skeleton, .ant-spin-spinning"));
  // The entrance animations of antd fade text in: a colour read mid-fade is not the page's.
  await page.waitForTimeout(500);
  // Evaluated through the debugging protocol: the app's CSP (script-src 'self') refuses a script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, { resultTypes: ["violations"] })) as { violations: Violation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.split("\n").slice(1).join(" ") ?? ""}`,
          )
          .join("\n")}`,
    );
}

/** Opens each path as the user (one login) and collects what axe finds, page by page. */
async function check(user: string | null, pages: { path: string; ready: string }[]) {
  const page = await harness.newPage();
  const found: Record<string, string[]> = {};
  for (const [index, target] of pages.entries()) {
    if (index === 0 && user) await openAs(page, harness.url, user, target.path);
    else await page.goto(`${harness.url}${target.path}`);
    found[target.path] = await seriousViolations(page, target.ready);
  }
  await page.close();
  return found;
}

const noViolations = (found: Record<string, string[]>) =>
  Object.fromEntries(Object.keys(found).map((path) => [path, []]));

/** The first plan's id and a task of it, as the standing office reads them. */
async function demoIds(): Promise<{ planId: string; taskId: string }> {
  const page = await harness.newPage();
  await openAs(page, harness.url, "vanphong", "/ke-hoach");
  const plans = (await (await page.request.get(`${harness.url}/api/plans`)).json()) as {
    items: { id: string }[];
  };
  const planId = plans.items[0]!.id;
  const tasks = (await (await page.request.get(`${harness.url}/api/tasks?planId=${planId}`)).json()) as {
    items: { id: string }[];
  };
  await page.close();
  return { planId, taskId: tasks.items[0]!.id };
}

const rows = ".ant-table-row, .ant-list-item, .ant-empty";

describe("accessibility of the main pages (axe-core)", () => {
  it("the login page", async () => {
    const found = await check(null, [{ path: "/dang-nhap", ready: "form button[type=submit]" }]);
    expect(found).toEqual(noViolations(found));
  });

  it("the standing office's pages: plans, a plan, a task, the review queue, import", async () => {
    const { planId, taskId } = await demoIds();
    const found = await check("vanphong", [
      { path: "/ke-hoach", ready: rows },
      { path: `/ke-hoach/${planId}`, ready: rows },
      { path: `/nhiem-vu/${taskId}`, ready: ".ant-card" },
      { path: "/duyet-bao-cao", ready: rows },
      { path: "/nhap-van-ban", ready: ".ant-upload" },
    ]);
    expect(found).toEqual(noViolations(found));
  });

  it("a keyboard reaches a table row's link, shows where it is, and opens it with Enter", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await page.locator(".ant-table-row a").first().waitFor();
    let focused = { inRow: false, outline: "none", href: "" };
    for (let presses = 0; presses < 60 && !focused.inRow; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          inRow: Boolean(element?.matches(".ant-table-row a")),
          outline: element ? getComputedStyle(element).outlineStyle : "none",
          href: element?.getAttribute("href") ?? "",
        };
      });
    }
    expect(focused.inRow).toBe(true);
    expect(focused.outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === focused.href);
    await page.close();
  });

  it("an officer's own tasks", async () => {
    const found = await check("congan", [{ path: "/cua-toi", ready: rows }]);
    expect(found).toEqual(noViolations(found));
  });

  it("the administrator's pages: agencies, accounts, audit log", async () => {
    const found = await check("admin", [
      { path: "/co-quan", ready: rows },
      { path: "/tai-khoan", ready: rows },
      { path: "/nhat-ky", ready: rows },
    ]);
    expect(found).toEqual(noViolations(found));
    expect(harness.pageErrors).toEqual([]);
  });
});
