// A plan's settings as the import's settings form sends them (createPlanFromExtraction, and
// updatePlanFromExtraction on a re-import). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { periodKinds } from "../../domain/periods.ts";

const name = z.string().trim().min(1, "Cần đặt tên kế hoạch").max(500, "Tên kế hoạch tối đa 500 ký tự");
const reportingFrequency = z.enum(periodKinds);
const cutoffDay = z.number().int().min(1).max(28);
const requireHeadApproval = z.boolean();

export const planSettingsInput = z.object({
  name: name.optional(),
  reportingFrequency: reportingFrequency.default("month"),
  cutoffDay: cutoffDay.default(10),
  requireHeadApproval: requireHeadApproval.default(false),
});
export type PlanSettingsInput = z.input<typeof planSettingsInput>;

/** A re-import changes only the settings given; a first import takes the defaults for the rest. */
export const planSettingsPatch = z
  .object({ name, reportingFrequency, cutoffDay, requireHeadApproval })
  .partial();
export type PlanSettingsPatch = z.input<typeof planSettingsPatch>;

// The plan edit form after import (updatePlan): the document's metadata and the settings above,
// only the fields to change.
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v))
    .nullable();

export const updatePlanInput = planSettingsPatch
  .extend({
    year: z.number().int().min(2000, "Năm từ 2000").max(2100, "Năm đến 2100").nullable(),
    documentNumber: optionalText(100, "Số hiệu tối đa 100 ký tự"),
    issuedOn: z.iso.date("Ngày ban hành phải là một ngày dạng YYYY-MM-DD").nullable(),
    title: optionalText(2000, "Trích yếu tối đa 2000 ký tự"),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Không có trường nào để sửa");
export type UpdatePlanInput = z.input<typeof updatePlanInput>;
