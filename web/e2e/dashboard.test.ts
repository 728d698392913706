// The dashboard as each kind of account (leader, standing office, agency), and its numbers as
// links: three figures clicked, each list showing as many tasks as the figure said. Needs the
// built app: `npx vite build`.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests } from "./harness.ts";

const harness = setUpBrowserTests();
const AS_OF = "2026-09-30";

const digits = (text: string) => Number(text.replace(/\D/g, ""));

async function dashboard(page: Page, user: string, search = `?ngay=${AS_OF}`) {
  await openAs(page, harness.url, user, `/tong-quan${search}`);
  await page.getByTestId("dashboard-sentence").waitFor();
  await expect.poll(() => page.locator(".dd-figures [data-loading]").count()).toBe(0);
}

/** The figure's number, then its list's count after clicking it. */
async function clickFigure(page: Page, label: string) {
  const figure = page.locator(".dd-figure", { has: page.getByText(label, { exact: true }) }).first();
  const value = digits(await figure.locator(".dd-figure-value").innerText());
  await figure.locator(".dd-figure-value").click();
  await page.waitForURL((url) => url.pathname === "/nhiem-vu");
  const total = page.getByTestId("task-total");
  // The count, once it is there and no longer loading (a spinner reads "Đang tải").
  await total.waitFor();
  await expect
    .poll(
      async () => (await total.locator("[data-loading]").count()) === 0 && /\d/.test(await total.innerText()),
    )
    .toBe(true);
  return { value, listed: digits(await total.innerText()) };
}

describe("dashboards", () => {
  it("shows the leader the province, with charts, and links its figures to their lists", async () => {
    const page = await harness.newPage();
    await dashboard(page, "lanhdao");
    await page.getByRole("heading", { name: "Tổng quan: Toàn tỉnh" }).waitFor();
    expect(await page.getByTestId("dashboard-sentence").innerText()).toMatch(
      /^Toàn tỉnh: hoàn thành \d+\/\d+ nhiệm vụ/,
    );
    await page.getByRole("img", { name: /Biểu đồ số nhiệm vụ theo trạng thái/ }).waitFor();
    await page.getByRole("img", { name: /Biểu đồ xu hướng theo tháng/ }).waitFor();
    expect(await page.locator(".dd-agency-board tbody tr.ant-table-row").count()).toBeGreaterThan(1);
    // Leaders do not review: no waiting-for-review figure.
    expect(await page.getByText("Báo cáo chờ duyệt", { exact: true }).count()).toBe(0);

    const overdue = await clickFigure(page, "Đang quá hạn");
    expect(overdue.value).toBeGreaterThan(0);
    expect(overdue.listed).toBe(overdue.value);

    await page.goBack();
    await page.getByTestId("dashboard-sentence").waitFor();
    const total = await clickFigure(page, "Tổng số nhiệm vụ");
    expect(total.listed).toBe(total.value);
    expect(harness.pageErrors).toEqual([]);
  });

  it("shows the standing office what waits for review, and the upstream view", async () => {
    const page = await harness.newPage();
    // After logging in, the office lands on the dashboard.
    await page.goto(`${harness.url}/dang-nhap`);
    await page.getByLabel("Tên đăng nhập").fill("vanphong");
    await page.getByLabel("Mật khẩu").fill("DonDoc@2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/tong-quan");
    await page.getByTestId("dashboard-sentence").waitFor();
    const waiting = page.locator(".dd-figure", { has: page.getByText("Báo cáo chờ duyệt", { exact: true }) });
    await waiting.waitFor();
    expect(await waiting.locator("a").getAttribute("href")).toBe("/duyet-bao-cao");
    await page.getByRole("button", { name: /Nhiệm vụ cấp trên/ }).click();
    await page
      .getByText(/Chưa có nhiệm vụ nào của tỉnh được liên kết|Thời hạn|hạn/)
      .first()
      .waitFor();

    await page.goto(`${harness.url}/tong-quan?ngay=${AS_OF}`);
    await page.getByTestId("dashboard-sentence").waitFor();
    await expect.poll(() => page.locator(".dd-figures [data-loading]").count()).toBe(0);
    const soon = await clickFigure(page, "Đến hạn trong 30 ngày tới");
    expect(soon.listed).toBe(soon.value);
    expect(harness.pageErrors).toEqual([]);
  });

  it("shows an agency only its own part", async () => {
    const page = await harness.newPage();
    await dashboard(page, "congan");
    await page.getByRole("heading", { name: /^Tổng quan: Công an/ }).waitFor();
    const rows = page.locator(".dd-agency-board tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(1);
    // The province is not among its scopes.
    await page.getByRole("combobox", { name: "Phạm vi" }).click();
    expect(await page.getByRole("option", { name: "Toàn tỉnh" }).count()).toBe(0);
    await page.keyboard.press("Escape");

    const done = await clickFigure(page, "Hoàn thành đúng hạn");
    expect(done.listed).toBe(done.value);
    expect(harness.pageErrors).toEqual([]);
  });

  it("fits a phone's width, the dashboard and the list it links to", async () => {
    const page = await harness.newPage({ viewport: { width: 390, height: 844 } });
    await dashboard(page, "lanhdao");
    await page.getByRole("img", { name: /Biểu đồ xu hướng/ }).waitFor();
    const extra = () =>
      page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
    expect(await extra()).toBe(0);
    const overdue = await clickFigure(page, "Đang quá hạn");
    expect(overdue.listed).toBe(overdue.value);
    await expect.poll(() => page.locator(".dd-task-cards").count()).toBe(1);
    expect(await extra()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it("lets the office save a view with chosen panels and share it with the leaders", async () => {
    const office = await harness.newPage();
    await dashboard(office, "vanphong", `?ngay=${AS_OF}&xuhuong=quarter`);
    // The at-risk list sits on the dashboard, with a link to the whole list.
    await office
      .getByTestId("dashboard-at-risk")
      .getByText(/^[\d.]+ nhiệm vụ có nguy cơ chậm$/)
      .waitFor();
    await office.getByRole("button", { name: "Lưu trang tổng quan này" }).click();
    const form = office.getByRole("dialog", { name: "Lưu trang tổng quan" });
    await form.getByLabel("Tên").fill("Tổng quan quý cho lãnh đạo");
    await form.getByRole("checkbox", { name: "Theo dõi nhiệm vụ của Trung ương" }).uncheck();
    await form.getByRole("checkbox", { name: "Bảng theo cơ quan, đơn vị" }).uncheck();
    await form.getByRole("radio", { name: /^Ngày 30\/09\/2026$/ }).check();
    await form.getByRole("button", { name: "Lưu" }).click();
    await office.getByText("Đã lưu trang tổng quan.").waitFor();

    const leader = await harness.newPage();
    await dashboard(leader, "lanhdao", "");
    await leader.getByRole("combobox", { name: "Trang tổng quan đã lưu" }).click();
    await leader.locator(".ant-select-item-option", { hasText: "Tổng quan quý cho lãnh đạo" }).click();
    await leader.waitForURL((url) => url.searchParams.get("ngay") === AS_OF);
    expect(new URL(leader.url()).searchParams.get("xuhuong")).toBe("quarter");
    await leader.getByRole("img", { name: /Biểu đồ xu hướng theo quý/ }).waitFor();
    await expect.poll(() => leader.locator(".dd-agency-board").count()).toBe(0);
    expect(await leader.getByRole("button", { name: /Nhiệm vụ cấp trên/ }).count()).toBe(0);
    // Leaders open shared views; only the office saves them.
    expect(await leader.getByRole("button", { name: "Lưu trang tổng quan này" }).count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });
});
