// Another name for an agency (addAgencyAlias). It imports nothing of the server: the web form validates with
// this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { bidiControlMessage, hasBidiControl } from "../../domain/inputSafety.ts";

export const aliasInput = z.object({
  alias: z
    .string()
    .trim()
    .min(2, "Tên gọi khác quá ngắn")
    .max(300)
    .refine((alias) => !hasBidiControl(alias), `Tên gọi khác ${bidiControlMessage}`),
});
