import { describe, expect, it } from "vitest";
import { groupMemberIds, matchesGroupRule } from "./agencyDirectory.ts";

const agency = (id: string, level: string, parentId: string | null = null, extra = {}) => ({
  id,
  level,
  parentId,
  isGroup: false,
  active: true,
  ...extra,
});

describe("group members", () => {
  const all = [
    agency("so-tc", "department"),
    agency("so-yt", "department"),
    agency("xa-1", "commune", "huyen-a"),
    agency("xa-2", "commune", "huyen-b"),
    agency("xa-cu", "commune", "huyen-a", { active: false }),
    agency("nhom", "department", null, { isGroup: true }),
  ];

  it("counts a group defined by a rule, not only its explicit members", () => {
    expect(groupMemberIds({ levels: ["department"], memberIds: [] }, all)).toEqual(["so-tc", "so-yt"]);
    expect(groupMemberIds({ levels: ["commune"], parentIds: ["huyen-a"], memberIds: [] }, all)).toEqual([
      "xa-1",
    ]);
    expect(groupMemberIds({ memberIds: ["so-tc"] }, all)).toEqual(["so-tc"]);
    expect(groupMemberIds({ levels: ["department"], memberIds: ["so-tc", "xa-2"] }, all)).toEqual([
      "so-tc",
      "xa-2",
      "so-yt",
    ]);
  });

  it("leaves out groups and agencies no longer active", () => {
    expect(matchesGroupRule({ levels: ["commune"] }, all[4]!)).toBe(false);
    expect(matchesGroupRule({ levels: ["department"] }, all[5]!)).toBe(false);
    expect(matchesGroupRule(null, all[0]!)).toBe(false);
  });
});
