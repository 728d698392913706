import { describe, expect, it } from "vitest";
import { gapTables } from "./gapTables.ts";
import { paragraphs } from "./paragraphs.ts";
import type { TextItem } from "./types.ts";

/** Borderless tables as LibreOffice sets narrow HTML columns: 11 pt text, cells centred in rows. */

const item = (str: string, x: number, y: number, width = str.length * 5.5, bold = false): TextItem => ({
  str,
  x,
  y,
  width,
  size: 11,
  bold,
});

const header = [
  item("TT", 40, 100, 11, true),
  item("Nội dung", 80, 100, 44, true),
  item("Chủ trì", 200, 100, 38.5, true),
  item("Phối hợp", 270, 100, 44, true),
  item("Thời hạn", 350, 100, 44, true),
];

const texts = (items: TextItem[]) => {
  const { tables } = gapTables(items, 1);
  const block = tables[0]?.block;
  return block?.kind === "table" ? block.rows.map((row) => row.cells.map((cell) => cell.text)) : [];
};

describe("borderless tables with narrow columns", () => {
  it("rebuilds wrapped cells of rows set apart by padding, row numbers centred in the row", () => {
    const items = [
      ...header,
      item("Rà soát, đánh giá tổng thể về", 80, 130, 117),
      item("Công an", 200, 130, 38),
      item("Sở Khoa học và", 270, 130, 75),
      item("1", 40, 143, 5.5),
      item("an ninh mạng của các cơ sở", 80, 143, 108),
      item("tỉnh", 200, 143, 18),
      item("Công nghệ; các", 270, 143, 75),
      item("Quý III/2026", 350, 143, 60),
      item("dữ liệu do tỉnh quản lý", 80, 156, 90),
      item("cơ quan, đơn vị", 270, 156, 72),
      item("Tổng hợp, báo cáo kết quả", 80, 182, 110),
      item("2", 40, 188.5, 5.5),
      item("Sở Nội vụ", 200, 188.5, 50),
      item("Các sở, ngành", 270, 188.5, 70),
      item("15/12/2026", 350, 188.5, 55),
      item("thực hiện Kế hoạch", 80, 195, 80),
    ];
    expect(texts(items)).toEqual([
      ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"],
      [
        "1",
        "Rà soát, đánh giá tổng thể về an ninh mạng của các cơ sở dữ liệu do tỉnh quản lý",
        "Công an tỉnh",
        "Sở Khoa học và Công nghệ; các cơ quan, đơn vị",
        "Quý III/2026",
      ],
      ["2", "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch", "Sở Nội vụ", "Các sở, ngành", "15/12/2026"],
    ]);
  });

  it("starts rows at their numbers where rows are not set apart", () => {
    const items = [
      ...header,
      item("1", 40, 130, 5.5),
      item("Rà soát thủ tục hành chính", 80, 130, 105),
      item("Sở Tư pháp", 200, 130, 55),
      item("Các sở", 270, 130, 33),
      item("Năm 2026", 350, 130, 48),
      item("nội bộ", 80, 143, 30),
      item("2", 40, 156, 5.5),
      item("Số hóa hồ sơ, tài liệu", 80, 156, 110),
      item("Sở Nội vụ", 200, 156, 50),
      item("Các sở", 270, 156, 33),
      item("Quý IV/2026", 350, 156, 58),
      item("lưu trữ", 80, 169, 35),
    ];
    expect(texts(items).slice(1)).toEqual([
      ["1", "Rà soát thủ tục hành chính nội bộ", "Sở Tư pháp", "Các sở", "Năm 2026"],
      ["2", "Số hóa hồ sơ, tài liệu lưu trữ", "Sở Nội vụ", "Các sở", "Quý IV/2026"],
    ]);
  });
});

describe("section rows written as one run", () => {
  it("keeps the table going and puts the number in the first column", () => {
    const items = [
      ...header,
      item("1", 40, 130, 5.5),
      item("Rà soát thủ tục hành chính", 80, 130, 105),
      item("Sở Tư pháp", 200, 130, 55),
      item("Các sở", 270, 130, 33),
      item("Năm 2026", 350, 130, 48),
      item("II Kiểm tra, đánh giá", 40, 160, 115, true),
      item("1", 40, 190, 5.5),
      item("Kiểm tra công vụ", 80, 190, 80),
      item("Sở Nội vụ", 200, 190, 50),
      item("Thanh tra tỉnh", 270, 190, 70),
      item("Quý IV/2026", 350, 190, 58),
    ];
    expect(texts(items).slice(1)).toEqual([
      ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở", "Năm 2026"],
      ["II", "Kiểm tra, đánh giá", "", "", ""],
      ["1", "Kiểm tra công vụ", "Sở Nội vụ", "Thanh tra tỉnh", "Quý IV/2026"],
    ]);
  });

  it("ends the table at a numbered heading followed by running text", () => {
    const items = [
      ...header,
      item("1", 40, 130, 5.5),
      item("Rà soát thủ tục hành chính", 80, 130, 105),
      item("Sở Tư pháp", 200, 130, 55),
      item("Các sở", 270, 130, 33),
      item("Năm 2026", 350, 130, 48),
      item("2", 40, 150, 5.5),
      item("Số hóa hồ sơ", 80, 150, 60),
      item("Sở Nội vụ", 200, 150, 50),
      item("Các sở", 270, 150, 33),
      item("Quý IV/2026", 350, 150, 58),
      item("IV. TỔ CHỨC THỰC HIỆN", 40, 180, 130, true),
      item("Các sở, ban, ngành căn cứ nhiệm vụ được giao tổ chức thực hiện Kế hoạch này.", 40, 195, 380),
    ];
    expect(texts(items)).toHaveLength(3);
  });
});

describe("centred titles", () => {
  it("joins a bold title line as wide as the column with the shorter centred line below", () => {
    const items = [
      item("Thực hiện các nhiệm vụ trọng tâm về khoa học, công nghệ và chuyển đổi", 60, 100, 480, true),
      item("số 6 tháng cuối năm 2026", 240, 115, 120, true),
    ];
    const blocks = paragraphs(items, 1, { left: 60, right: 540, centred: false });
    expect(blocks.map((b) => (b.block.kind === "paragraph" ? b.block.text : ""))).toEqual([
      "Thực hiện các nhiệm vụ trọng tâm về khoa học, công nghệ và chuyển đổi số 6 tháng cuối năm 2026",
    ]);
  });
});
