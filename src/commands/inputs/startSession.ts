// What the login form sends (startSession). It imports nothing of the server: the web form validates with
// this same schema and shows the same Vietnamese messages.
import { z } from "zod";

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1, "Cần nhập tên đăng nhập").max(64),
  password: z.string().min(1, "Cần nhập mật khẩu").max(200),
});
export type LoginInput = z.infer<typeof loginInput>;
