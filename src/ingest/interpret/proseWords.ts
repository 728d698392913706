import { phraseSet, wordKey } from "./proseText.ts";

const words = (list: string): string[] => list.split("|");

/**
 * Word lists the prose interpreter reads sentences with. Vietnamese directives name the agency
 * first and the work after it ("Giao Sở Tài chính chủ trì, phối hợp với … tham mưu …"), with no
 * punctuation between the two; the agency ends where the first verb of the work begins. Agency
 * names are capitalised but may hold lower-case words ("Sở Khoa học và Công nghệ", "các cơ quan,
 * đơn vị trong tỉnh"), so only lower-case words from WORK_START end a name.
 */

/** Verbs that open an assignment: "Giao X …", "Đề nghị X …", "Ban Thường vụ yêu cầu X …". */
export const ASSIGN = phraseSet(["giao", "giao cho", "đề nghị", "yêu cầu", "phân công", "chỉ định"]);

/** Verbs and adverbs that begin the work after an agency name. */
export const WORK_START = phraseSet(
  words(
    "giao|đề nghị|yêu cầu|chủ trì|phối hợp|tham mưu|xây dựng|triển khai|tổ chức|rà soát|hướng dẫn|" +
      "chỉ đạo|lãnh đạo|theo dõi|đôn đốc|nghiên cứu|khẩn trương|chủ động|tiếp tục|thực hiện|báo cáo|" +
      "hoàn thành|hoàn thiện|hoàn chỉnh|đẩy mạnh|tăng cường|kiểm tra|đánh giá|bố trí|ban hành|trình|" +
      "cập nhật|bảo đảm|đảm bảo|quán triệt|tuyên truyền|nâng cấp|nâng cao|tổng hợp|ưu tiên|kịp thời|sớm|" +
      "thường xuyên|định kỳ|có trách nhiệm|chịu trách nhiệm|có ý kiến|nghiêm túc|quyết liệt|tập trung|" +
      "cung cấp|lựa chọn|đề xuất|phát động|chuẩn bị|thẩm định|phê duyệt|số hóa|kết nối|vận hành|duy trì|" +
      "mua sắm|đầu tư|giám sát|khắc phục|ứng dụng|phát triển|thúc đẩy|huy động|soạn thảo|dự thảo|góp ý|" +
      "thống nhất|làm việc|làm rõ|làm đầu mối|là cơ quan|là đầu mối|lập|điều chỉnh|sửa đổi|bổ sung|" +
      "hỗ trợ|gửi|xem xét|trực tiếp|khảo sát|tiếp nhận|công bố|phân bổ|tập huấn|đào tạo|bồi dưỡng|" +
      "căn cứ|theo|trong phạm vi|trong quá trình|trong thời gian|trong tháng|trong quý|trong năm|trước|" +
      "chậm nhất|hằng|hàng năm|hàng quý|hàng tháng|giúp|xử lý|giải quyết|cử|chia sẻ|tích hợp|đồng bộ|" +
      "sắp xếp|vận động|đăng ký|đăng tải|tiếp thu|kiện toàn|thành lập|phổ biến|nhân rộng|tổng kết|" +
      "sơ kết|chuẩn hóa|làm sạch|tạo lập|xác định|lồng ghép|phấn đấu|quan tâm|áp dụng|mở rộng|bám sát|" +
      "cụ thể hóa|tham gia|để|nhằm|từng bước|khẩn|tăng|đưa|nắm|rà|ký|trang bị|kiểm soát|đề ra|thống kê|" +
      "chấn chỉnh|tiến hành|thẩm tra|dứt điểm|nghiêm|thông qua|diễn tập|nghiệm thu|bàn giao|khai thác|thu hồi|" +
      "xóa|xóa bỏ|loại bỏ|cắt giảm|đơn giản hóa|công khai|rút ngắn|nâng|cần|phải|cần phải|với vai trò|" +
      "với tư cách|được giao|đẩy nhanh|nhanh chóng|giải ngân|hoàn tất|khởi công|lắp đặt|thiết lập|ký kết|nộp",
  ),
);

/** Words after a subject that make the sentence a report on the past, not an assignment. */
export const DESCRIPTIVE = phraseSet(
  words(
    "đã|đang|chưa|vẫn|còn|được|cơ bản|bước đầu|luôn|thông báo|đánh giá cao|ghi nhận|biểu dương|" +
      "nhất trí|thống nhất với|kết luận|trình bày|phát biểu|cho biết|báo cáo tại|báo cáo về|có ý kiến|" +
      "sao gửi|kính gửi|kính báo cáo|chủ trì hội nghị|chủ trì phiên họp|chủ trì cuộc họp|" +
      "tổ chức phiên họp|tổ chức hội nghị đánh giá|thống nhất chủ trương|thống nhất thông qua|đồng ý|" +
      "chấp thuận|cơ bản thống nhất",
  ),
);

/** Openings of a conclusion's appraisal ("Ghi nhận, biểu dương những kết quả …"). */
export const APPRAISAL = phraseSet(
  words(
    "ghi nhận|biểu dương|đánh giá cao|nhất trí|cơ bản nhất trí|cơ bản thống nhất|thống nhất với|" +
      "hoan nghênh|chúc mừng|trân trọng",
  ),
);

/** What follows an agency in an assignment that is unmistakably one. */
export const STRONG_ROLE = phraseSet(
  words(
    "chủ trì|có trách nhiệm|chịu trách nhiệm|làm đầu mối|là cơ quan đầu mối|là cơ quan thường trực|" +
      "là đầu mối",
  ),
);

/** Agency names that may continue in lower case ("Công an tỉnh", "Ủy ban nhân dân các xã"). */
export const AGENCY_HEADS = phraseSet(
  words(
    "công an|ủy ban nhân dân|ubnd|hđnd|hội đồng nhân dân|ủy ban mặt trận|ủy ban mttq|ubmttq|ubmttqvn|" +
      "mặt trận tổ quốc|mttq|bộ chỉ huy|bộ đội biên phòng|đảng ủy|đảng đoàn|đảng bộ|ban cán sự|" +
      "ban thường vụ|ban chỉ đạo|bch|bcđ|thường trực|tỉnh ủy|thành ủy|huyện ủy|tỉnh đoàn|thành đoàn|" +
      "cơ quan|kho bạc|bảo hiểm xã hội|thống kê tỉnh|thanh tra tỉnh|liên hiệp các hội|" +
      "liên đoàn lao động|cục thuế|thuế tỉnh|báo và phát thanh|đài phát thanh|tổ công tác|tổ giúp việc|" +
      "đoàn thanh niên|đoàn đại biểu|hội liên hiệp|hội nông dân|hội cựu chiến binh|viện kiểm sát|tòa án|" +
      "đồng chí|lực lượng|ubnd cấp xã|đảng ủy cấp xã|các cấp ủy|cấp ủy",
  ),
);

/** Heads that are agencies only before a capitalised word: "Sở Tài chính", not "Ban hành". */
export const CAPITAL_HEADS = phraseSet(
  words(
    "sở|ban|bộ|cục|chi cục|viện|học viện|trường|hội|báo|đài|tổ|đoàn|quỹ|tòa|công ty|tổng công ty|" +
      "tập đoàn|bệnh viện|đại học|nhà xuất bản|cảng vụ|bưu điện|liên minh|hiệp hội|tạp chí|ủy ban|" +
      "văn phòng|trung tâm|ngân hàng|hội đồng|liên hiệp|liên đoàn",
  ),
);

/** Nouns that make "các …" or "những …" a group of agencies rather than a list of things. */
export const GROUP_NOUNS = phraseSet(
  words(
    "sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương|xã|phường|đặc khu|huyện|tỉnh|tổ chức|doanh nghiệp|" +
      "trường|cấp ủy|đảng ủy|đảng bộ|chi bộ|đồng chí|thành viên|hội|cơ sở|bệnh viện|ủy ban|lực lượng|" +
      "đoàn thể|viện|trung tâm|ban quản lý|nhà mạng|chủ đầu tư|ngân hàng|tập đoàn|công ty|cấp|sở, ban|" +
      "sở, ngành|cơ quan, đơn vị|đại học|học viện|văn phòng|chính quyền|thôn|tổ dân phố|ubnd|hợp tác xã",
  ),
);

/** Titles naming the person who answers for an agency ("Giám đốc Sở …", "Chủ tịch UBND …"). */
export const TITLES = phraseSet(
  words(
    "giám đốc|phó giám đốc|tổng giám đốc|chủ tịch|phó chủ tịch|bí thư|phó bí thư|thủ trưởng|" +
      "người đứng đầu|chánh|trưởng|phó trưởng|hiệu trưởng|viện trưởng|cục trưởng|chi cục trưởng|" +
      "chỉ huy trưởng|tổng biên tập|chánh án|lãnh đạo",
  ),
);

/**
 * Syllables that, alone, do not describe any work ("khẩn trương triển khai thực hiện./."). Tone
 * marks are kept: "báo cáo kết quả" is work although "thông báo", "nâng cao", "kết luận" and
 * "hiệu quả" are in the list.
 */
export const VACUOUS_SYLLABLES = new Set(
  (
    "triển khai thực hiện nghiêm túc khẩn trương tổ chức các nội dung sau trên nêu này theo quy định " +
    "có hiệu quả kịp thời biết để và chỉ đạo tinh thần công văn thông báo kết luận kế hoạch đầy đủ " +
    "đồng bộ quyết liệt xin ý kiến phối hợp cùng liên quan tập trung chủ động cao đối với về những " +
    "nhiệm vụ được giao tại ban bản yêu cầu này sau đây tốt thời gian tới nghiêm tiếp tục"
  )
    .split(" ")
    .map(wordKey),
);
