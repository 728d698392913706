// The ranking settings form (weights, overdue age cap, bands): shared with the web form (zod and
// src/domain only). docs/EVALUATION.md explains each number.
import { z } from "zod";
import { rankingComponents } from "../../domain/ranking.ts";

const weight = z
  .number({ error: "Trọng số phải là số" })
  .int("Trọng số phải là số nguyên")
  .min(0, "Trọng số không được âm")
  .max(100, "Trọng số tối đa 100");

const threshold = z
  .number({ error: "Ngưỡng điểm phải là số" })
  .min(0, "Ngưỡng điểm từ 0 đến 100")
  .max(100, "Ngưỡng điểm từ 0 đến 100");

/** The settings' shape; the input adds the rules across fields. */
export const rankingSettingsShape = z.object({
  weights: z.object(
    Object.fromEntries(rankingComponents.map((c) => [c, weight])) as Record<
      (typeof rankingComponents)[number],
      typeof weight
    >,
  ),
  overdueAgeCapDays: z
    .number({ error: "Số ngày phải là số" })
    .int("Số ngày phải là số nguyên")
    .min(1, "Số ngày tối thiểu là 1")
    .max(3650, "Số ngày tối đa là 3650"),
  bands: z.object({ excellent: threshold, good: threshold, fair: threshold, average: threshold }),
});

export const rankingSettingsInput = rankingSettingsShape
  .refine((s) => rankingComponents.some((c) => s.weights[c] > 0), {
    message: "Cần ít nhất một tiêu chí có trọng số lớn hơn 0",
    path: ["weights"],
  })
  .refine(
    (s) => s.bands.excellent > s.bands.good && s.bands.good > s.bands.fair && s.bands.fair > s.bands.average,
    {
      message: "Ngưỡng xếp loại phải giảm dần: Xuất sắc > Tốt > Khá > Trung bình",
      path: ["bands"],
    },
  );
export type RankingSettingsInput = z.infer<typeof rankingSettingsInput>;
