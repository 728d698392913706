// The tracking workflow in a real browser: an officer of Công an tỉnh reports progress with an
// evidence file and claims completion; the standing office approves it from the review queue;
// the task is then done (on time or late, as the rules say for its due date). A returned report
// reaches the officer with the reviewer's comment; a report decided by someone else first (409)
// is explained and leaves the queue.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs, setUpBrowserTests, textOf, todayInVietnam } from "./harness.ts";

const harness = setUpBrowserTests();
/** Tasks already reported on by an earlier test of this file. */
const used: string[] = [];

/** dd/mm/yyyy → yyyy-mm-dd */
const iso = (vn: string) => {
  const [d, m, y] = vn.split("/");
  return `${y}-${m}-${d}`;
};

/** The row of Công an tỉnh (not "Đảng ủy Công an tỉnh") in the task page's assignment table. */
const policeRow = (page: Page) =>
  page
    .locator("tr.dd-assignment-row")
    .filter({ has: page.locator(".dd-assignment-agency", { hasText: /^Công an tỉnh$/ }) });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The review queue's row of a task, by its exact ref ("V.1" must not find "V.12"). */
const queueRow = (page: Page, ref: string) =>
  page
    .locator("tr.dd-queue-row")
    .filter({ has: page.locator(".dd-ref", { hasText: new RegExp(`^${escapeRegExp(ref)}$`) }) });

/** The bell's count of unread notifications. */
async function unreadCount(page: Page) {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  return Number(label.match(/(\d+) chưa đọc/)?.[1] ?? 0);
}

/** A task Công an tỉnh leads that has no report yet, found through the API with the page's session. */
async function freshPoliceTask(page: Page): Promise<{ id: string; ref: string }> {
  const me = await (await page.request.get(`${harness.url}/api/me`)).json();
  const list = await (
    await page.request.get(`${harness.url}/api/tasks?leadAgencyId=${me.agencyId}&limit=500`)
  ).json();
  const task = (list.items as { id: string; ref: string; status: string; dueOn: string | null }[]).find(
    (t) => t.dueOn && (t.status === "overdue" || t.status === "not_started") && !used.includes(t.id),
  );
  if (!task) throw new Error("Dữ liệu mẫu không còn nhiệm vụ nào của Công an tỉnh để báo cáo.");
  used.push(task.id);
  return task;
}

/** Fills and sends the progress report form on an open task page. */
async function report(
  page: Page,
  input: { percent: string; narrative: string; claim?: boolean; file?: { name: string; body: string } },
) {
  await page.getByRole("button", { name: "Báo cáo tiến độ" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tỷ lệ hoàn thành").fill(input.percent);
  await dialog.getByLabel("Kết quả thực hiện").first().fill(input.narrative);
  await dialog.getByLabel("Khó khăn, vướng mắc").first().fill("Thiết bị về chậm so với kế hoạch.");
  await dialog
    .getByLabel("Đề xuất, kiến nghị")
    .first()
    .fill("Đề nghị Sở Tài chính bố trí kinh phí năm 2027.");
  if (input.file) {
    await dialog.locator("input[type=file]:not([capture])").setInputFiles({
      name: input.file.name,
      mimeType: "text/plain",
      buffer: Buffer.from(input.file.body, "utf8"),
    });
    await dialog.getByText(input.file.name).waitFor();
  }
  const links = dialog.getByLabel("Đường dẫn minh chứng");
  await links.fill("https://congan.lamdong.gov.vn/tin-tuc/cong-xuat-nhap-canh");
  await links.press("Enter");
  const numbers = dialog.getByLabel("Số hiệu văn bản");
  await numbers.fill("125/CAT-PX01");
  await numbers.press("Enter");
  if (input.claim) await dialog.getByLabel("Đề nghị công nhận hoàn thành nhiệm vụ").check();
  await dialog.getByRole("button", { name: "Gửi báo cáo" }).click();
  await dialog.waitFor({ state: "hidden" });
}

describe("tracking workflow", () => {
  it("officer reports with evidence and claims completion; the office approves; the task is done", async () => {
    // The officer finds the task in "Nhiệm vụ của tôi": tasks the agency leads, not yet started
    // (or, if the demo's dates have all passed, overdue ones), most urgent first.
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/cua-toi");
    await officer.getByText("Chủ trì (", { exact: false }).click();
    await officer.waitForURL(/vaitro=lead/);
    const chips = officer.locator(".dd-chip");
    await chips.first().waitFor();
    const notStarted = chips.filter({ hasText: "Chưa thực hiện" });
    await ((await notStarted.count()) > 0 ? notStarted : chips.filter({ hasText: "quá hạn" })).click();
    await officer.waitForURL(/vaitro=lead&trangthai=|trangthai=.*vaitro=lead/);
    const first = officer.locator("tr.dd-task-row a.dd-task-link").first();
    await first.click();
    await officer.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}$/);
    const taskUrl = officer.url();
    used.push(taskUrl.split("/").pop()!);
    const ref = (await textOf(officer.getByTestId("task-heading"))).replace("Nhiệm vụ", "").trim();

    // The rules: completion is dated the day the agency submits the report that is approved.
    const dueText = (await textOf(policeRow(officer).locator("td").nth(3))).match(/\d{2}\/\d{2}\/\d{4}/)![0];
    const expected = todayInVietnam() <= iso(dueText) ? "Hoàn thành đúng hạn" : "Hoàn thành quá hạn";

    const evidence = {
      name: "Biên bản nghiệm thu cổng tự động.txt",
      body: "Biên bản nghiệm thu ngày hôm nay.",
    };
    await report(officer, {
      percent: "100",
      narrative: "Đã đưa vào vận hành 4/4 cổng.",
      claim: true,
      file: evidence,
    });
    const card = officer.getByTestId("report-card").first();
    await card.getByText("Chờ cơ quan thường trực duyệt").waitFor();
    expect(await textOf(card)).toContain("Đề nghị công nhận hoàn thành");
    expect(await textOf(card.getByTestId("evidence-list"))).toContain(evidence.name);
    // While it waits for a decision, no second report of the period can start.
    expect(await officer.getByRole("button", { name: "Báo cáo tiến độ" }).isDisabled()).toBe(true);
    expect(await textOf(officer.getByTestId("report-waiting"))).toMatch(
      /^Báo cáo kỳ (tháng|quý) .* đang chờ duyệt/,
    );
    await officer.close();

    // The standing office approves it from the review queue.
    const office = await harness.newPage();
    await openAs(office, harness.url, "vanphong", "/duyet-bao-cao");
    const row = queueRow(office, ref);
    await row.waitFor();
    expect(await textOf(row)).toContain("Công an tỉnh");
    expect(await textOf(row)).toContain("Đề nghị công nhận hoàn thành");
    await row.getByTestId("approve-report").click();
    await office.getByRole("dialog").getByRole("button", { name: "Duyệt, công nhận hoàn thành" }).click();
    await row.waitFor({ state: "detached" });

    // The task page: done, as the rules say for its due date; the report approved, with its evidence.
    await office.goto(taskUrl);
    await expect.poll(() => textOf(policeRow(office).locator(".dd-status-tag"))).toBe(expected);
    const approved = office.getByTestId("report-card").first();
    await approved.getByText("Đã duyệt").first().waitFor();
    const link = approved.getByRole("link", { name: evidence.name });
    const [download] = await Promise.all([office.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(evidence.name);
    const body = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    });
    expect(body).toBe(evidence.body);
    expect(await textOf(approved)).toContain("125/CAT-PX01");
    await office.close();
    expect(harness.pageErrors).toEqual([]);
  });

  it("the office returns a report with a comment, and the officer sees it", async () => {
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/cua-toi");
    const task = await freshPoliceTask(officer);
    await officer.goto(`${harness.url}/nhiem-vu/${task.id}`);
    await report(officer, { percent: "40", narrative: "Đang khảo sát hiện trạng." });
    await officer.getByTestId("report-card").first().getByText("Chờ cơ quan thường trực duyệt").waitFor();

    const office = await harness.newPage();
    await openAs(office, harness.url, "vanphong", "/duyet-bao-cao");
    const row = queueRow(office, task.ref);
    await row.getByTestId("return-report").click();
    const dialog = office.getByRole("dialog");
    // Returning needs a reason.
    await dialog.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await dialog.getByText("Trả lại báo cáo cần nêu lý do.").waitFor();
    const comment = "Đề nghị bổ sung biên bản khảo sát có chữ ký của lãnh đạo đơn vị.";
    await dialog.getByLabel("Ý kiến").fill(comment);
    await dialog.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await row.waitFor({ state: "detached" });
    await office.close();

    // The officer: a notification, and the comment on the returned report.
    await officer.reload();
    const bell = officer.getByTestId("notification-bell");
    await expect.poll(() => unreadCount(officer)).toBeGreaterThan(0);
    await bell.click();
    const notification = officer.getByTestId("notification").filter({ hasText: task.ref }).first();
    expect(await textOf(notification)).toContain("trả lại");
    await notification.click();
    await officer.waitForURL(new RegExp(`/nhiem-vu/${task.id}$`));
    const card = officer.getByTestId("report-card").first();
    await card.getByText("Bị trả lại").waitFor();
    expect(await textOf(card.getByTestId("review-comment"))).toContain(comment);
    // Opening the notification marked it read (asked of the API: the bell's count may also move
    // with notifications of other tests arriving meanwhile).
    const returned = async () => {
      const list = await (await officer.request.get(`${harness.url}/api/notifications`)).json();
      return (
        list.items as { link: string | null; title: string; body: string; readAt: string | null }[]
      ).filter((n) => n.link?.endsWith(`/nhiem-vu/${task.id}`) && /trả lại/.test(`${n.title} ${n.body}`));
    };
    await expect.poll(async () => (await returned()).some((n) => n.readAt !== null)).toBe(true);
    await officer.close();
    expect(harness.pageErrors).toEqual([]);
  });

  it("a report decided by someone else first is explained, and leaves the queue", async () => {
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/cua-toi");
    const task = await freshPoliceTask(officer);
    await officer.goto(`${harness.url}/nhiem-vu/${task.id}`);
    await report(officer, { percent: "60", narrative: "Hoàn thành bước 1." });
    await officer.close();

    const office = await harness.newPage();
    await openAs(office, harness.url, "vanphong", "/duyet-bao-cao");
    const row = queueRow(office, task.ref);
    await row.waitFor();

    // Meanwhile the administrator approves it.
    const admin = await harness.newPage();
    await openAs(admin, harness.url, "admin", "/duyet-bao-cao");
    const adminRow = queueRow(admin, task.ref);
    await adminRow.getByTestId("approve-report").click();
    await admin.getByRole("dialog").getByRole("button", { name: "Duyệt", exact: true }).click();
    await adminRow.waitFor({ state: "detached" });
    await admin.close();

    await row.getByTestId("approve-report").click();
    await office.getByRole("dialog").getByRole("button", { name: "Duyệt", exact: true }).click();
    await office
      .locator(".ant-modal-confirm-title", { hasText: "Báo cáo đã được người khác xử lý" })
      .waitFor();
    await row.waitFor({ state: "detached" });
    await office.close();
    expect(harness.pageErrors).toEqual([]);
  });
  it("a deadline change is asked, approved, and a leader gives a directive comment", async () => {
    const officer = await harness.newPage();
    await openAs(officer, harness.url, "congan", "/cua-toi");
    const task = await freshPoliceTask(officer);
    await officer.goto(`${harness.url}/nhiem-vu/${task.id}`);
    const before = (await textOf(policeRow(officer).locator("td").nth(3))).match(/\d{2}\/\d{2}\/\d{4}/)![0];
    const nextYear = Number(todayInVietnam().slice(0, 4)) + 1;
    const requested = `30/06/${nextYear}`;
    await officer.getByRole("button", { name: "Đề nghị gia hạn" }).click();
    const dialog = officer.getByRole("dialog");
    await dialog.getByLabel("Thời hạn đề nghị").first().click();
    await officer.keyboard.type(requested);
    await officer.keyboard.press("Enter");
    await dialog.getByLabel("Lý do").first().fill("Chờ Bộ Công an hướng dẫn kỹ thuật kết nối.");
    await dialog.getByRole("button", { name: "Gửi đề nghị" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await textOf(officer.getByTestId("deadline-changes"))).toContain("Chờ quyết định");
    await officer.close();

    const office = await harness.newPage();
    await openAs(office, harness.url, "vanphong", "/duyet-bao-cao?muc=gia-han");
    const row = office
      .locator(".dd-deadline-queue tr")
      .filter({ has: office.locator(".dd-ref", { hasText: new RegExp(`^${escapeRegExp(task.ref)}$`) }) });
    expect(await textOf(row)).toContain(requested);
    await row.getByTestId("approve-deadline").click();
    await office.getByRole("dialog").getByRole("button", { name: "Đồng ý gia hạn" }).click();
    await row.waitFor({ state: "detached" });
    await office.close();

    // A leader reads the task: new due date, the original kept; writes a directive comment.
    const leader = await harness.newPage();
    await openAs(leader, harness.url, "lanhdao", `/nhiem-vu/${task.id}`);
    const due = await textOf(policeRow(leader).locator("td").nth(3));
    expect(due).toContain(requested);
    expect(due).toContain(`Hạn ban đầu: ${before}`);
    expect(await textOf(leader.getByTestId("deadline-changes"))).toContain("Đồng ý");
    expect(await leader.getByRole("button", { name: "Báo cáo tiến độ" }).count()).toBe(0);
    const direction = "Công an tỉnh khẩn trương phối hợp, báo cáo kết quả trước ngày 15 hằng tháng.";
    await leader.getByLabel("Nội dung ý kiến chỉ đạo").first().fill(direction);
    await leader.getByRole("button", { name: "Gửi ý kiến chỉ đạo" }).click();
    const comment = leader.getByTestId("directive-comment").filter({ hasText: direction });
    expect(await textOf(comment)).toContain("Lãnh đạo");
    await leader.close();
    expect(harness.pageErrors).toEqual([]);
  });
});
