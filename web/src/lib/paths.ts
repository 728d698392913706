/** Paths are Vietnamese without diacritics, so that shared links read naturally. */
export const paths = {
  login: "/dang-nhap",
  plans: "/ke-hoach",
  plan: (planId: string) => `/ke-hoach/${encodeURIComponent(planId)}`,
  task: (taskId: string) => `/nhiem-vu/${encodeURIComponent(taskId)}`,
  /** The province's task list, filtered by what the URL says (a dashboard figure's rows). */
  tasks: "/nhiem-vu",
  dashboard: "/tong-quan",
  myTasks: "/cua-toi",
  reviews: "/duyet-bao-cao",
  imports: "/nhap-van-ban",
  importPreview: (importId: string) => `/nhap-van-ban/${encodeURIComponent(importId)}`,
  agencies: "/co-quan",
  users: "/tai-khoan",
  changePassword: "/doi-mat-khau",
  accountSecurity: "/bao-mat-tai-khoan",
  securitySettings: "/cai-dat-bao-mat",
  audit: "/nhat-ky",
  atRisk: "/canh-bao",
  ranking: "/xep-hang",
};

/** Where to go after login: only a path inside this app, never another site; else the start page. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith(paths.login)) return "/";
  return next;
}
