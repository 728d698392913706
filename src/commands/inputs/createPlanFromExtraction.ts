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
