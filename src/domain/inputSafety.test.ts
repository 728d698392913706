import { describe, expect, it } from "vitest";
import { findUnsafeText, hasBidiControl, textProblem } from "./inputSafety.ts";

describe("textProblem", () => {
  it("finds NUL and lone surrogates, and accepts whole pairs", () => {
    expect(textProblem("Sở\u0000")).toBe("nul");
    expect(textProblem("a\uD83D")).toBe("surrogate");
    expect(textProblem("\uDC4Db")).toBe("surrogate");
    expect(textProblem("\uDC4D\uD83D")).toBe("surrogate");
    expect(textProblem("Tốt 👍 lắm")).toBeNull();
    expect(textProblem("")).toBeNull();
  });
});

describe("findUnsafeText", () => {
  it("names the path of the first bad string or key", () => {
    expect(findUnsafeText({ a: "x", b: [{ c: "ok" }, { c: "n\u0000" }] })).toEqual({
      path: ["b", 1, "c"],
      problem: "nul",
    });
    expect(findUnsafeText({ "k\uD800": 1 })).toEqual({ path: ["k\uD800"], problem: "surrogate" });
    expect(findUnsafeText("\u0000")).toEqual({ path: [], problem: "nul" });
    expect(findUnsafeText({ n: 1, b: true, z: null, u: undefined })).toBeNull();
  });

  it("walks a deeply nested value without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnsafeText(deep)?.problem).toBe("nul");
  });
});

describe("hasBidiControl", () => {
  it("finds embeddings, overrides and isolates, not ordinary text", () => {
    for (const c of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ]) {
      expect(hasBidiControl(`Sở ${c}x`)).toBe(true);
    }
    expect(hasBidiControl("Sở Tài chính – Ѕở")).toBe(false);
  });
});
