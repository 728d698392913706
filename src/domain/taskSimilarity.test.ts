import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Extraction } from "../ingest/extraction.ts";
import { sameDocumentNumber } from "./documentNumber.ts";
import {
  jaccard,
  matchTasks,
  mostSimilar,
  SIMILAR_TASK_THRESHOLD,
  similarTasks,
  taskSimilarity,
  taskWords,
} from "./taskSimilarity.ts";

const fixture = (name: string): Extraction =>
  JSON.parse(fs.readFileSync(new URL(`../../fixtures/plans/${name}.expected.json`, import.meta.url), "utf8"));

const letter = fixture("lam-dong-1535-cv-tu");
const plan = fixture("lam-dong-3450-kh-ubnd");
const task = (e: Extraction, ref: string) => e.tasks.find((t) => t.ref === ref)!;

describe("taskSimilarity", () => {
  it("folds diacritics, case and punctuation", () => {
    expect(taskWords("Triển khai mô hình bảo đảm an toàn thông tin 4 lớp.")).toEqual(
      new Set(["trien", "khai", "mo", "hinh", "bao", "dam", "an", "toan", "thong", "tin", "4", "lop"]),
    );
    expect(taskSimilarity("Triển khai mô hình 4 lớp.", "TRIEN KHAI MO HINH 4 LOP")).toBe(1);
    expect(taskSimilarity("Công an tỉnh", "công\u00a0an tỉnh")).toBe(1);
  });

  it("is 0 for empty text and symmetric", () => {
    expect(taskSimilarity("", "")).toBe(0);
    expect(jaccard(new Set(), new Set(["a"]))).toBe(0);
    const a = task(letter, "17").title;
    const b = task(plan, "II.6").title;
    expect(taskSimilarity(a, b)).toBe(taskSimilarity(b, a));
  });

  it("links tasks 1–6 of 1535-CV/TU to the tasks of 3450/KH-UBND restating the same 04-KH/BCĐTW tasks", () => {
    const expected: Record<string, string> = {
      "1": "III.12",
      "2": "V.32",
      "3": "V.33",
      "4": "V.34",
      "5": "V.35",
      "6": "VIII.4",
    };
    const cites04 = (sources: string[]) => sources.some((s) => sameDocumentNumber(s, "04-KH/BCĐTW"));
    const candidates = plan.tasks.filter((t) => cites04(t.sources));
    // V.32–V.35, VIII.3 and VIII.4 are among them, and the typo 04-KH/BCĐTƯ (VIII.6) too.
    expect(candidates.map((t) => t.ref)).toEqual(
      expect.arrayContaining(["V.32", "V.33", "V.34", "V.35", "VIII.3", "VIII.4", "VIII.6"]),
    );
    for (const [ref, restated] of Object.entries(expected)) {
      const own = task(letter, ref);
      expect(cites04(own.sources)).toBe(true);
      const best = mostSimilar(taskWords(own.title), candidates, (c) => taskWords(c.title));
      expect(best?.candidate.ref, `task ${ref}`).toBe(restated);
    }
    // VIII.3 ("Rà soát, đánh giá và củng cố lại Hệ thống giám sát an ninh mạng …") cites
    // 04-KH/BCĐTW too but restates none of the letter's tasks.
    const viii3 = task(plan, "VIII.3");
    for (const own of letter.tasks) expect(similarTasks(own.title, viii3.title)).toBe(false);
  });

  it("keeps a margin around the threshold on every cross pair of the real fixtures", () => {
    const scores: { pair: string; score: number }[] = [];
    for (const a of letter.tasks)
      for (const b of plan.tasks)
        scores.push({ pair: `${a.ref}~${b.ref}`, score: taskSimilarity(a.title, b.title) });
    const same = scores.filter((s) => s.score >= SIMILAR_TASK_THRESHOLD);
    expect(same.map((s) => s.pair).sort()).toEqual(
      [
        "1~III.12",
        "2~V.32",
        "3~V.33",
        "4~V.34",
        "5~V.35",
        "6~VIII.4",
        "8~II.8",
        "9~III.10",
        "13~VIII.13",
        "15~V.31",
        "17~II.6",
        "18~II.7",
        "19~VIII.10",
        "20~IV.5",
        "23~VIII.11",
        "27~V.15",
        "29~VIII.12",
        "30~IV.4",
      ].sort(),
    );
    // Restatements score at least 0.6, different tasks at most 0.45.
    expect(Math.min(...same.map((s) => s.score))).toBeGreaterThanOrEqual(0.6);
    const different = scores.filter((s) => s.score < SIMILAR_TASK_THRESHOLD);
    expect(Math.max(...different.map((s) => s.score))).toBeLessThanOrEqual(0.45);
    // Within one plan, no two different tasks are taken for the same.
    for (const [i, a] of plan.tasks.entries())
      for (const b of plan.tasks.slice(i + 1))
        expect(similarTasks(a.title, b.title), `${a.ref}~${b.ref}`).toBe(false);
  });
});

describe("matchTasks", () => {
  const saved = [
    { ref: "I.1", title: "Xây dựng cơ sở dữ liệu đất đai" },
    { ref: "I.2", title: "Triển khai mô hình bảo đảm an toàn thông tin 4 lớp" },
    { ref: "I.3", title: "Tổ chức tập huấn kỹ năng số cho cán bộ, người dân" },
    { ref: "I.4", title: "Nâng cấp đường truyền Internet tại vùng sâu, vùng xa" },
  ];

  it("matches unchanged and lightly reworded tasks by ref", () => {
    const next = [
      { ref: "I.1", title: "Xây dựng cơ sở dữ liệu đất đai." },
      { ref: "I.2", title: "Triển khai mô hình bảo đảm an toàn thông tin bốn lớp" },
    ];
    expect(matchTasks(saved, next)).toEqual([0, 1]);
  });

  it("follows tasks renumbered after a task was dropped and one inserted", () => {
    const next = [
      { ref: "I.1", title: "Ban hành quy chế vận hành Trung tâm dữ liệu" },
      { ref: "I.2", title: "Xây dựng cơ sở dữ liệu đất đai" },
      { ref: "I.3", title: "Tổ chức tập huấn kỹ năng số cho cán bộ, người dân" },
      { ref: "I.4", title: "Nâng cấp đường truyền Internet tại vùng sâu, vùng xa" },
    ];
    // I.1 is new; the old I.1 is now I.2; old I.2 (4 lớp) is gone; I.3 and I.4 stay.
    expect(matchTasks(saved, next)).toEqual([null, 0, 2, 3]);
  });

  it("keeps a row whose title was rewritten when its ref is free", () => {
    const next = [...saved.slice(0, 3), { ref: "I.4", title: "Phủ sóng 5G toàn tỉnh" }];
    expect(matchTasks(saved, next)).toEqual([0, 1, 2, 3]);
  });

  it("uses each saved task once, preferring the most similar", () => {
    const next = [
      { ref: "II.1", title: "Xây dựng cơ sở dữ liệu đất đai" },
      { ref: "II.2", title: "Xây dựng cơ sở dữ liệu đất đai" },
    ];
    expect(matchTasks(saved, next)).toEqual([0, null]);
  });
});
