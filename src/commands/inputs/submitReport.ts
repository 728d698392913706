// A progress report as the report form sends it (submitReport); files travel beside it. It imports nothing of
// the server: the web form validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { normalizeLines, normalizeText } from "../../domain/text.ts";

const longText = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => normalizeLines(s))
    .default("");

const httpUrl = z
  .string()
  .trim()
  .max(2000, "Đường dẫn quá dài")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
    } catch {
      return false;
    }
  }, "Đường dẫn minh chứng phải là địa chỉ http:// hoặc https://");

export const submitReportInput = z
  .object({
    assignmentId: z.uuid(),
    /** Any day of the period reported on; omitted: the period containing today. */
    periodOn: z.iso.date("Kỳ báo cáo phải là một ngày dạng YYYY-MM-DD").optional(),
    percent: z
      .number("Tỷ lệ hoàn thành phải là một số")
      .int("Tỷ lệ hoàn thành phải là số nguyên")
      .min(0, "Tỷ lệ hoàn thành từ 0 đến 100")
      .max(100, "Tỷ lệ hoàn thành từ 0 đến 100")
      .nullable()
      .optional(),
    narrative: longText(20_000),
    difficulties: longText(10_000),
    proposals: longText(10_000),
    nothingToReport: z.boolean().default(false),
    claimsCompletion: z.boolean().default(false),
    links: z.array(httpUrl).max(20, "Tối đa 20 đường dẫn").default([]),
    documentNumbers: z
      .array(
        z
          .string()
          .transform((s) => normalizeText(s))
          .pipe(z.string().min(1, "Số hiệu văn bản không được để trống").max(100, "Số hiệu văn bản quá dài")),
      )
      .max(20, "Tối đa 20 số hiệu văn bản")
      .default([]),
  })
  .superRefine((input, issue) => {
    if (input.nothingToReport && input.claimsCompletion) {
      issue.addIssue({
        code: "custom",
        path: ["claimsCompletion"],
        message: 'Báo cáo "không phát sinh" không thể đồng thời đề nghị xác nhận hoàn thành',
      });
    }
    if (!input.nothingToReport && !input.narrative) {
      issue.addIssue({
        code: "custom",
        path: ["narrative"],
        message: 'Cần nêu kết quả thực hiện, hoặc chọn "không phát sinh"',
      });
    }
    if (input.claimsCompletion && input.percent != null && input.percent !== 100) {
      issue.addIssue({
        code: "custom",
        path: ["percent"],
        message: "Báo cáo hoàn thành phải có tỷ lệ 100%",
      });
    }
  });
export type SubmitReportInput = z.input<typeof submitReportInput>;
