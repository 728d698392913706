// The standing office's review of a report (reviewReport). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { INT4_MAX } from "../../domain/inputSafety.ts";
import { reviewDecisions } from "../../domain/reports.ts";
import { normalizeLines } from "../../domain/text.ts";

export const reviewReportInput = z
  .object({
    reportId: z.uuid(),
    decision: z.enum(reviewDecisions, "Quyết định phải là approve (duyệt) hoặc return (trả lại)"),
    comment: z.string().max(10_000, "Ý kiến tối đa 10.000 ký tự").transform(normalizeLines).default(""),
    /** The version the reviewer saw; when given, a report changed since is not decided blindly. */
    version: z.number().int().positive().max(INT4_MAX).optional(),
  })
  .superRefine((input, issue) => {
    if (input.decision === "return" && !input.comment) {
      issue.addIssue({ code: "custom", path: ["comment"], message: "Trả lại báo cáo cần nêu lý do" });
    }
  });
export type ReviewReportInput = z.input<typeof reviewReportInput>;
