// A plan's edit form: its document's metadata and the settings the import form sets
// (planSettingsPatch), only the fields to change. Shared with the web form.
import { z } from "zod";
import { planSettingsPatch } from "./createPlanFromExtraction.ts";

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
