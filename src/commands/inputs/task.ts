// A task's fields as the task form sends them (createTask, updateTask). It imports nothing of
// the server: the web form validates with these same schemas and shows the same messages.
import { z } from "zod";
import { normalizeDocumentNumber } from "../../domain/documentNumber.ts";
import { normalizeText } from "../../domain/text.ts";

const text = (maxLength: number) => z.string().max(maxLength).transform(normalizeText);
const agencyIds = z.array(z.uuid()).max(500);

export const taskFieldsInput = z.object({
  /** A section of the plan, or null for a task outside sections. */
  sectionId: z.uuid().nullable(),
  /** As the plan numbers it ("12", "11.1"); the ref is section + "." + number. */
  number: text(20).pipe(z.string().min(1, "Số thứ tự không được để trống")),
  title: text(5000).pipe(z.string().min(1, "Tên nhiệm vụ không được để trống")),
  responsible: text(500),
  output: text(5000),
  note: text(5000),
  /** Numbers of the documents that assign the task (Văn bản giao), e.g. "04-KH/BCĐTW". */
  sources: z.array(z.string().max(100).transform(normalizeDocumentNumber)).max(20),
  leadAgencyIds: agencyIds,
  coordinatorAgencyIds: agencyIds,
  /** The deadline as the office writes it ("30/6/2026", "Quý III/2026", "Thường xuyên"). */
  deadlineText: text(500),
});

export const createTaskInput = taskFieldsInput.extend({
  sectionId: taskFieldsInput.shape.sectionId.default(null),
  responsible: taskFieldsInput.shape.responsible.default(""),
  output: taskFieldsInput.shape.output.default(""),
  note: taskFieldsInput.shape.note.default(""),
  sources: taskFieldsInput.shape.sources.default([]),
  leadAgencyIds: agencyIds.min(1, "Cần chọn ít nhất một cơ quan chủ trì"),
  coordinatorAgencyIds: agencyIds.default([]),
  deadlineText: taskFieldsInput.shape.deadlineText.default(""),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const updateTaskInput = taskFieldsInput
  .extend({
    leadAgencyIds: taskFieldsInput.shape.leadAgencyIds.min(1, "Cần chọn ít nhất một cơ quan chủ trì"),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Không có trường nào để sửa");
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
