// Early warning and ranking in a real browser on the demo province, as a leader (lanhdao), the
// standing office (vanphong) and an agency (congan): both pages are in the menu and render with
// their data; the agency sees its own position and why; only the office gets the weights' form;
// the plan filter lands in the URL; on a phone neither page scrolls sideways.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();
const PHONE = { width: 390, height: 844 };

const menuLinks = (page: Page, href: string) =>
  page.getByRole("menu", { name: "Điều hướng chính" }).locator(`a[href="${href}"]`);

async function sidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  return Math.max(0, scrollWidth! - innerWidth!);
}

/** The at-risk page's rows once loaded (at least one in the demo for each of these accounts). */
async function atRiskRows(page: Page) {
  const rows = page.locator('[data-testid="at-risk-list"] tr.ant-table-row');
  await rows.first().waitFor();
  return rows;
}

describe("early warning and ranking", () => {
  for (const user of ["lanhdao", "vanphong", "congan"]) {
    it(`${user} opens the at-risk list and the ranking`, async () => {
      const page = await harness.newPage();
      await openAs(page, harness.url, user, "/canh-bao");
      const rows = await atRiskRows(page);
      // The menu has both entries (at this width they may sit in the menu's overflow).
      expect(await menuLinks(page, "/canh-bao").count()).toBeGreaterThan(0);
      expect(await menuLinks(page, "/xep-hang").count()).toBeGreaterThan(0);
      const first = rows.first();
      expect(await first.locator("[data-reason]").count()).toBeGreaterThan(0);
      expect(await first.locator('a[href^="/nhiem-vu/"]').count()).toBe(1);
      if (user === "congan") {
        for (const text of await rows.locator("td:nth-child(2)").allInnerTexts())
          expect(text).toBe("Công an tỉnh");
      }

      await page.goto(`${harness.url}/xep-hang`);
      const table = page.locator('[data-testid="ranking-table"] tr.ant-table-row');
      await table.first().waitFor();
      const settingsForm = page.locator('[data-testid="ranking-settings"]');
      if (user === "vanphong") await settingsForm.waitFor();
      else expect(await settingsForm.count()).toBe(0);
      if (user === "congan") {
        const own = page.locator('[data-testid="own-position"]');
        await own.waitFor();
        expect(await textOf(own)).toMatch(
          /Công an tỉnh (đứng thứ|đồng hạng) \d+\/\d+|Công an tỉnh chưa xếp hạng/,
        );
        await own.getByText("Vì sao?").click();
        await own.locator('[data-testid="ranking-breakdown"]').waitFor();
        expect(await textOf(own.locator('[data-testid="ranking-breakdown"]'))).toContain(
          "Hoàn thành đúng hạn",
        );
        expect(await page.locator("tr.dd-own-row").count()).toBe(1);
      }
      expect(harness.pageErrors).toEqual([]);
    });
  }

  it("keeps the plan filter in the address", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/canh-bao");
    await atRiskRows(page);
    await page.getByLabel("Kế hoạch").click();
    await page.locator(".ant-select-item-option").first().click();
    await page.waitForURL(/planId=/);
    await atRiskRows(page);
    const planId = new URL(page.url()).searchParams.get("planId");
    await page.reload();
    expect(new URL(page.url()).searchParams.get("planId")).toBe(planId);
    await atRiskRows(page);
  });

  it("fits a phone's width on both pages", async () => {
    const page = await harness.newPage({ viewport: PHONE });
    await openAs(page, harness.url, "congan", "/canh-bao");
    await atRiskRows(page);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.goto(`${harness.url}/xep-hang`);
    await page.locator('[data-testid="ranking-table"] tr.ant-table-row').first().waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
