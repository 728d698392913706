import { foldForSearch } from "./text.ts";

/**
 * The agencies every province has, by the name the law gives them (after the 2025 merger of
 * departments and of communes), without the "tỉnh …" that ends most of them. Knowing whole names
 * tells a name cut by a column edge ("Ủy ban Mặt trận" / "Tổ quốc Việt Nam tỉnh") from two names.
 * General administrative vocabulary, as in PRODUCT.md; a province's own directory adds its names
 * at import, not here.
 */
const NAMES = [
  // Departments and bodies under the provincial People's Committee.
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường",
  "Sở Xây dựng",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Văn hóa và Thể thao",
  "Sở Du lịch",
  "Sở Dân tộc và Tôn giáo",
  "Sở Ngoại vụ",
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài nguyên và Môi trường",
  "Sở Giao thông vận tải",
  "Sở Thông tin và Truyền thông",
  "Sở Lao động - Thương binh và Xã hội",
  "Thanh tra tỉnh",
  "Văn phòng Ủy ban nhân dân tỉnh",
  "Văn phòng UBND tỉnh",
  "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
  "Ban Quản lý các khu công nghiệp",
  "Ban Quản lý Khu kinh tế",
  "Ban Quản lý dự án đầu tư xây dựng",
  "Trung tâm Phục vụ hành chính công",
  "Trung tâm Kiểm soát bệnh tật",
  "Trung tâm Xúc tiến đầu tư, thương mại và du lịch",
  "Văn phòng Đăng ký đất đai",
  "Trường Chính trị",
  "Đài Phát thanh và Truyền hình",
  "Báo và Phát thanh, Truyền hình",
  // Armed forces and central bodies in the province.
  "Công an tỉnh",
  "Bộ Chỉ huy Quân sự",
  "Bộ Chỉ huy Bộ đội Biên phòng",
  "Kho bạc Nhà nước",
  "Ngân hàng Nhà nước",
  "Bảo hiểm xã hội",
  "Cục Thuế",
  "Thuế tỉnh",
  "Cục Hải quan",
  "Chi cục Hải quan",
  "Cục Thống kê",
  "Thống kê tỉnh",
  "Tòa án nhân dân",
  "Viện Kiểm sát nhân dân",
  "Cảng vụ Hàng hải",
  // The Party, the Front and the mass organisations.
  "Văn phòng Tỉnh ủy",
  "Ban Tổ chức Tỉnh ủy",
  "Ban Tuyên giáo và Dân vận Tỉnh ủy",
  "Ban Nội chính Tỉnh ủy",
  "Ban Chính sách, chiến lược Tỉnh ủy",
  "Ủy ban Kiểm tra Tỉnh ủy",
  "Ủy ban Mặt trận Tổ quốc Việt Nam",
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Hội Liên hiệp Phụ nữ",
  "Hội Nông dân",
  "Hội Cựu chiến binh",
  "Hội Chữ thập đỏ",
  "Liên đoàn Lao động",
  "Liên minh Hợp tác xã",
  "Liên hiệp các Hội Khoa học và Kỹ thuật",
  "Hiệp hội Doanh nghiệp",
  "Tỉnh Đoàn",
  "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
];

const words = (s: string) => foldForSearch(s).replace(/[,;.]/g, " ").split(/\s+/).filter(Boolean);

const KNOWN = NAMES.map(words);

function startsWith(whole: string[], part: string[]): boolean {
  return part.length <= whole.length && part.every((w, i) => whole[i] === w);
}

/**
 * True when `name` is the start of a known agency's name but stops short of it: "Ủy ban Mặt
 * trận", "Sở Nông nghiệp và", "Ban Quản lý các khu". A head noun alone is not counted: it says
 * nothing about where the name was cut.
 */
export function isCutAgencyName(name: string): boolean {
  const part = words(name);
  if (part.length < 2) return false;
  let prefixOfLonger = false;
  for (const known of KNOWN) {
    if (startsWith(part, known)) return false;
    if (part.length < known.length && startsWith(known, part)) prefixOfLonger = true;
  }
  return prefixOfLonger;
}

/** True when `name` opens with the whole of a known agency's name ("Công an tỉnh", "Sở Y tế"). */
export function opensWithKnownAgency(name: string): boolean {
  const part = words(name);
  return KNOWN.some((known) => startsWith(part, known));
}

/** Words that may follow a whole name in lower case: where the body sits, or which ones. */
const AFTER_NAME = /^(tinh|thanh pho|huyen|xa|phuong|dac khu|cac|cap|trung uong|khu vuc|chi nhanh|va)\b/;

/**
 * True when a whole known name runs on into lower-case words that are no part of a name: "Sở Xây
 * dựng kinh phí" is the name and the next cell's text. Proper names after it are capitalised
 * ("Tỉnh Đoàn Quảng Ngãi"), places and groups are not ("… tỉnh", "… các xã").
 */
export function runsPastKnownAgency(name: string): boolean {
  const original = name.replace(/[,;.]/g, " ").split(/\s+/).filter(Boolean);
  const part = words(name);
  let longest = 0;
  for (const known of KNOWN) if (known.length > longest && startsWith(part, known)) longest = known.length;
  if (longest === 0 || longest >= part.length) return false;
  const next = original[longest] ?? "";
  return /^\p{Ll}/u.test(next) && !AFTER_NAME.test(part.slice(longest).join(" "));
}
