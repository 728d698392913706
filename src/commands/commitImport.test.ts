import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadDemoExtraction } from "../cli/demo.ts";
import type { Database, DatabaseHandle } from "../db/client.ts";
import {
  agencies,
  agencyAliases,
  assignments,
  auditLog,
  documents,
  imports,
  plans,
  progressReports,
  taskLinks,
  tasks,
} from "../db/schema/index.ts";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import type { ExtractedTask, Extraction } from "../ingest/extraction.ts";
import { listTaskConflicts } from "../queries/conflicts.ts";
import { findPlanForDocumentNumber, importPreview } from "../queries/imports.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeAgencies, makeTenant, makeUser } from "../testing/factories.ts";
import { type CommitImportInput, commitImport } from "./commitImport.ts";
import type { CommandContext } from "./context.ts";
import { createImport } from "./createImport.ts";
import { discardImport } from "./discardImport.ts";
import { updateImport } from "./updateImport.ts";

let handle: DatabaseHandle;
let db: Database;
let tenantId: string;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

// Each test gets a province of its own, with the directory and an office account; what it needs
// beyond that (plans already imported) it builds with the helpers below, so tests run alone.
beforeEach(async () => {
  tenantId = await makeTenant(db);
  await makeAgencies(db, tenantId, lamDongAgencies);
  userId = (await makeUser(db, tenantId, { roles: ["coordinator"] })).id;
});

const run = <T>(fn: (ctx: CommandContext) => Promise<T>) =>
  db.transaction((tx) => fn({ tx, tenantId, actor: { userId, label: "user:test" } }));

const newImport = async (extraction: Extraction, fileName = "ke-hoach.docx") =>
  (await run((ctx) => createImport(ctx, { fileName, fileSha256: "a".repeat(64), extraction }))).importId;

const commit = (importId: string, input: CommitImportInput = {}) =>
  run((ctx) => commitImport(ctx, importId, input));

const agencyId = async (name: string) =>
  (
    await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.tenantId, tenantId), eq(agencies.name, name)))
  )[0]!.id;

const planTasks = (planId: string) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.planId, planId)));

const rowCount = async (table: typeof plans | typeof documents | typeof tasks) =>
  (await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;

const importState = async (importId: string) =>
  (await db.select().from(imports).where(eq(imports.id, importId)))[0]!;

/** The 1535-CV/TU letter with two names the directory does not know. */
function letterWithUnknownNames(): Extraction {
  const letter = loadDemoExtraction("lam-dong-1535-cv-tu");
  return {
    ...letter,
    tasks: letter.tasks.map((t) =>
      t.ref === "7"
        ? { ...t, leads: ["Sở KH và CN tỉnh Lâm Đồng"] }
        : t.ref === "8"
          ? { ...t, leads: ["Trung tâm Chuyển đổi số tỉnh"] }
          : t,
    ),
  };
}

/** The letter imported with its two unknown names mapped, as the first import below commits it. */
async function commitLetter(): Promise<string> {
  const science = await agencyId("Sở Khoa học và Công nghệ");
  const result = await commit(await newImport(letterWithUnknownNames()), {
    agencyMappings: [
      { name: "Sở KH và CN tỉnh Lâm Đồng", agencyId: science },
      {
        name: "Trung tâm Chuyển đổi số tỉnh",
        create: { name: "Trung tâm Chuyển đổi số tỉnh", level: "department" },
      },
    ],
    settings: { reportingFrequency: "quarter", cutoffDay: 5, requireHeadApproval: true },
  });
  return result.planId;
}

/** The 3450/KH-UBND plan, which restates tasks of the letter. */
const commitPlan = async () =>
  (await commit(await newImport(loadDemoExtraction("lam-dong-3450-kh-ubnd")))).planId;

/**
 * A new version of 3450/KH-UBND: a task inserted at the head of section II (which renumbers it)
 * and II.2 dropped; V.32 due later; V.33 and V.34 led by Sở Tài chính instead.
 */
function planSecondVersion(): Extraction {
  const original = loadDemoExtraction("lam-dong-3450-kh-ubnd");
  const newTask: ExtractedTask = {
    ...original.tasks.find((t) => t.ref === "II.1")!,
    title: "Ban hành quy chế quản lý, khai thác Trung tâm dữ liệu tỉnh",
    sources: [],
  };
  const sectionII = original.tasks.filter((t) => t.section === "II" && t.ref !== "II.2");
  const renumbered = [newTask, ...sectionII].map((t, i) => ({
    ...t,
    number: String(i + 1),
    ref: `II.${i + 1}`,
  }));
  return {
    ...original,
    tasks: original.tasks.flatMap((t) => {
      if (t.section === "II") return t.ref === "II.1" ? renumbered : [];
      if (t.ref === "V.32")
        return [{ ...t, deadline: { text: "6/2026", kind: "month" as const, due: "2026-06-30" } }];
      if (t.ref === "V.33") return [{ ...t, leads: ["Sở Tài chính"] }];
      if (t.ref === "V.34") return [{ ...t, leads: ["Sở Tài chính"] }];
      return [t];
    }),
  };
}

describe("commitImport: a first import", () => {
  it("previews how agency names resolve, and that the document is new", async () => {
    const importId = await newImport(letterWithUnknownNames());
    const preview = await importPreview(db, tenantId, await importState(importId));
    expect(preview.existingPlan).toBeNull();
    const byName = new Map(preview.agencyResolution.map((r) => [r.name, r]));
    expect(byName.get("Công an tỉnh")).toMatchObject({ agencyName: "Công an tỉnh", isGroup: false });
    expect(byName.get("Các cơ quan, đơn vị trong tỉnh")).toMatchObject({ isGroup: true });
    expect(byName.get("Sở KH và CN tỉnh Lâm Đồng")).toEqual({
      name: "Sở KH và CN tỉnh Lâm Đồng",
      agencyId: null,
      agencyName: null,
      isGroup: false,
    });
    // Every distinct name once.
    expect(new Set(preview.agencyResolution.map((r) => r.name)).size).toBe(preview.agencyResolution.length);
  });

  it("rolls everything back when it fails after the plan is written", async () => {
    const importId = await newImport(letterWithUnknownNames());
    const before = {
      plans: await rowCount(plans),
      documents: await rowCount(documents),
      tasks: await rowCount(tasks),
    };
    const science = await agencyId("Sở Khoa học và Công nghệ");
    await expect(
      run((ctx) =>
        commitImport(
          ctx,
          importId,
          { agencyMappings: [{ name: "Sở KH và CN tỉnh Lâm Đồng", agencyId: science }] },
          {
            onStage: (stage) => {
              if (stage === "plan_saved") throw new Error("disk full");
            },
          },
        ),
      ),
    ).rejects.toThrow("disk full");
    expect({
      plans: await rowCount(plans),
      documents: await rowCount(documents),
      tasks: await rowCount(tasks),
    }).toEqual(before);
    expect((await importState(importId)).state).toBe("previewed");
    const aliases = await db
      .select()
      .from(agencyAliases)
      .where(and(eq(agencyAliases.tenantId, tenantId), eq(agencyAliases.alias, "Sở KH và CN tỉnh Lâm Đồng")));
    expect(aliases).toEqual([]);
    await run((ctx) => discardImport(ctx, importId));
  });

  it("saves the plan, learns mapped names as aliases, creates mapped agencies, and marks the import committed", async () => {
    const importId = await newImport(letterWithUnknownNames());
    const science = await agencyId("Sở Khoa học và Công nghệ");
    const result = await commit(importId, {
      agencyMappings: [
        { name: "Sở KH và CN tỉnh Lâm Đồng", agencyId: science },
        {
          name: "Trung tâm Chuyển đổi số tỉnh",
          create: { name: "Trung tâm Chuyển đổi số tỉnh", level: "department" },
        },
      ],
      settings: { reportingFrequency: "quarter", cutoffDay: 5, requireHeadApproval: true },
    });
    expect(result.reimport).toBe(false);
    expect(result.diff.added).toHaveLength(30);
    expect(result.unresolvedAgencies).not.toContain("Sở KH và CN tỉnh Lâm Đồng");
    expect(result.createdAgencies.map((a) => a.name)).toEqual(["Trung tâm Chuyển đổi số tỉnh"]);

    const [plan] = await db.select().from(plans).where(eq(plans.id, result.planId));
    expect(plan).toMatchObject({ reportingFrequency: "quarter", cutoffDay: 5, requireHeadApproval: true });
    const row = await importState(importId);
    expect(row).toMatchObject({ state: "committed", planId: result.planId });
    expect(row.committedAt).not.toBeNull();

    const alias = await db
      .select({ agencyId: agencyAliases.agencyId })
      .from(agencyAliases)
      .where(and(eq(agencyAliases.tenantId, tenantId), eq(agencyAliases.alias, "Sở KH và CN tỉnh Lâm Đồng")));
    expect(alias).toEqual([{ agencyId: science }]);
    const saved = await planTasks(result.planId);
    const leadsOf = async (ref: string) =>
      (
        await db
          .select({ agencyId: assignments.agencyId })
          .from(assignments)
          .where(
            and(eq(assignments.taskId, saved.find((t) => t.ref === ref)!.id), eq(assignments.role, "lead")),
          )
      ).map((a) => a.agencyId);
    expect(await leadsOf("7")).toEqual([science]);
    expect(await leadsOf("8")).toEqual([result.createdAgencies[0]!.agencyId]);

    const actions = (
      await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, importId))
    ).map((a) => a.action);
    expect(actions).toEqual(["import.create", "import.commit"]);
  });

  it("refuses to commit the same import twice", async () => {
    const letterPlanId = await commitLetter();
    const [row] = await db.select().from(imports).where(eq(imports.planId, letterPlanId));
    await expect(commit(row!.id)).rejects.toMatchObject({ status: 409, code: "import_committed" });
    await expect(run((ctx) => updateImport(ctx, row!.id, letterWithUnknownNames()))).rejects.toMatchObject({
      status: 409,
    });
  });

  it("refuses duplicate refs with a message before writing anything", async () => {
    const letter = loadDemoExtraction("lam-dong-1535-cv-tu");
    const importId = await newImport({ ...letter, document: { ...letter.document, number: "9999-CV/TU" } });
    await run((ctx) =>
      updateImport(ctx, importId, {
        ...letter,
        document: { ...letter.document, number: "9999-CV/TU" },
        tasks: [...letter.tasks, letter.tasks[0]!],
      }),
    );
    await expect(commit(importId)).rejects.toMatchObject({ status: 400, code: "duplicate_task_ref" });
    await run((ctx) => discardImport(ctx, importId));
  });
});

describe("task links", () => {
  it("links the tasks of two plans restating the same 04-KH/BCĐTW tasks", async () => {
    const letterPlanId = await commitLetter();
    const result = await commit(await newImport(loadDemoExtraction("lam-dong-3450-kh-ubnd")));
    const letter = await planTasks(letterPlanId);
    const plan = await planTasks(result.planId);
    const id = (list: typeof letter, ref: string) => list.find((t) => t.ref === ref)!.id;
    const refOf = new Map([...letter, ...plan].map((t) => [t.id, t.ref]));

    const links = await db.select().from(taskLinks).where(eq(taskLinks.tenantId, tenantId));
    // Every cited number gives a restates link; 04-KH/BCĐTW is not in the system, so no upstream task.
    const restates = links.filter((l) => l.kind === "restates" && l.taskId === id(letter, "2"));
    expect(restates).toMatchObject([{ upstreamDocumentNumber: "04-KH/BCĐTW", upstreamTaskId: null }]);
    const duplicatesOf = (ref: string) =>
      links
        .filter((l) => l.kind === "duplicates" && l.taskId === id(letter, ref))
        .map((l) => refOf.get(l.upstreamTaskId!));
    expect(duplicatesOf("1")).toEqual(["III.12"]);
    expect(duplicatesOf("2")).toEqual(["V.32"]);
    expect(duplicatesOf("3")).toEqual(["V.33"]);
    expect(duplicatesOf("4")).toEqual(["V.34"]);
    expect(duplicatesOf("5")).toEqual(["V.35"]);
    expect(duplicatesOf("6")).toEqual(["VIII.4"]);
    // And back.
    expect(
      links
        .filter((l) => l.kind === "duplicates" && l.taskId === id(plan, "V.32"))
        .map((l) => l.upstreamTaskId),
    ).toEqual([id(letter, "2")]);
    // VIII.3 cites 04-KH/BCĐTW too but restates none of the letter's tasks.
    expect(links.filter((l) => l.kind === "duplicates" && l.taskId === id(plan, "VIII.3"))).toEqual([]);
  });

  it("lists conflicting deadlines and likely duplicates between the plans", async () => {
    const letterPlanId = await commitLetter();
    const planPlanId = await commitPlan();
    const conflicts = await listTaskConflicts(db, tenantId, letterPlanId, { kind: "all" });
    const byRef = new Map(conflicts.map((c) => [`${c.task.ref}~${c.other.ref}`, c]));
    expect(byRef.get("2~V.32")).toMatchObject({
      kind: "duplicate",
      upstreamDocumentNumber: "04-KH/BCĐTW",
      similarity: 1,
    });
    // 17 is due 30/6/2026; II.6 restates it as a recurring task ("Thường xuyên").
    expect(byRef.get("17~II.6")).toMatchObject({ kind: "deadline_conflict" });
    expect(conflicts[0]!.kind).toBe("deadline_conflict");
    expect(conflicts.every((c) => c.other.planId === planPlanId)).toBe(true);
    // An officer of an agency sees only pairs of tasks their agency holds.
    const police = await agencyId("Công an tỉnh");
    const scoped = await listTaskConflicts(db, tenantId, letterPlanId, {
      kind: "agencies",
      agencyIds: [police],
    });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.length).toBeLessThan(conflicts.length);
    const all = new Set(conflicts.map((c) => `${c.task.id}~${c.other.id}`));
    expect(scoped.every((c) => all.has(`${c.task.id}~${c.other.id}`))).toBe(true);
    expect(await listTaskConflicts(db, tenantId, letterPlanId, { kind: "agencies", agencyIds: [] })).toEqual(
      [],
    );
  });

  it("points restating tasks to the upstream task once the upstream document is imported (typo in its number)", async () => {
    await commitLetter();
    const planPlanId = await commitPlan();
    const letter = loadDemoExtraction("lam-dong-1535-cv-tu");
    const central: Extraction = {
      document: {
        number: "04-KH/BCĐTƯ",
        type: "Kế hoạch",
        issuer: "Ban Chỉ đạo Trung ương",
        date: "2026-01-15",
        title: "An ninh mạng",
      },
      tasks: letter.tasks.slice(0, 6).map((t, i) => ({
        ...t,
        ref: String(i + 1),
        number: String(i + 1),
        title: t.title.replace(/\.$/, ""),
        sources: [],
        leads: [],
        coordinators: [],
      })),
      indicators: [],
      warnings: [],
    };
    const { planId: centralPlanId } = await commit(await newImport(central));
    const centralTasks = await planTasks(centralPlanId);
    const planRows = await planTasks(planPlanId);
    const links = await db
      .select()
      .from(taskLinks)
      .where(
        and(
          eq(taskLinks.kind, "restates"),
          inArray(
            taskLinks.taskId,
            planRows.map((t) => t.id),
          ),
        ),
      );
    const upstreamOf = (ref: string) => {
      const link = links.find((l) => l.taskId === planRows.find((t) => t.ref === ref)!.id);
      return centralTasks.find((t) => t.id === link?.upstreamTaskId)?.ref ?? null;
    };
    expect(upstreamOf("V.32")).toBe("2");
    expect(upstreamOf("VIII.4")).toBe("6");
    expect(upstreamOf("III.12")).toBe("1");
    expect(upstreamOf("VIII.3")).toBeNull();
    expect(links.find((l) => l.taskId === planRows.find((t) => t.ref === "V.32")!.id)).toMatchObject({
      upstreamTenantId: tenantId,
    });
    // The same document is recognised despite the typo.
    expect((await findPlanForDocumentNumber(db, tenantId, "04-KH/BCĐTW"))?.planId).toBe(centralPlanId);
  });
});

describe("commitImport: a re-import", () => {
  it("updates the plan without losing reports, and returns the diff", async () => {
    await commitLetter();
    const planPlanId = await commitPlan();
    const saved = await planTasks(planPlanId);
    const task = (ref: string) => saved.find((t) => t.ref === ref)!;
    const police = await agencyId("Công an tỉnh");
    const finance = await agencyId("Sở Tài chính");

    // Reports on: II.1's lead (it will be renumbered), II.2's lead (it will be dropped), V.34's
    // Công an tỉnh (no longer named in the new version).
    const leadOf = async (taskId: string, agency?: string) =>
      (
        await db
          .select({ id: assignments.id, agencyId: assignments.agencyId })
          .from(assignments)
          .where(
            and(
              eq(assignments.taskId, taskId),
              eq(assignments.role, "lead"),
              agency ? eq(assignments.agencyId, agency) : undefined,
            ),
          )
      )[0]!;
    const report = async (assignmentId: string) =>
      db
        .insert(progressReports)
        .values({ tenantId, assignmentId, narrative: "Đã triển khai", state: "submitted" });
    const ii1Lead = await leadOf(task("II.1").id);
    await report(ii1Lead.id);
    await report((await leadOf(task("II.2").id)).id);
    await report((await leadOf(task("V.34").id, police)).id);
    const v33Police = await leadOf(task("V.33").id, police);

    const original = loadDemoExtraction("lam-dong-3450-kh-ubnd");
    const next = planSecondVersion();
    const before = await rowCount(plans);
    const importId = await newImport(next);
    const preview = await importPreview(db, tenantId, await importState(importId));
    expect(preview.existingPlan).toEqual({ planId: planPlanId, name: expect.any(String) });

    const result = await commit(importId, { settings: { cutoffDay: 12 } });
    expect(result.reimport).toBe(true);
    expect(result.planId).toBe(planPlanId);
    expect(await rowCount(plans)).toBe(before);

    const sectionIISize = original.tasks.filter((t) => t.section === "II").length;
    expect(result.diff.added).toEqual(["II.1"]);
    expect(result.diff.removed).toEqual(["II.2"]);
    const changed = new Map(result.diff.changed.map((c) => [c.ref, c.fields]));
    expect(changed.get("II.2")).toEqual([
      { field: "ref", before: "II.1", after: "II.2" },
      { field: "number", before: "1", after: "2" },
    ]);
    // II.3 onwards kept their refs (II.2 dropped, one inserted before): unchanged.
    expect(changed.has(`II.${sectionIISize}`)).toBe(false);
    expect(changed.get("V.32")).toEqual([
      {
        field: "deadline",
        before: { text: "4/2026", kind: "month", due: "2026-04-30" },
        after: { text: "6/2026", kind: "month", due: "2026-06-30" },
      },
    ]);
    expect(changed.get("V.34")?.map((f) => f.field)).toEqual(["leads"]);
    expect(result.diff.conflicts).toEqual([
      expect.objectContaining({ ref: "V.34", agencyId: police, role: "lead", reason: "has_reports" }),
    ]);

    const after = await planTasks(planPlanId);
    const live = after.filter((t) => t.removedAt === null);
    expect(live).toHaveLength(original.tasks.length);
    // The renumbered task is the same row, with its report.
    const ii2 = live.find((t) => t.ref === "II.2")!;
    expect(ii2.id).toBe(task("II.1").id);
    const reports = await db
      .select({ n: count() })
      .from(progressReports)
      .where(eq(progressReports.assignmentId, ii1Lead.id));
    expect(reports[0]!.n).toBe(1);
    // The dropped task stays, marked removed, with its ref and reports.
    const dropped = after.find((t) => t.id === task("II.2").id)!;
    expect(dropped.removedAt).not.toBeNull();
    expect(dropped.ref).toBe("II.2");
    // V.32's lead assignments follow the new deadline.
    const v32 = await db
      .select()
      .from(assignments)
      .where(eq(assignments.taskId, task("V.32").id));
    expect(v32.filter((a) => a.role === "lead").every((a) => a.dueOn === "2026-06-30")).toBe(true);
    // V.33: Công an tỉnh had no report, so its assignment went; Sở Tài chính came.
    const v33 = await db
      .select()
      .from(assignments)
      .where(eq(assignments.taskId, task("V.33").id));
    expect(v33.find((a) => a.id === v33Police.id)).toBeUndefined();
    expect(v33.filter((a) => a.role === "lead").map((a) => a.agencyId)).toEqual([finance]);
    // V.34: Công an tỉnh reported, so it stays beside Sở Tài chính.
    const v34 = await db
      .select()
      .from(assignments)
      .where(eq(assignments.taskId, task("V.34").id));
    expect(
      v34
        .filter((a) => a.role === "lead")
        .map((a) => a.agencyId)
        .sort(),
    ).toEqual([police, finance].sort());

    const [plan] = await db.select().from(plans).where(eq(plans.id, planPlanId));
    expect(plan!.cutoffDay).toBe(12);
    const audit = await db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planPlanId), eq(auditLog.action, "plan.update_from_extraction")));
    expect(audit).toHaveLength(1);
    // The row says what the settings and the document were, beside what they became.
    expect(audit[0]!.before).toMatchObject({
      settings: { cutoffDay: 10 },
      document: { number: expect.any(String) },
    });
    expect(audit[0]!.after).toMatchObject({ settings: { cutoffDay: 12 } });

    // Links were recomputed: V.32 still duplicates letter task 2.
    const v32Links = await db
      .select()
      .from(taskLinks)
      .where(and(eq(taskLinks.taskId, task("V.32").id), eq(taskLinks.kind, "duplicates")));
    expect(v32Links).toHaveLength(1);
  });

  it("restores a removed task when a later version has it again", async () => {
    const planPlanId = await commitPlan();
    await commit(await newImport(planSecondVersion()));
    const original = loadDemoExtraction("lam-dong-3450-kh-ubnd");
    const result = await commit(await newImport(original));
    expect(result.reimport).toBe(true);
    expect(result.diff.added).toEqual([]);
    const restored = result.diff.changed.find((c) => c.fields.some((f) => f.field === "removed"));
    expect(restored?.ref).toBe("II.2");
    expect(result.diff.removed).toHaveLength(1); // the task inserted by the previous version
    const live = await db
      .select({ n: count() })
      .from(tasks)
      .where(and(eq(tasks.planId, planPlanId), isNull(tasks.removedAt)));
    expect(live[0]!.n).toBe(original.tasks.length);
  });
});
