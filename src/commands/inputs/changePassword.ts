// What the change-password form sends (changePassword). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordMessage } from "../../domain/passwordRules.ts";

export const samePasswordMessage = "Mật khẩu mới phải khác mật khẩu hiện tại";

/**
 * The input, checked for the account whose username is given: the form knows it from the
 * session, the server from the account itself (the body does not carry it).
 */
export function changePasswordInputFor(username?: string) {
  return z
    .object({
      currentPassword: z.string().min(1, "Cần nhập mật khẩu hiện tại").max(PASSWORD_MAX_LENGTH),
      newPassword: z.string().max(PASSWORD_MAX_LENGTH),
    })
    .superRefine((input, ctx) => {
      const problem =
        passwordMessage(input.newPassword, { username }) ??
        (input.newPassword === input.currentPassword ? samePasswordMessage : null);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    });
}

export const changePasswordInput = changePasswordInputFor();
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
