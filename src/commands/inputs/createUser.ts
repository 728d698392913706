// An account as the administrator issues it (createUser). It imports nothing of the server: the web form
// validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { bidiControlMessage, hasBidiControl } from "../../domain/inputSafety.ts";
import { PASSWORD_MAX_LENGTH, passwordMessage } from "../../domain/passwordRules.ts";
import { roles } from "../../domain/roles.ts";

const usernameRule = "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - (3–64 ký tự)";

const displayName = z
  .string()
  .trim()
  .min(1, "Cần có họ tên")
  .max(200)
  .refine((name) => !hasBidiControl(name), `Họ tên ${bidiControlMessage}`);
const accountRoles = z.array(z.enum(roles)).min(1, "Cần ít nhất một vai trò").max(roles.length);

export const createUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .max(64, usernameRule)
      .regex(/^[a-z0-9._-]{3,64}$/, usernameRule),
    displayName,
    email: z.email("Địa chỉ thư điện tử không hợp lệ").optional(),
    // The password rules need the username, so they are checked on the whole input below.
    password: z.string().max(PASSWORD_MAX_LENGTH),
    roles: accountRoles,
    agencyId: z.uuid().nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const problem = passwordMessage(input.password, { username: input.username });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type CreateUserInput = z.input<typeof createUserInput>;

/** Officers and heads of an agency must name it; checked by the command, shown by the form. */
export const agencyRequiredMessage = "Cán bộ và lãnh đạo đơn vị phải thuộc một cơ quan, đơn vị.";

/** An administrator's edit of an account (updateUser): only the fields to change. */
export const updateUserInput = z
  .object({
    displayName,
    // An empty field clears the address.
    email: z
      .union([z.literal("").transform(() => null), z.email("Địa chỉ thư điện tử không hợp lệ")])
      .nullable(),
    roles: accountRoles,
    agencyId: z.uuid().nullable(),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Không có trường nào để sửa");
export type UpdateUserInput = z.input<typeof updateUserInput>;
