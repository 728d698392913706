import { describe, expect, it } from "vitest";
import { followsTaskDueDate } from "./assignmentDue.ts";

describe("followsTaskDueDate", () => {
  it("moves lead assignments with their task, except one an approved deadline change moved", () => {
    expect(followsTaskDueDate({ role: "lead" }, false)).toBe(true);
    expect(followsTaskDueDate({ role: "lead" }, true)).toBe(false);
    expect(followsTaskDueDate({ role: "coordinator" }, false)).toBe(false);
  });
});
