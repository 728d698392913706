import { loadDemoExtraction } from "../cli/demo.ts";
import { deadlineKinds } from "../domain/deadline.ts";
import type { ExtractedTask } from "../ingest/extraction.ts";

/**
 * The words of the data set: task titles, outputs and section titles come from the real plans
 * in fixtures/plans (so searches and screens read like the users' documents); the rest (report
 * narratives, reviewers' comments, reasons) are the phrases such reports carry.
 */

export interface FixtureMaterial {
  /** Real tasks by section numeral; section-less tasks (a Công văn's flat list) under "". */
  tasksBySection: Map<string, ExtractedTask[]>;
  allTasks: ExtractedTask[];
  /** I…VIII and their titles, in order. */
  sections: { numeral: string; title: string; weight: number }[];
  /** How many fixture tasks have each deadline kind, plus one so that no kind is absent. */
  kindWeights: number[];
  outputs: string[];
  sources: string[];
}

const FIXTURES = ["lam-dong-3450-kh-ubnd", "lam-dong-1535-cv-tu"];

let cached: FixtureMaterial | undefined;

/** Reads the fixtures once; their order is fixed, so the material is the same on every run. */
export function fixtureMaterial(): FixtureMaterial {
  if (cached) return cached;
  const allTasks = FIXTURES.flatMap((name) => loadDemoExtraction(name).tasks);
  const tasksBySection = new Map<string, ExtractedTask[]>();
  const sectionTitles = new Map<string, string>();
  for (const task of allTasks) {
    const key = task.section ?? "";
    if (!tasksBySection.has(key)) tasksBySection.set(key, []);
    tasksBySection.get(key)!.push(task);
    if (task.section && task.sectionTitle) sectionTitles.set(task.section, task.sectionTitle);
  }
  const sections = [...sectionTitles].map(([numeral, title]) => ({
    numeral,
    title,
    weight: tasksBySection.get(numeral)!.length,
  }));
  // Laplace smoothing: the fixtures have no "year" deadline, but the status rules know it, so
  // the data set keeps a few.
  const kindWeights = deadlineKinds.map(
    (kind) => 1 + allTasks.filter((t) => t.deadline.kind === kind).length,
  );
  const outputs = [...new Set(allTasks.map((t) => t.output).filter((o) => o && o.length <= 160))];
  const sources = [...new Set(allTasks.flatMap((t) => t.sources))];
  cached = { tasksBySection, allTasks, sections, kindWeights, outputs, sources };
  return cached;
}

/** Added to a real title so that one fixture task yields many distinct, searchable tasks. */
export const titleSuffixes = [
  "trong lĩnh vực y tế",
  "trong lĩnh vực giáo dục và đào tạo",
  "trong lĩnh vực nông nghiệp",
  "trong lĩnh vực du lịch",
  "trong lĩnh vực giao thông vận tải",
  "trong lĩnh vực tài nguyên và môi trường",
  "trong lĩnh vực tư pháp",
  "trong lĩnh vực lao động, việc làm",
  "đối với khu vực doanh nghiệp nhỏ và vừa",
  "tại các xã vùng sâu, vùng xa",
  "tại khu vực đô thị",
  "gắn với cải cách thủ tục hành chính",
  "gắn với phát triển kinh tế số",
  "gắn với bảo đảm an toàn thông tin",
  "phục vụ chính quyền số cấp xã",
  "giai đoạn 2026 - 2030",
  "đợt 1",
  "đợt 2",
  "(bổ sung)",
  "",
];

export const narratives = [
  "Đã ban hành văn bản triển khai thực hiện; phân công cán bộ đầu mối theo dõi.",
  "Đã tổ chức hội nghị quán triệt, triển khai đến toàn thể cán bộ, công chức.",
  "Đang phối hợp với các cơ quan liên quan xây dựng dự thảo, lấy ý kiến góp ý.",
  "Đã hoàn thành dự thảo, đang tổng hợp ý kiến góp ý của các sở, ngành, địa phương.",
  "Đã trình cấp có thẩm quyền xem xét, phê duyệt.",
  "Đang triển khai theo kế hoạch; khối lượng công việc đạt khoảng một nửa.",
  "Đã rà soát hiện trạng, xác định danh mục công việc cần thực hiện.",
  "Đã số hóa hồ sơ, tài liệu theo lộ trình; tiếp tục cập nhật dữ liệu.",
  "Hệ thống đã vận hành thử nghiệm, đang khắc phục các lỗi phát sinh.",
  "Đã tập huấn cho cán bộ phụ trách chuyển đổi số tại đơn vị.",
  "Thực hiện thường xuyên theo chức năng, nhiệm vụ; cập nhật số liệu định kỳ.",
  "Tiếp tục triển khai; đã kết nối, chia sẻ dữ liệu với hệ thống dùng chung của tỉnh.",
  "Đã lựa chọn đơn vị tư vấn, đang khảo sát lập hồ sơ thiết kế.",
  "Đã bố trí kinh phí, đang tổ chức lựa chọn nhà thầu.",
  "Đã tuyên truyền trên cổng thông tin điện tử và các nền tảng mạng xã hội.",
  "Đã phối hợp kiểm tra, đánh giá an toàn thông tin các hệ thống thuộc phạm vi quản lý.",
];

export const completionNarratives = [
  "Đã hoàn thành nhiệm vụ; sản phẩm đã được ban hành và gửi các cơ quan liên quan.",
  "Hoàn thành nhiệm vụ theo yêu cầu; kèm theo văn bản ban hành làm minh chứng.",
  "Đã hoàn thành và đưa vào vận hành chính thức.",
  "Hoàn thành; đề nghị cơ quan thường trực xác nhận kết quả.",
];

export const difficulties = [
  "Kinh phí bố trí chưa đáp ứng yêu cầu thực hiện.",
  "Nhân lực chuyên trách về công nghệ thông tin, chuyển đổi số còn thiếu.",
  "Hạ tầng mạng tại một số xã vùng sâu, vùng xa chưa bảo đảm.",
  "Chưa có hướng dẫn cụ thể của bộ, ngành Trung ương.",
  "Thủ tục đầu tư, mua sắm kéo dài.",
  "Dữ liệu phân tán, chưa được chuẩn hóa nên khó kết nối, chia sẻ.",
  "Sau sắp xếp tổ chức bộ máy, việc bàn giao hồ sơ còn chậm.",
];

export const proposals = [
  "Đề nghị Sở Tài chính tham mưu bố trí kinh phí thực hiện.",
  "Đề nghị UBND tỉnh xem xét gia hạn thời gian thực hiện.",
  "Đề nghị Trung ương sớm ban hành văn bản hướng dẫn.",
  "Đề nghị Sở Khoa học và Công nghệ hỗ trợ kỹ thuật.",
  "Đề nghị tổ chức tập huấn chuyên sâu cho cán bộ cấp xã.",
];

export const returnComments = [
  "Báo cáo chưa nêu rõ kết quả cụ thể; đề nghị bổ sung số liệu.",
  "Minh chứng chưa đầy đủ; đề nghị bổ sung văn bản ban hành.",
  "Sản phẩm chưa đáp ứng yêu cầu của nhiệm vụ; đề nghị hoàn thiện.",
  "Tỷ lệ hoàn thành chưa phù hợp với kết quả báo cáo; đề nghị rà soát lại.",
  "Đề nghị đính kèm văn bản của cấp có thẩm quyền phê duyệt.",
];

export const approveComments = ["", "", "", "Đồng ý.", "Ghi nhận kết quả.", "Đồng ý; tiếp tục theo dõi."];

export const reopenReasons = [
  "Phát hiện số liệu báo cáo chưa chính xác; mở lại để đơn vị điều chỉnh.",
  "Theo đề nghị của đơn vị, mở lại để bổ sung minh chứng.",
  "Kết quả chưa được cấp có thẩm quyền công nhận; mở lại để báo cáo bổ sung.",
];

export const deadlineReasons = [
  "Chờ hướng dẫn của bộ, ngành Trung ương.",
  "Nhiệm vụ phụ thuộc tiến độ bố trí vốn.",
  "Cần thêm thời gian lấy ý kiến các sở, ngành, địa phương.",
  "Thay đổi tổ chức bộ máy sau sắp xếp đơn vị hành chính.",
  "Khối lượng công việc lớn, cần thêm thời gian hoàn thiện sản phẩm.",
];

export const refuseComments = [
  "Không đồng ý; nhiệm vụ cần hoàn thành đúng thời hạn theo chỉ đạo.",
  "Lý do chưa thuyết phục; đề nghị tập trung thực hiện.",
  "Thời hạn đề nghị quá dài so với yêu cầu; đề nghị xây dựng lại lộ trình.",
];

export const approveDeadlineComments = [
  "",
  "Đồng ý điều chỉnh thời hạn.",
  "Đồng ý; đề nghị hoàn thành đúng thời hạn mới.",
];

export const unspecifiedTexts = [
  "Theo lộ trình được phê duyệt",
  "Theo lộ trình của Trung ương",
  "Theo tiến độ",
];
export const recurringTexts = ["Thường xuyên", "Thường xuyên và định kỳ", "(nhiệm vụ thường xuyên)"];
