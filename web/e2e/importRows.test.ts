// The import preview's doubts and row operations in a real browser: the standing office uploads a
// plan the demo already holds (fixtures/plans/lam-dong-1535-cv-tu.docx), sees a cell the engine
// doubts highlighted with its reason, filters to the rows to review, then deletes a row, adds one,
// splits one, merges two, moves a lead into the coordinators and the last words of a title into
// the output column, saves, commits, and finds exactly those changes in the re-import's diff and
// in the plan's task table.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fixturesDir, openAs, setUpBrowserTests, textOf } from "./harness.ts";

const harness = setUpBrowserTests();

const expected: { tasks: { ref: string; title: string; leads: string[]; coordinators: string[] }[] } =
  JSON.parse(readFileSync(path.join(fixturesDir, "plans", "lam-dong-1535-cv-tu.expected.json"), "utf8"));
const taskOf = (ref: string) => expected.tasks.find((t) => t.ref === ref)!;

const row = (page: Page, ref: string) =>
  page
    .locator("tr.dd-import-row")
    .filter({ has: page.locator(".dd-ref", { hasText: new RegExp(`^${ref.replace(".", "\\.")}$`) }) });

async function rowAction(page: Page, ref: string, action: string) {
  await page.getByRole("button", { name: `Thao tác dòng ${ref}`, exact: true }).click();
  const menu = page.locator(".ant-dropdown:not(.ant-dropdown-hidden)");
  await menu.getByRole("menuitem", { name: action }).click();
  await menu.waitFor({ state: "hidden" });
}

async function editCell(page: Page, label: string, text: string) {
  await page.getByRole("button", { name: `Sửa ${label}`, exact: true }).click();
  const editor = page.getByLabel(label, { exact: true });
  await editor.fill(text);
  await editor.press("Control+Enter");
}

describe("import preview: doubts and row operations", () => {
  it("highlights doubts, edits rows, saves, and the plan gets exactly those changes", async () => {
    const page = await harness.newPage();
    await openAs(page, harness.url, "vanphong", "/nhap-van-ban");
    await page
      .locator("input[type=file]")
      .setInputFiles(path.join(fixturesDir, "plans", "lam-dong-1535-cv-tu.docx"));
    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator("tr.dd-import-row").count()).toBe(30);

    // A doubtful cell: task 13's coordinator ("quan, đơn vị trong tỉnh") is not in the directory. Tinted, marked in words, and
    // the tooltip gives the reason.
    const doubtful = row(page, "13").locator('.dd-doubt[data-doubt-field="coordinators"]');
    await doubtful.waitFor();
    const mark = doubtful.getByRole("button", { name: /^Cần xem lại: / });
    expect(await mark.getAttribute("aria-label")).toContain("chưa có trong danh mục cơ quan");
    expect(await mark.innerText()).toContain("Cần xem lại");
    expect(await doubtful.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    await mark.hover();
    expect(await textOf(page.locator(".ant-tooltip:not(.ant-tooltip-hidden)"))).toContain(
      "chưa có trong danh mục cơ quan",
    );

    // The filter keeps only rows with a doubt or a warning.
    await page.getByTestId("import-only-doubtful").click();
    const shown = page.locator("tr.dd-import-row");
    await expect.poll(() => shown.count()).toBeGreaterThan(0);
    const classes = await shown.evaluateAll((rows) => rows.map((r) => r.className));
    expect(classes.every((c) => c.includes("dd-has-doubt") || c.includes("dd-has-warning"))).toBe(true);
    await page.getByTestId("import-only-doubtful").click();
    await expect.poll(() => shown.count()).toBe(30);

    // Delete task 3 (undone once, then deleted again).
    await rowAction(page, "3", "Xóa dòng");
    await expect.poll(() => shown.count()).toBe(29);
    await page.getByRole("button", { name: "Hoàn tác thao tác dòng" }).click();
    await row(page, "3").waitFor();
    await rowAction(page, "3", "Xóa dòng");
    await expect.poll(() => shown.count()).toBe(29);
    expect(await row(page, "3").count()).toBe(0);

    // Add a row below task 5 and fill it in.
    await rowAction(page, "5", "Thêm dòng phía dưới");
    await row(page, "5.1").waitFor();
    const added = "Tổng hợp kết quả tập huấn kỹ năng số cho cán bộ cấp xã";
    await editCell(page, "tên nhiệm vụ 5.1", added);
    await editCell(page, "cơ quan chủ trì 5.1 (mỗi dòng một mục)", "Công an tỉnh");
    await row(page, "5.1").getByText(added).waitFor();

    // Split task 7 before its fourth word from the end (the head stays the task the plan knows).
    const words7 = taskOf("7").title.split(/\s+/);
    const cut = words7.length - 4;
    await rowAction(page, "7", "Tách dòng…");
    const split = page.getByRole("dialog", { name: "Tách dòng 7" });
    await split.getByRole("button", { name: `Tách từ chữ "${words7[cut]}" (chữ thứ ${cut + 1})` }).click();
    expect(await textOf(split.getByTestId("split-preview"))).toContain(
      `Dòng mới: ${words7.slice(cut).join(" ")}`,
    );
    await split.getByRole("button", { name: "Tách", exact: true }).click();
    await split.waitFor({ state: "hidden" });
    const head7 = words7.slice(0, cut).join(" ");
    const rest7 = words7.slice(cut).join(" ");
    await row(page, "7.1").getByText(rest7).waitFor();
    expect(
      await textOf(row(page, "7").getByRole("button", { name: "Sửa tên nhiệm vụ 7", exact: true })),
    ).toBe(head7);

    // Merge task 11 into task 10 (the longer title above keeps the plan's task 10).
    await rowAction(page, "11", "Gộp vào dòng trên");
    await expect.poll(() => row(page, "11").count()).toBe(0);
    const merged10 = `${taskOf("10").title} ${taskOf("11").title}`;
    expect(
      await textOf(row(page, "10").getByRole("button", { name: "Sửa tên nhiệm vụ 10", exact: true })),
    ).toBe(merged10);

    // Move task 12's lead into its coordinators.
    const lead12 = taskOf("12").leads[0]!;
    await rowAction(page, "12", "Chuyển nội dung ô…");
    const move = page.getByRole("dialog", { name: "Chuyển nội dung ô, dòng 12" });
    await move.getByRole("group", { name: "Từ cột" }).getByText("Cơ quan chủ trì", { exact: true }).click();
    await move.getByRole("group", { name: "Mục cần chuyển" }).getByText(lead12, { exact: true }).click();
    await move
      .getByRole("group", { name: "Sang cột" })
      .getByText("Cơ quan phối hợp", { exact: true })
      .click();
    expect(await textOf(move.getByTestId("move-preview"))).toContain(lead12);
    await move.getByRole("button", { name: "Chuyển", exact: true }).click();
    await move.waitFor({ state: "hidden" });
    // And the last words of its title (from the ninth) into its output column.
    const words12 = taskOf("12").title.split(/\s+/);
    await rowAction(page, "12", "Chuyển nội dung ô…");
    await move.getByRole("group", { name: "Từ cột" }).getByText("Tên nhiệm vụ", { exact: true }).click();
    await move.getByRole("button", { name: `Chuyển từ chữ "${words12[8]}" (chữ thứ 9)` }).click();
    await move.getByRole("group", { name: "Sang cột" }).getByText("Sản phẩm", { exact: true }).click();
    await move.getByRole("button", { name: "Chuyển", exact: true }).click();
    await move.waitFor({ state: "hidden" });
    const title12 = words12.slice(0, 8).join(" ");
    expect(
      await textOf(row(page, "12").getByRole("button", { name: "Sửa tên nhiệm vụ 12", exact: true })),
    ).toBe(title12);
    expect(
      await textOf(row(page, "12").getByRole("button", { name: "Sửa sản phẩm 12", exact: true })),
    ).toContain(words12.slice(8).join(" "));
    const coordinators12 = row(page, "12").getByRole("button", {
      name: "Sửa cơ quan phối hợp 12 (mỗi dòng một mục)",
      exact: true,
    });
    expect(await textOf(coordinators12)).toContain(lead12);

    // Save: the server keeps the rows as edited.
    await expect.poll(() => shown.count()).toBe(30);
    await page.getByRole("button", { name: "Lưu chỉnh sửa" }).click();
    await page.getByText("Đã lưu các chỉnh sửa.").waitFor();
    await expect.poll(() => shown.count()).toBe(30);
    await row(page, "7.1").getByText(rest7).waitFor();

    // Commit as a new version of the demo's plan: the diff is exactly the edits.
    await page.getByRole("button", { name: "Lưu, cập nhật kế hoạch" }).click();
    const result = page.getByTestId("import-result");
    expect(await textOf(result)).toContain("Thêm 2, sửa 3, gỡ 2 nhiệm vụ");
    const tags = async (label: RegExp) =>
      (
        await result
          .locator(".ant-collapse-item")
          .filter({ hasText: label })
          .locator(".ant-tag")
          .allInnerTexts()
      ).sort();
    expect(await tags(/Nhiệm vụ thêm mới/)).toEqual(["5.1", "7.1"]);
    expect(await tags(/Nhiệm vụ bị gỡ/)).toEqual(["11", "3"]);
    const changedRefs = await page
      .getByTestId("import-diff-changed")
      .locator("tbody tr td:first-child")
      .allInnerTexts();
    expect([...new Set(changedRefs.map((r) => r.trim()).filter(Boolean))].sort()).toEqual(["10", "12", "7"]);

    // The plan's task table holds the edited rows.
    await result.getByRole("button", { name: "Mở kế hoạch" }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    const planRow = (ref: string) =>
      page
        .locator("tr.dd-task-row")
        .filter({ has: page.locator(".dd-ref", { hasText: new RegExp(`^${ref.replace(".", "\\.")}$`) }) });
    await expect.poll(() => page.locator("tr.dd-task-row").count()).toBe(30);
    expect(await planRow("3").count()).toBe(0);
    expect(await planRow("11").count()).toBe(0);
    expect(await textOf(planRow("5.1"))).toContain(added);
    expect(await textOf(planRow("7"))).toContain(head7);
    expect(await textOf(planRow("7.1"))).toContain(rest7);
    expect(await textOf(planRow("10"))).toContain(taskOf("11").title);
    expect(await textOf(planRow("12"))).toContain(lead12);
    expect(await textOf(planRow("12"))).toContain(title12);
    expect(await textOf(planRow("12"))).not.toContain(taskOf("12").title);
    expect(harness.pageErrors).toEqual([]);
    await page.close();
  });
});
