import { foldForSearch } from "./text.ts";

export const agencyLevels = ["central", "province", "department", "commune", "other"] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

export const agencyLevelLabels: Record<AgencyLevel, string> = {
  central: "Trung ương",
  province: "Tỉnh",
  department: "Sở, ban, ngành",
  commune: "Xã, phường, đặc khu",
  other: "Khác",
};

/** Reads a level as users write it in a spreadsheet ("Sở, ban, ngành", "xa", "commune"). */
export function parseAgencyLevel(text: string): AgencyLevel | null {
  const folded = foldForSearch(text);
  if (!folded) return null;
  for (const level of agencyLevels) {
    if (folded === level || folded === foldForSearch(agencyLevelLabels[level])) return level;
  }
  if (/^(trung uong|tw)\b/.test(folded)) return "central";
  if (/^tinh\b/.test(folded)) return "province";
  if (/^(so|ban|nganh)\b/.test(folded)) return "department";
  if (/^(xa|phuong|dac khu|cap xa)\b/.test(folded)) return "commune";
  if (/^khac\b/.test(folded)) return "other";
  return null;
}
