import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.ts";
import { agencies, auditLog, imports, plans, users } from "../../db/schema/index.ts";
import type { Extraction } from "../../ingest/extraction.ts";
import { login, multipart, type TrackingApp, trackingApp } from "../../testing/tracking.ts";

let demo: TrackingApp;
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let coordinator: string;
let officer: string;

const letterDocx = fs.readFileSync(
  new URL("../../../fixtures/plans/lam-dong-1535-cv-tu.docx", import.meta.url),
);

beforeAll(async () => {
  demo = await trackingApp();
  ({ handle, app, tenantId } = demo);
  coordinator = await login(app, "vanphong");
  officer = await login(app, "congan");
});
afterAll(() => demo.close());

function upload(cookie: string, fileName: string, content: Buffer) {
  const body = multipart({}, [
    { field: "file", name: fileName, type: "application/octet-stream", bytes: content },
  ]);
  return app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

const call = (method: "GET" | "PUT" | "POST" | "DELETE", url: string, cookie: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const importRows = async () =>
  (await handle.db.select({ n: count() }).from(imports).where(eq(imports.tenantId, tenantId)))[0]!.n;

describe("createImport", () => {
  it("is for the standing office and admins only", async () => {
    const before = await importRows();
    const response = await upload(officer, "ke-hoach.docx", letterDocx);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/thường trực/),
    });
    expect((await upload("", "ke-hoach.docx", letterDocx)).statusCode).toBe(401);
    expect((await call("GET", "/api/imports", officer)).statusCode).toBe(403);
    expect(await importRows()).toBe(before);
  });

  it("answers a bad file with the ingest code and a Vietnamese message, storing nothing", async () => {
    const before = await importRows();
    const empty = await upload(coordinator, "rong.docx", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "empty_file", message: expect.stringMatching(/Tệp rỗng/) });

    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const unknown = await upload(coordinator, "anh.png", binary);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("unsupported_format");

    const note = await upload(
      coordinator,
      "ghi-chu.txt",
      Buffer.from("Xin chào, đây là một ghi chú không có bảng nhiệm vụ.\n"),
    );
    expect(note.statusCode).toBe(422);
    expect(note.json()).toMatchObject({
      code: "no_task_table",
      message: expect.stringMatching(/bảng nhiệm vụ/),
    });

    const brokenDocx = Buffer.concat([letterDocx.subarray(0, 2000)]);
    const broken = await upload(coordinator, "hong.docx", brokenDocx);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("corrupt_file");

    const notMultipart = await call("POST", "/api/imports", coordinator, { file: "x" });
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.json()).toMatchObject({ code: "invalid_upload" });

    expect(await importRows()).toBe(before);
  });

  it("refuses a file over 50 MB", async () => {
    const before = await importRows();
    const response = await upload(coordinator, "lon.txt", Buffer.alloc(50 * 1024 * 1024 + 10, 0x61));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: "file_too_large",
      message: expect.stringMatching(/50 MB/),
    });
    expect(await importRows()).toBe(before);
  });
});

interface Preview {
  importId: string;
  extraction: Extraction;
  agencyResolution: {
    name: string;
    agencyId: string | null;
    agencyName: string | null;
    isGroup: boolean;
  }[];
  existingPlan: { planId: string; name: string } | null;
}

/** The 1535-CV/TU letter uploaded as a new import (the demo already holds its plan). */
async function uploadLetter(): Promise<Preview> {
  const response = await upload(coordinator, "lam-dong-1535-cv-tu.docx", letterDocx);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The importer's first correction: task 1 renamed, and due in May. */
const corrected = (extraction: Extraction): Extraction => ({
  ...extraction,
  tasks: extraction.tasks.map((t) =>
    t.ref === "1"
      ? {
          ...t,
          title: `${t.title} (đã sửa)`,
          deadline: { text: "5/2026", kind: "month", due: "2026-05-31" },
        }
      : t,
  ),
});

/** The second: task 2's deadline retyped as text, with a kind and due date the server must redo. */
const retyped = (extraction: Extraction): Extraction => ({
  ...extraction,
  tasks: extraction.tasks.map((t) =>
    t.ref === "2" ? { ...t, deadline: { text: "Quý III/2026", kind: "month", due: "2026-01-31" } } : t,
  ),
});

describe("the import flow", () => {
  it("previews an uploaded plan: extraction, agency resolution and the plan already kept", async () => {
    const response = await upload(coordinator, "lam-dong-1535-cv-tu.docx", letterDocx);
    expect(response.statusCode).toBe(200);
    const preview: Preview = response.json();
    const importId = preview.importId;
    expect(preview.extraction.document.number).toBe("1535-CV/TU");
    expect(preview.extraction.tasks).toHaveLength(30);
    const police = preview.agencyResolution.find((r) => r.name === "Công an tỉnh");
    expect(police).toMatchObject({
      agencyId: expect.any(String),
      agencyName: "Công an tỉnh",
      isGroup: false,
    });
    expect(preview.agencyResolution.find((r) => r.name === "Các cơ quan, đơn vị trong tỉnh")?.isGroup).toBe(
      true,
    );
    // The demo already holds 1535-CV/TU: committing will update that plan.
    const demoPlan = (await call("GET", "/api/plans", coordinator))
      .json()
      .items.find((p: { documentNumber: string }) => p.documentNumber === "1535-CV/TU");
    expect(preview.existingPlan).toEqual({ planId: demoPlan.id, name: demoPlan.name });

    const [row] = await handle.db.select().from(imports).where(eq(imports.id, importId));
    expect(row).toMatchObject({ fileName: "lam-dong-1535-cv-tu.docx", state: "previewed" });
    expect(row!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await call("GET", `/api/imports/${importId}`, coordinator);
    expect(got.json()).toEqual(preview);
    const list = (await call("GET", "/api/imports", coordinator)).json().items;
    expect(list.map((i: { id: string }) => i.id)).toContain(importId);
    // The drafts list names who imported, as people read it, not by an account id.
    const [importer] = await handle.db.select().from(users).where(eq(users.username, "vanphong"));
    expect(list.find((i: { id: string }) => i.id === importId)).toMatchObject({
      createdBy: importer!.id,
      createdByName: importer!.displayName,
    });
    expect(importer!.displayName).not.toBe("");
  });

  it("marks the cells naming an agency the directory does not hold, once, and derives doubts again on save", async () => {
    const { importId, extraction } = await uploadLetter();
    const [first, ...rest] = extraction.tasks;
    const edited: Extraction = {
      ...extraction,
      tasks: [
        {
          ...first!,
          title: "và hoàn thiện hồ sơ",
          leads: ["Công an tỉnh", "Ban Không Có Trong Danh Mục"],
          coordinators: ["Sở Không Có Trong Danh Mục"],
        },
        ...rest,
      ],
    };
    const saved = (await call("PUT", `/api/imports/${importId}`, coordinator, edited)).json() as Preview;
    const task = saved.extraction.tasks[0]!;
    const unknown = task.doubts!.filter((d) => d.code === "agency_unknown");
    expect(unknown).toEqual([
      {
        field: "coordinators",
        code: "agency_unknown",
        message: '"Sở Không Có Trong Danh Mục" chưa có trong danh mục cơ quan: xem mục Đối chiếu cơ quan.',
      },
    ]);
    expect(task.doubts!.map((d) => d.code)).toContain("title_continuation");
    expect(task.confidence).toBeLessThan(1);
    // A lead the directory lacks would leave that part of the task with nobody to report.
    expect(task.doubts!.filter((d) => d.code === "lead_unassigned")).toEqual([
      {
        field: "leads",
        code: "lead_unassigned",
        message: expect.stringContaining('Chưa giao được: "Ban Không Có Trong Danh Mục"'),
      },
    ]);

    // Sent back as the preview gave it (doubts included), then corrected: doubts do not pile up,
    // and the corrected title loses its doubt.
    const again = (
      await call("PUT", `/api/imports/${importId}`, coordinator, {
        ...saved.extraction,
        tasks: [{ ...task, title: "Hoàn thiện hồ sơ" }, ...saved.extraction.tasks.slice(1)],
      })
    ).json() as Preview;
    const after = again.extraction.tasks[0]!;
    expect(after.doubts!.map((d) => `${d.field}:${d.code}`)).toEqual([
      "leads:lead_unassigned",
      "coordinators:agency_unknown",
    ]);
    const read = (await call("GET", `/api/imports/${importId}`, coordinator)).json() as Preview;
    expect(read.extraction.tasks[0]).toEqual(after);
  });

  it("stores the importer's corrections", async () => {
    const { importId, extraction } = await uploadLetter();
    const response = await call("PUT", `/api/imports/${importId}`, coordinator, corrected(extraction));
    expect(response.statusCode).toBe(200);
    expect(response.json().extraction.tasks[0].title).toMatch(/\(đã sửa\)$/);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "import.update"), eq(auditLog.entityId, importId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ "tasks[0].deadline": { text: "5/2026" } });

    const bad = await call("PUT", `/api/imports/${importId}`, coordinator, {
      ...corrected(extraction),
      tasks: [{ ref: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: "invalid_request",
      message: expect.stringMatching(/không hợp lệ/),
    });
    expect((await call("PUT", `/api/imports/${importId}`, officer, corrected(extraction))).statusCode).toBe(
      403,
    );

    // A deadline corrected as text is dated again by the server, whatever kind and due were sent.
    const saved = (
      await call("PUT", `/api/imports/${importId}`, coordinator, retyped(corrected(extraction)))
    ).json();
    expect(saved.extraction.tasks[1].deadline).toEqual({
      text: "Quý III/2026",
      kind: "quarter",
      due: "2026-09-30",
    });
  });

  it("refuses a mapping to an agency that does not exist, changing nothing", async () => {
    const { importId } = await uploadLetter();
    const response = await call("POST", `/api/imports/${importId}/commit`, coordinator, {
      agencyMappings: [{ name: "Phòng ABC", agencyId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("unknown_agency");
    const [row] = await handle.db.select().from(imports).where(eq(imports.id, importId));
    expect(row!.state).toBe("previewed");
  });

  it("commits a document already in the system as a new version of its plan, once", async () => {
    const preview = await uploadLetter();
    const importId = preview.importId;
    for (const correction of [corrected, retyped]) {
      const latest = (await call("GET", `/api/imports/${importId}`, coordinator)).json() as Preview;
      const response = await call(
        "PUT",
        `/api/imports/${importId}`,
        coordinator,
        correction(latest.extraction),
      );
      expect(response.statusCode, response.body).toBe(200);
    }
    const plansBefore = (await handle.db.select({ n: count() }).from(plans))[0]!.n;
    const response = await call("POST", `/api/imports/${importId}/commit`, coordinator, {
      settings: { reportingFrequency: "month", cutoffDay: 10, requireHeadApproval: false },
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ planId: preview.existingPlan!.planId, reimport: true });
    expect(result.diff.added).toEqual([]);
    expect(result.diff.removed).toEqual([]);
    const one = result.diff.changed.find((c: { ref: string }) => c.ref === "1");
    expect(one.fields.map((f: { field: string }) => f.field)).toEqual(["title", "deadline"]);
    expect((await handle.db.select({ n: count() }).from(plans))[0]!.n).toBe(plansBefore);

    const again = await call("POST", `/api/imports/${importId}/commit`, coordinator, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "import_committed",
      message: expect.stringMatching(/đã được lưu/),
    });
    expect((await call("PUT", `/api/imports/${importId}`, coordinator, preview.extraction)).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", `/api/imports/${importId}`, coordinator)).statusCode).toBe(409);
  });

  it("lets the standing office create an agency a new document names, and no one else", async () => {
    const response = await upload(coordinator, "cong-van-moi.docx", letterDocx);
    const { importId: id, extraction } = response.json() as { importId: string; extraction: Extraction };
    const renamed: Extraction = {
      ...extraction,
      document: { ...extraction.document, number: "1600-CV/TU" },
      tasks: extraction.tasks.map((t) =>
        t.ref === "2" ? { ...t, leads: ["Trung tâm Giám sát an toàn thông tin"] } : t,
      ),
    };
    expect((await call("PUT", `/api/imports/${id}`, coordinator, renamed)).json().existingPlan).toBeNull();
    const body = {
      agencyMappings: [
        {
          name: "Trung tâm Giám sát an toàn thông tin",
          create: { name: "Trung tâm Giám sát an toàn thông tin", level: "department" },
        },
      ],
    };
    const refused = await call("POST", `/api/imports/${id}/commit`, officer, body);
    expect(refused.statusCode).toBe(403);

    const done = await call("POST", `/api/imports/${id}/commit`, coordinator, body);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      reimport: false,
      createdAgencies: [{ name: "Trung tâm Giám sát an toàn thông tin" }],
    });
    expect(done.json().diff.added).toHaveLength(30);
    const created = await handle.db
      .select()
      .from(agencies)
      .where(eq(agencies.name, "Trung tâm Giám sát an toàn thông tin"));
    expect(created).toHaveLength(1);
    const plan = (await call("GET", `/api/plans/${done.json().planId}`, coordinator)).json();
    expect(plan.documentNumber).toBe("1600-CV/TU");
  });

  it("discards an import", async () => {
    const uploaded = await upload(coordinator, "bo.docx", letterDocx);
    const id = uploaded.json().importId;
    const response = await call("DELETE", `/api/imports/${id}`, coordinator);
    expect(response.statusCode).toBe(200);
    expect((await call("GET", `/api/imports/${id}`, coordinator)).statusCode).toBe(404);
    const commit = await call("POST", `/api/imports/${id}/commit`, coordinator);
    expect(commit.statusCode).toBe(404);
    expect(commit.json().message).toMatch(/Không tìm thấy/);
  });
});

describe("openapi", () => {
  it("names every import and task-editing operation", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (p) => Object.values(p).map((o) => o.operationId),
    );
    for (const id of [
      "createImport",
      "listImports",
      "getImport",
      "updateImport",
      "discardImport",
      "commitImport",
      "createTask",
      "updateTask",
      "listTaskConflicts",
    ])
      expect(ids).toContain(id);
  });
});
