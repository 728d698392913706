/**
 * What each audit action means, in the words the administrators' screen and the export show.
 * An action not listed (a new command's) is shown by its code; the code is what is stored.
 */
export const auditActionLabels: Record<string, string> = {
  "access.denied": "Bị từ chối truy cập",
  "session.login": "Đăng nhập",
  "session.login_failed": "Đăng nhập không thành công",
  "session.logout": "Đăng xuất",
  "user.create": "Cấp tài khoản",
  "user.disable": "Khóa tài khoản",
  "user.enable": "Mở khóa tài khoản",
  "user.update": "Sửa tài khoản",
  "user.deleted": "Xóa tài khoản",
  "user.restored": "Khôi phục tài khoản",
  "agency.create": "Thêm cơ quan, đơn vị",
  "agency.update": "Sửa cơ quan, đơn vị",
  "agency.upsert_tree": "Nhập danh mục cơ quan, đơn vị",
  "agency.alias_add": "Thêm tên gọi khác của cơ quan",
  "agency.alias_remove": "Xóa tên gọi khác của cơ quan",
  "import.create": "Tải lên văn bản",
  "import.update": "Sửa kết quả trích xuất",
  "import.commit": "Lưu văn bản thành kế hoạch",
  "import.discard": "Hủy bản tải lên",
  "plan.create_from_extraction": "Tạo kế hoạch từ văn bản",
  "plan.update_from_extraction": "Cập nhật kế hoạch từ văn bản",
  "plan.update": "Sửa kế hoạch",
  "plan.deleted": "Xóa kế hoạch",
  "plan.restored": "Khôi phục kế hoạch",
  "task.create": "Thêm nhiệm vụ",
  "task.update": "Sửa nhiệm vụ",
  "task.deleted": "Xóa nhiệm vụ",
  "task.restored": "Khôi phục nhiệm vụ",
  "task.lead_mapped": "Giao cơ quan chủ trì cho nhiệm vụ chưa giao được",
  "report.submit": "Gửi báo cáo",
  "report.approve": "Duyệt báo cáo",
  "report.return": "Trả lại báo cáo",
  "report.head_approve": "Thủ trưởng duyệt báo cáo",
  "report.head_return": "Thủ trưởng trả lại báo cáo",
  "report.reopen": "Mở lại báo cáo",
  "deadline_change.request": "Đề nghị điều chỉnh thời hạn",
  "deadline_change.approve": "Đồng ý điều chỉnh thời hạn",
  "deadline_change.refuse": "Không đồng ý điều chỉnh thời hạn",
  "directive_comment.add": "Cho ý kiến chỉ đạo",
  "notification.read": "Đánh dấu đã đọc thông báo",
  "ranking.settings_saved": "Lưu cách tính điểm xếp hạng",
};

export const auditActionLabel = (action: string) => auditActionLabels[action] ?? action;

/** What the rows are about, by the entity types the commands write. */
export const auditEntityLabels: Record<string, string> = {
  agency: "Cơ quan, đơn vị",
  assignment: "Phân công",
  deadline_change: "Điều chỉnh thời hạn",
  directive_comment: "Ý kiến chỉ đạo",
  evidence: "Minh chứng",
  import: "Văn bản tải lên",
  notification: "Thông báo",
  operation: "Chức năng",
  plan: "Kế hoạch",
  progress_report: "Báo cáo tiến độ",
  task: "Nhiệm vụ",
  user: "Tài khoản",
};

/** Names of the fields audit rows often carry; others are shown by their code. */
export const auditFieldLabels: Record<string, string> = {
  operationId: "Chức năng (API)",
  method: "Phương thức",
  route: "Đường dẫn",
  params: "Tham số",
  reason: "Lý do từ chối",
  state: "Trạng thái",
  version: "Phiên bản",
  comment: "Ý kiến",
  disabled: "Bị khóa",
  name: "Tên",
  shortName: "Tên viết tắt",
  level: "Cấp",
  parentId: "Cơ quan cấp trên",
  title: "Tên nhiệm vụ",
  dueOn: "Thời hạn",
};
