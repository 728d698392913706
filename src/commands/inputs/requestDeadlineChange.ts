// A lead agency asking for a new due date (requestDeadlineChange). It imports nothing of the server: the web
// form validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { normalizeLines } from "../../domain/text.ts";

export const requestDeadlineChangeInput = z.object({
  assignmentId: z.uuid(),
  requestedDueOn: z.iso.date("Cần chọn thời hạn đề nghị (một ngày dạng YYYY-MM-DD)"),
  reason: z
    .string()
    .max(5_000, "Lý do tối đa 5.000 ký tự")
    .transform(normalizeLines)
    .pipe(z.string().min(1, "Cần nêu lý do đề nghị điều chỉnh thời hạn")),
});
export type RequestDeadlineChangeInput = z.input<typeof requestDeadlineChangeInput>;
