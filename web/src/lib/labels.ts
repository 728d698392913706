import type { DeadlineKind } from "../api/types.ts";

export const ROLE_LABELS: Record<string, string> = {
  admin: "Quản trị hệ thống",
  coordinator: "Cơ quan thường trực",
  leader: "Lãnh đạo",
  agency_officer: "Cán bộ đơn vị",
  agency_head: "Lãnh đạo đơn vị",
};

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: "Ngày",
  month: "Tháng",
  quarter: "Quý",
  year: "Năm",
  recurring: "Thường xuyên",
  unspecified: "Chưa xác định",
};

/**
 * Tag colours for deadline kinds. Deliberately not green/blue/orange/red/grey: those colours
 * mean task status (đúng hạn, trong hạn, quá hạn…) everywhere in the product.
 */
export const DEADLINE_KIND_COLORS: Record<DeadlineKind, string> = {
  date: "geekblue",
  month: "cyan",
  quarter: "purple",
  year: "magenta",
  recurring: "gold",
  unspecified: "default",
};

const FREQUENCY_LABELS: Record<string, string> = {
  week: "Hằng tuần",
  month: "Hằng tháng",
  quarter: "Hằng quý",
  half_year: "6 tháng",
  year: "Hằng năm",
};

export const frequencyLabel = (frequency: string) => FREQUENCY_LABELS[frequency] ?? frequency;
