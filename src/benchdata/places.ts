/**
 * The country as the data set draws it: the 34 provinces after the 2025 reorganisation with
 * roughly their commune counts (scaled to the total a scale asks for), the departments every
 * province has beyond the demo tree, the central ministries and bodies, and the syllables
 * generated commune names are made of.
 */

export interface Province {
  code: string;
  name: string;
  /** Centrally-run cities say "thành phố" and "Thành ủy" where provinces say "tỉnh" and "Tỉnh ủy". */
  city: boolean;
  communes: number;
  domain: string;
}

const province = (code: string, name: string, communes: number, city = false): Province => ({
  code,
  name,
  city,
  communes,
  domain: `${code.replace(/-/g, "")}.gov.vn`,
});

export const provinces: Province[] = [
  province("lam-dong", "Lâm Đồng", 124),
  province("ha-noi", "Hà Nội", 126, true),
  province("ho-chi-minh", "Hồ Chí Minh", 168, true),
  province("hai-phong", "Hải Phòng", 114, true),
  province("da-nang", "Đà Nẵng", 94, true),
  province("hue", "Huế", 40, true),
  province("can-tho", "Cần Thơ", 103, true),
  province("cao-bang", "Cao Bằng", 56),
  province("dien-bien", "Điện Biên", 45),
  province("lai-chau", "Lai Châu", 38),
  province("son-la", "Sơn La", 75),
  province("lang-son", "Lạng Sơn", 65),
  province("quang-ninh", "Quảng Ninh", 54),
  province("thanh-hoa", "Thanh Hóa", 166),
  province("nghe-an", "Nghệ An", 130),
  province("ha-tinh", "Hà Tĩnh", 69),
  province("tuyen-quang", "Tuyên Quang", 124),
  province("lao-cai", "Lào Cai", 99),
  province("thai-nguyen", "Thái Nguyên", 92),
  province("phu-tho", "Phú Thọ", 148),
  province("bac-ninh", "Bắc Ninh", 99),
  province("hung-yen", "Hưng Yên", 104),
  province("ninh-binh", "Ninh Bình", 129),
  province("quang-tri", "Quảng Trị", 78),
  province("quang-ngai", "Quảng Ngãi", 96),
  province("gia-lai", "Gia Lai", 135),
  province("khanh-hoa", "Khánh Hòa", 65),
  province("dak-lak", "Đắk Lắk", 102),
  province("dong-nai", "Đồng Nai", 95),
  province("tay-ninh", "Tây Ninh", 96),
  province("vinh-long", "Vĩnh Long", 124),
  province("dong-thap", "Đồng Tháp", 102),
  province("ca-mau", "Cà Mau", 64),
  province("an-giang", "An Giang", 102),
];

/**
 * Commune counts for the first `count` provinces summing exactly to `total`, in proportion to
 * the real counts (largest remainder), so a scale's total holds whatever it is.
 */
export function communeCounts(count: number, total: number): number[] {
  const chosen = provinces.slice(0, count);
  const weight = chosen.reduce((sum, p) => sum + p.communes, 0);
  const exact = chosen.map((p) => (p.communes * total) / weight);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/** Departments under the provincial People's Committee beyond the demo tree's nineteen. */
export const extraDepartments: [string, string, string?][] = [
  ["ttphvhcc", "Trung tâm Phục vụ hành chính công tỉnh"],
  ["trung-tam-cds", "Trung tâm Chuyển đổi số tỉnh"],
  ["quy-khcn", "Quỹ Phát triển khoa học và công nghệ tỉnh"],
  ["dai-khi-tuong", "Đài Khí tượng Thủy văn tỉnh"],
  ["truong-chinh-tri", "Trường Chính trị tỉnh"],
  ["thue", "Thuế tỉnh"],
  ["bhxh", "Bảo hiểm xã hội tỉnh", "BHXH tỉnh"],
  ["kho-bac", "Kho bạc Nhà nước khu vực"],
  ["nhnn", "Ngân hàng Nhà nước chi nhánh khu vực"],
  ["hai-quan", "Chi cục Hải quan khu vực"],
  ["bqlda-dan-dung", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"],
  ["bqlda-giao-thong", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"],
  ["vks", "Viện Kiểm sát nhân dân tỉnh"],
  ["toa-an", "Tòa án nhân dân tỉnh"],
  ["lhh-khkt", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"],
];

/** The central level: the standing office, the government and thirty ministries and central bodies. */
export const ministries: [string, string][] = [
  ["bo-cong-an", "Bộ Công an"],
  ["bo-quoc-phong", "Bộ Quốc phòng"],
  ["bo-ngoai-giao", "Bộ Ngoại giao"],
  ["bo-noi-vu", "Bộ Nội vụ"],
  ["bo-tu-phap", "Bộ Tư pháp"],
  ["bo-tai-chinh", "Bộ Tài chính"],
  ["bo-cong-thuong", "Bộ Công Thương"],
  ["bo-nn-mt", "Bộ Nông nghiệp và Môi trường"],
  ["bo-xay-dung", "Bộ Xây dựng"],
  ["bo-vhttdl", "Bộ Văn hóa, Thể thao và Du lịch"],
  ["bo-khcn", "Bộ Khoa học và Công nghệ"],
  ["bo-gddt", "Bộ Giáo dục và Đào tạo"],
  ["bo-y-te", "Bộ Y tế"],
  ["bo-dan-toc-ton-giao", "Bộ Dân tộc và Tôn giáo"],
  ["nhnn-vn", "Ngân hàng Nhà nước Việt Nam"],
  ["thanh-tra-cp", "Thanh tra Chính phủ"],
  ["vpcp", "Văn phòng Chính phủ"],
  ["vtv", "Đài Truyền hình Việt Nam"],
  ["vov", "Đài Tiếng nói Việt Nam"],
  ["ttxvn", "Thông tấn xã Việt Nam"],
  ["vast", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"],
  ["vass", "Viện Hàn lâm Khoa học xã hội Việt Nam"],
  ["dhqg-hn", "Đại học Quốc gia Hà Nội"],
  ["dhqg-hcm", "Đại học Quốc gia Thành phố Hồ Chí Minh"],
  ["ban-to-chuc-tw", "Ban Tổ chức Trung ương"],
  ["ban-tgdv-tw", "Ban Tuyên giáo và Dân vận Trung ương"],
  ["ban-chinh-sach-tw", "Ban Chính sách, chiến lược Trung ương"],
  ["ubkt-tw", "Ủy ban Kiểm tra Trung ương"],
  ["kiem-toan", "Kiểm toán nhà nước"],
  ["bhxh-vn", "Bảo hiểm xã hội Việt Nam"],
];

export const communeFirst = [
  "Tân",
  "Hòa",
  "Phú",
  "An",
  "Bình",
  "Thạnh",
  "Long",
  "Phước",
  "Vĩnh",
  "Mỹ",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Xuân",
  "Hưng",
  "Quảng",
  "Thuận",
  "Thanh",
  "Đức",
  "Minh",
  "Ngọc",
  "Hồng",
  "Kim",
  "Cát",
  "Hải",
  "Sơn",
  "Lộc",
  "Gia",
  "Đại",
  "Thái",
  "Lạc",
  "Tiên",
  "Hiệp",
  "Vạn",
  "Bảo",
  "Quang",
  "Châu",
  "Yên",
];

export const communeSecond = [
  "Phú",
  "Hòa",
  "An",
  "Bình",
  "Thành",
  "Lợi",
  "Hưng",
  "Thịnh",
  "Lộc",
  "Phước",
  "Long",
  "Sơn",
  "Hải",
  "Lâm",
  "Điền",
  "Mỹ",
  "Thuận",
  "Tiến",
  "Phong",
  "Trung",
  "Nghĩa",
  "Lạc",
  "Xuân",
  "Quý",
  "Hiệp",
  "Khánh",
  "Định",
  "Tân",
  "Đông",
  "Tây",
];

/** Family, middle and given names for staff accounts. */
export const familyNames = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
export const middleNames = [
  "Văn",
  "Thị",
  "Đức",
  "Minh",
  "Thanh",
  "Quốc",
  "Hữu",
  "Ngọc",
  "Thu",
  "Kim",
  "Xuân",
];
export const givenNames = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hà",
  "Hải",
  "Hạnh",
  "Hòa",
  "Hùng",
  "Hương",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phong",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Thủy",
  "Trang",
  "Tuấn",
  "Việt",
  "Yến",
  "Khoa",
  "Duyên",
  "Trung",
];
