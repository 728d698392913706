import type { AgencySeed } from "../../domain/agencyDirectory.ts";

/**
 * A realistic agency tree for one province (Lâm Đồng after the 2025 reorganisation), used for the
 * demo and tests. Not exhaustive: the province has 124 communes; a handful are here.
 */

const departments: [string, string, string?, string[]?][] = [
  ["vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", ["Văn phòng UBND tỉnh"]],
  ["so-noi-vu", "Sở Nội vụ"],
  ["so-tu-phap", "Sở Tư pháp"],
  ["so-tai-chinh", "Sở Tài chính"],
  ["so-cong-thuong", "Sở Công Thương", undefined, ["Sở Công thương"]],
  ["so-nn-mt", "Sở Nông nghiệp và Môi trường"],
  ["so-xay-dung", "Sở Xây dựng"],
  ["so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN"],
  ["so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"],
  ["so-y-te", "Sở Y tế"],
  ["so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"],
  ["so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo"],
  ["thanh-tra", "Thanh tra tỉnh"],
  ["ban-ql-kcn", "Ban Quản lý các khu công nghiệp tỉnh"],
  ["ttxt", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"],
  ["bao-ptth", "Báo và Phát thanh, Truyền hình tỉnh", "Báo và PT-TH tỉnh"],
  ["cong-an", "Công an tỉnh"],
  ["bchqs", "Bộ Chỉ huy Quân sự tỉnh"],
  ["thong-ke", "Thống kê tỉnh"],
];

const partyBoards: [string, string][] = [
  ["vp-tinh-uy", "Văn phòng Tỉnh ủy"],
  ["ban-to-chuc", "Ban Tổ chức Tỉnh ủy"],
  ["ban-tgdv", "Ban Tuyên giáo và Dân vận Tỉnh ủy"],
  ["ubkt", "Ủy ban Kiểm tra Tỉnh ủy"],
  ["ban-noi-chinh", "Ban Nội chính Tỉnh ủy"],
  ["dang-uy-ubnd", "Đảng ủy UBND tỉnh"],
  ["dang-uy-cong-an", "Đảng ủy Công an tỉnh"],
];

const communes: [string, string][] = [
  ["p-xuan-huong", "Phường Xuân Hương - Đà Lạt"],
  ["p-lam-vien", "Phường Lâm Viên - Đà Lạt"],
  ["p-bao-loc-1", "Phường 1 Bảo Lộc"],
  ["p-phan-thiet", "Phường Phan Thiết"],
  ["p-bac-gia-nghia", "Phường Bắc Gia Nghĩa"],
  ["x-duc-trong", "Xã Đức Trọng"],
  ["x-di-linh", "Xã Di Linh"],
  ["x-lac-duong", "Xã Lạc Dương"],
  ["dk-phu-quy", "Đặc khu Phú Quý"],
];

const universities: [string, string][] = [
  ["dh-da-lat", "Trường Đại học Đà Lạt"],
  ["dh-phan-thiet", "Trường Đại học Phan Thiết"],
];

export const lamDongAgencies: AgencySeed[] = [
  { code: "tinh-uy", name: "Tỉnh ủy Lâm Đồng", level: "province", aliases: ["Tỉnh ủy"] },
  {
    code: "ubnd-tinh",
    name: "Ủy ban nhân dân tỉnh Lâm Đồng",
    shortName: "UBND tỉnh",
    level: "province",
    aliases: ["UBND tỉnh"],
  },
  { code: "hdnd-tinh", name: "Hội đồng nhân dân tỉnh Lâm Đồng", shortName: "HĐND tỉnh", level: "province" },
  {
    code: "mttq",
    name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    shortName: "UBMTTQVN tỉnh",
    level: "province",
  },
  ...partyBoards.map(([code, name]) => ({ code, name, level: "department" as const, parent: "tinh-uy" })),
  ...departments.map(([code, name, shortName, aliases]) => ({
    code,
    name,
    shortName,
    aliases,
    level: "department" as const,
    parent: "ubnd-tinh",
  })),
  ...communes.map(([code, name]) => ({ code, name, level: "commune" as const, parent: "ubnd-tinh" })),
  ...universities.map(([code, name]) => ({ code, name, level: "other" as const })),
  {
    code: "nhom-so-ban-nganh",
    name: "Các sở, ban, ngành",
    level: "other",
    aliases: ["Các sở, ban, ngành tỉnh", "Thủ trưởng các sở, ban, ngành"],
    // The departments, boards and sectors under the provincial People's Committee (not party organs).
    group: { levels: ["department"], parents: ["ubnd-tinh"] },
  },
  {
    code: "nhom-cap-xa",
    name: "UBND cấp xã",
    level: "other",
    aliases: [
      "UBND các xã, phường, đặc khu",
      "Các xã, phường, đặc khu",
      "Ủy ban nhân dân các xã, phường, đặc khu",
    ],
    group: { levels: ["commune"] },
  },
  {
    code: "nhom-co-quan-trong-tinh",
    name: "Các cơ quan, đơn vị trong tỉnh",
    level: "other",
    group: { levels: ["province", "department", "commune"] },
  },
  {
    code: "nhom-dai-hoc",
    name: "Các Trường Đại học trên địa bàn tỉnh",
    level: "other",
    group: { members: universities.map(([code]) => code) },
  },
];
