// An agency as the directory form sends it (saveAgency). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { agencyLevels } from "../../domain/agencyLevels.ts";
import { bidiControlMessage, hasBidiControl } from "../../domain/inputSafety.ts";

const codeRule = "Mã chỉ gồm chữ thường không dấu, số và dấu - (2–60 ký tự)";

export const agencyInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Tên cơ quan cần ít nhất 2 ký tự")
    .max(300)
    .refine((name) => !hasBidiControl(name), `Tên cơ quan ${bidiControlMessage}`),
  shortName: z
    .string()
    .trim()
    .max(100)
    .refine((name) => !hasBidiControl(name), `Tên viết tắt ${bidiControlMessage}`)
    .nullable()
    .optional(),
  code: z
    .string()
    .trim()
    .max(60, codeRule)
    .regex(/^[a-z0-9-]{2,60}$/, codeRule)
    .nullable()
    .optional(),
  level: z.enum(agencyLevels),
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type AgencyInput = z.input<typeof agencyInput>;
