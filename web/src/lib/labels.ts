import { agencyLevelLabels } from "../../../src/domain/agencyLevels.ts";
import type { AssignmentRole, DeadlineChangeState } from "../../../src/domain/assignments.ts";
import type { DeadlineKind } from "../../../src/domain/deadline.ts";
import type { ReportState } from "../../../src/domain/reports.ts";
import { roleLabels } from "../../../src/domain/roles.ts";
import { type AssignmentStatus, statusColors, statusLabels } from "../../../src/domain/status.ts";

// One source for the words of the domain: the server's rules and the screens say the same thing.
export const ROLE_LABELS: Record<string, string> = roleLabels;

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
 * What a deadline kind means, for the tag's tooltip: how the document wrote the deadline and
 * which day it is due (the last day of what it names, src/domain/deadline.ts).
 */
export const DEADLINE_KIND_HINTS: Record<DeadlineKind, string> = {
  date: "Thời hạn là một ngày cụ thể (ví dụ 30/6/2026): hạn hoàn thành là chính ngày đó.",
  month: "Thời hạn ghi theo tháng (ví dụ tháng 4/2026): hạn hoàn thành là ngày cuối của tháng.",
  quarter: "Thời hạn ghi theo quý (ví dụ quý IV/2026): hạn hoàn thành là ngày cuối của quý.",
  year: "Thời hạn ghi theo năm (ví dụ năm 2026): hạn hoàn thành là ngày 31/12 của năm đó.",
  recurring: "Nhiệm vụ thường xuyên: không có hạn hoàn thành chung, báo cáo theo từng kỳ của kế hoạch.",
  unspecified:
    'Văn bản chưa xác định thời hạn (ví dụ "theo lộ trình"): chờ cơ quan thường trực nhập hạn hoàn thành.',
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

export const STATUS_LABELS: Record<AssignmentStatus, string> = statusLabels;

/**
 * The colours users know (PRODUCT.md §3): green done on time, blue in progress, orange done
 * late, red overdue, grey not started; recurring and no deadline in colours of their own.
 */
export const STATUS_COLORS: Record<AssignmentStatus, string> = statusColors;

/** Solid colours of the same statuses, for counters and bars. */
export const STATUS_HEX: Record<AssignmentStatus, string> = {
  not_started: "#8c8c8c",
  in_progress: "#1677ff",
  overdue: "#cf1322",
  done_on_time: "#389e0d",
  done_late: "#d46b08",
  recurring: "#08979c",
  no_deadline: "#722ed1",
};

export const statusLabel = (status: string) => STATUS_LABELS[status as AssignmentStatus] ?? status;

export const ROLE_IN_TASK_LABELS: Record<AssignmentRole, string> = {
  lead: "Chủ trì",
  coordinator: "Phối hợp",
};

export const REPORT_STATE_LABELS: Record<ReportState, { label: string; color: string }> = {
  draft: { label: "Bản nháp", color: "default" },
  awaiting_head: { label: "Chờ lãnh đạo đơn vị duyệt", color: "gold" },
  submitted: { label: "Chờ cơ quan thường trực duyệt", color: "processing" },
  approved: { label: "Đã duyệt", color: "success" },
  returned: { label: "Bị trả lại", color: "error" },
};

export const DEADLINE_CHANGE_STATE_LABELS: Record<DeadlineChangeState, { label: string; color: string }> = {
  pending: { label: "Chờ quyết định", color: "gold" },
  approved: { label: "Đồng ý", color: "success" },
  refused: { label: "Không đồng ý", color: "error" },
};

export const AGENCY_LEVEL_LABELS: Record<string, string> = agencyLevelLabels;
