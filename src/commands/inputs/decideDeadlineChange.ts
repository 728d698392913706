// The standing office's decision on a deadline change (decideDeadlineChange). It imports nothing of the
// server: the web form validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { deadlineChangeDecisions } from "../../domain/assignments.ts";
import { normalizeLines } from "../../domain/text.ts";

export const decideDeadlineChangeInput = z
  .object({
    deadlineChangeId: z.uuid(),
    decision: z.enum(
      deadlineChangeDecisions,
      "Quyết định phải là approve (đồng ý) hoặc refuse (không đồng ý)",
    ),
    comment: z.string().max(5_000, "Ý kiến tối đa 5.000 ký tự").transform(normalizeLines).default(""),
  })
  .superRefine((input, issue) => {
    if (input.decision === "refuse" && !input.comment) {
      issue.addIssue({ code: "custom", path: ["comment"], message: "Không đồng ý cần nêu lý do" });
    }
  });
export type DecideDeadlineChangeInput = z.input<typeof decideDeadlineChangeInput>;
