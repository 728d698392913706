import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, plans, users } from "../../db/schema/index.ts";
import { addDays, today } from "../../domain/dates.ts";
import { openReportApp, PLAN_CV, reportKit } from "../../testing/reportKit.ts";
import { samples, type TrackingApp } from "../../testing/tracking.ts";

/**
 * The review page's two lists beyond the queue: evidence opened in the page (images and PDFs
 * previewed, other files downloaded), and the past decisions with their filters and pages.
 */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});

const { policeTask, submit, submitJson, post, get, review, userId } = reportKit(() => t, cookies);

interface Decision {
  key: string;
  reportId: string;
  stage: string;
  decision: string;
  agencyId: string;
  decidedBy: { id: string } | null;
  decidedAt: string;
  planNumber: string | null;
}
const decisions = async (user: string, query = "") => {
  const response = await get(user, `/api/review-decisions${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Decision[]; nextCursor: string | null; deciders: { id: string }[] };
};

describe("evidence in the review queue", () => {
  it("lists each file with its size and a preview address for images and PDFs only", async () => {
    const { assignmentId } = await policeTask("3");
    const submitted = await submit("congan", assignmentId, { narrative: "Kèm ảnh và biên bản" }, [
      { name: "ảnh hiện trường.png", type: "image/png", bytes: samples.png() },
      { name: "biên bản.pdf", type: "application/pdf", bytes: samples.pdf() },
      { name: "ghi chú.txt", type: "text/plain", bytes: samples.text() },
    ]);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const item = (await get("vanphong", "/api/review-queue"))
      .json()
      .items.find((i: { id: string }) => i.id === submitted.json().id);
    expect(item.evidenceCount).toBe(3);
    const [png, pdf, txt] = item.evidence;
    expect(png).toMatchObject({
      fileName: "ảnh hiện trường.png",
      preview: "image",
      size: samples.png().length,
    });
    expect(pdf).toMatchObject({ preview: "pdf", previewUrl: `/api/evidence/${pdf.id}?inline=1` });
    expect(txt).toMatchObject({ preview: null, previewUrl: null, downloadUrl: `/api/evidence/${txt.id}` });

    // A preview is sent inline and may be framed by the app's own pages, still sandboxed.
    for (const file of [png, pdf]) {
      const shown = await get("vanphong", file.previewUrl);
      expect(shown.statusCode).toBe(200);
      expect(shown.headers["content-disposition"]).toMatch(/^inline; filename=/);
      expect(shown.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(shown.headers["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'self'; sandbox",
      );
      expect(shown.headers["x-content-type-options"]).toBe("nosniff");
    }
    // Asking a text file (or anything else) inline still downloads it, and no page may frame it.
    const forced = await get("vanphong", `${txt.downloadUrl}?inline=1`);
    expect(forced.statusCode).toBe(200);
    expect(forced.headers["content-disposition"]).toMatch(/^attachment; filename=/);
    expect(forced.headers["x-frame-options"]).toBe("DENY");
    expect(forced.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    const download = await get("vanphong", pdf.downloadUrl);
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename=/);
    // Someone who may not see the task gets no preview either.
    expect((await get("taichinh", png.previewUrl)).statusCode).toBe(403);
  });
});

describe("past decisions", () => {
  it("lists decisions newest first, filtered and paged, scoped as the queue is", async () => {
    const { assignmentId } = await policeTask("4");
    const decide = async (decision: "approve" | "return") => {
      const submitted = await submitJson("congan", assignmentId, { narrative: `Báo cáo (${decision})` });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const id = submitted.json().id as string;
      expect((await review("vanphong", id, { decision, comment: "Ý kiến" })).statusCode).toBe(200);
      return id;
    };
    const returned = await decide("return");
    const approved = await decide("approve");

    // A finance report returned by the office: not the police head's to see.
    const financeAgency = (await t.db.select().from(users).where(eq(users.username, "taichinh")))[0]!
      .agencyId!;
    const [finance] = await t.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.agencyId, financeAgency), eq(assignments.role, "lead")))
      .limit(1);
    const financeReport = await submitJson("taichinh", finance!.id, { narrative: "Sở Tài chính báo cáo" });
    expect(financeReport.statusCode, financeReport.body).toBe(201);
    expect(
      (await review("vanphong", financeReport.json().id, { decision: "return", comment: "Bổ sung" }))
        .statusCode,
    ).toBe(200);

    const all = await decisions("vanphong");
    const ids = all.items.map((d) => d.reportId);
    expect(ids.slice(0, 3)).toEqual([financeReport.json().id, approved, returned]);
    const times = all.items.map((d) => d.decidedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.items[1]).toMatchObject({ stage: "office", decision: "approve", planNumber: PLAN_CV });
    const office = await userId("vanphong");
    expect(all.deciders.map((d) => d.id)).toContain(office);

    const approvals = await decisions("vanphong", "?decision=approve");
    expect(approvals.items.map((d) => d.reportId)).toContain(approved);
    expect(approvals.items.every((d) => d.decision === "approve")).toBe(true);
    expect((await decisions("vanphong", `?agencyId=${financeAgency}`)).items.map((d) => d.reportId)).toEqual([
      financeReport.json().id,
    ]);
    expect((await decisions("vanphong", `?deciderId=${await userId("congan")}`)).items).toEqual([]);
    expect((await decisions("vanphong", `?deciderId=${office}`)).items.length).toBe(all.items.length);
    expect((await decisions("vanphong", `?from=${addDays(today(), 1)}`)).items).toEqual([]);
    expect((await decisions("vanphong", `?from=${today()}&to=${today()}`)).items.length).toBe(
      all.items.length,
    );

    // Pages of one: every decision once, in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page = await decisions("vanphong", `?limit=1${after ? `&after=${after}` : ""}`);
      paged.push(...page.items.map((d) => d.key));
      after = page.nextCursor;
    } while (after && paged.length < 50);
    expect(paged).toEqual(all.items.map((d) => d.key));
    expect((await get("vanphong", "/api/review-decisions?after=bm9wZQ")).statusCode).toBe(400);

    // The police head sees the own agency's decisions only; an officer none.
    const head = await decisions("truongcongan");
    expect(head.items.map((d) => d.reportId)).toEqual(expect.arrayContaining([approved, returned]));
    expect(head.items.map((d) => d.reportId)).not.toContain(financeReport.json().id);
    expect((await get("congan", "/api/review-decisions")).statusCode).toBe(403);
  });

  it("lists the agency head's forwards and returns as decisions of their own", async () => {
    const target = await policeTask("V.12", "3450/KH-UBND");
    await t.db.update(plans).set({ requireHeadApproval: true }).where(eq(plans.id, target.planId));
    const submitted = await submitJson("congan", target.assignmentId, { narrative: "Chờ lãnh đạo" });
    expect(submitted.json().state).toBe("awaiting_head");
    const id = submitted.json().id;
    const forwarded = await post("truongcongan", `/api/reports/${id}/head-decision`, { decision: "approve" });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const heads = await decisions("vanphong", "?stage=head");
    expect(heads.items[0]).toMatchObject({
      reportId: id,
      stage: "head",
      decision: "approve",
      decidedBy: { id: await userId("truongcongan") },
      planNumber: "3450/KH-UBND",
    });
    expect(heads.items.every((d) => d.stage === "head")).toBe(true);
  });
});
