// A directive comment on a task (addDirectiveComment). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { normalizeLines } from "../../domain/text.ts";

export const addDirectiveCommentInput = z.object({
  taskId: z.uuid(),
  body: z
    .string()
    .max(10_000, "Ý kiến chỉ đạo tối đa 10.000 ký tự")
    .transform(normalizeLines)
    .pipe(z.string().min(1, "Ý kiến chỉ đạo không được để trống")),
});
export type AddDirectiveCommentInput = z.input<typeof addDirectiveCommentInput>;
