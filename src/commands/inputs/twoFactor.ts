// What the TOTP forms send: the second step of a login, confirming an enrolment, turning TOTP
// off, and the administrators' setting. Shared with the web forms (zod and src/domain only).
import { z } from "zod";
import { roles } from "../../domain/roles.ts";

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Mã xác thực gồm 6 chữ số");

export const totpLoginInput = z
  .object({
    challenge: z.string().min(1).max(200),
    code: totpCode.optional(),
    recoveryCode: z.string().trim().min(1, "Cần nhập mã khôi phục").max(40).optional(),
  })
  .refine((input) => !!input.code !== !!input.recoveryCode, {
    message: "Cần nhập mã xác thực hoặc mã khôi phục",
    path: ["code"],
  });
export type TotpLoginInput = z.infer<typeof totpLoginInput>;

export const totpCodeInput = z.object({ code: totpCode });
export type TotpCodeInput = z.infer<typeof totpCodeInput>;

export const securitySettingsInput = z.object({
  totpRequiredRoles: z.array(z.enum(roles)).max(roles.length),
});
export type SecuritySettingsInput = z.infer<typeof securitySettingsInput>;
