// Loading states in a real browser: while the data a count counts is on its way, the count shows a
// spinner (or its last figure dimmed), never a false zero. Each API answer under test is held back
// until the test has looked at the page, so nothing here depends on timing.
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

/** Holds every API answer matching the pattern until `release()`; later requests pass straight. */
async function holdBack(page: Page, pattern: RegExp) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held: Promise<void>[] = [];
  const handler = (route: Route) => {
    const passed = gate.then(() => route.continue());
    held.push(passed);
    return passed;
  };
  await page.route(pattern, handler);
  return {
    release: async () => {
      open();
      await Promise.all(held);
      await page.unroute(pattern, handler);
    },
  };
}

const digits = (text: string) => text.replace(/\D/g, "");

describe("loading states", () => {
  it("the agency count and table wait for the directory instead of showing 0 and 'Trống'", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    const gate = await holdBack(page, /\/api\/agencies(\?|$)/);
    await page.goto(`${harness.url}/co-quan`);
    const count = page.getByTestId("agency-count");
    await count.locator("[data-loading=true]").waitFor();
    expect(digits(await textOf(count))).toBe("");
    expect(await page.locator(".dd-agency-table").innerText()).not.toMatch(/Trống|Không có cơ quan/);

    await gate.release();
    await page.locator("tr.dd-agency-row").first().waitFor();
    await expect.poll(async () => Number(digits(await textOf(count)))).toBeGreaterThan(20);
    await page.close();
  });

  it("the review queue's tabs show no '(0)' before the queue has arrived", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    const gate = await holdBack(page, /\/api\/(review-queue|deadline-changes)(\?|$)/);
    await page.goto(`${harness.url}/duyet-bao-cao`);
    const tabs = page.getByRole("tab");
    await tabs.first().locator("[data-loading=true]").waitFor();
    for (const tab of await tabs.allInnerTexts()) expect(tab).not.toMatch(/\(\s*0\s*\)/);

    await gate.release();
    await expect.poll(() => tabs.first().locator("[data-loading]").count()).toBe(0);
    expect(await tabs.first().innerText()).toMatch(/Báo cáo chờ duyệt \(\d+\)/);
    await page.close();
  });

  it("an agency's own task counts wait for its tasks", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "congan", "/ke-hoach");
    const gate = await holdBack(page, /\/api\/tasks\?/);
    await page.goto(`${harness.url}/cua-toi`);
    const all = page.getByRole("radio", { name: /Tất cả/ }).locator("..");
    await page.locator(".ant-segmented [data-loading=true]").first().waitFor();
    expect(await page.locator(".ant-segmented").innerText()).not.toMatch(/\(\s*0\s*\)/);

    await gate.release();
    await expect.poll(async () => Number(digits(await all.innerText()))).toBeGreaterThan(0);
    await page.close();
  });

  it("a search's count is dimmed as stale until the new count arrives", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/ke-hoach");
    await page.getByRole("link", { name: "3450/KH-UBND" }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    const total = page.getByTestId("task-total");
    await page.locator("tr.dd-task-row").first().waitFor();
    const before = Number(digits(await textOf(total)));

    const gate = await holdBack(page, /\/api\/tasks\?.*q=/);
    await page.getByPlaceholder("Tìm theo tên nhiệm vụ").fill("an ninh mang");
    await page.waitForURL(/[?&]q=an/);
    await total.locator("[data-loading=true]").waitFor();
    expect(await total.locator("[aria-busy=true]").count()).toBe(1);

    await gate.release();
    await expect.poll(() => total.locator("[data-loading]").count()).toBe(0);
    const after = Number(digits(await textOf(total)));
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
