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

describe("rows padded by a fraction of a line", () => {
  // Lines of a cell 13 apart; rows 15.5 apart: the padding is a sixth of a line.
  const rows = [
    ...header,
    item("Kiểm kê, đánh giá tài sản", 80, 125, 110),
    item("1", 40, 138, 5.5),
    item("công tại các cơ quan, đơn", 80, 138, 110),
    item("Sở Tài chính", 200, 138, 60),
    item("Quý II/2026", 350, 138, 58),
    item("vị sự nghiệp", 80, 151),
    item("Tập huấn nghiệp vụ quản", 80, 166.5, 110),
    item("2", 40, 179.5, 5.5),
    item("lý văn bản cho công chức", 80, 179.5, 110),
    item("Sở Nội vụ", 200, 179.5, 50),
    item("Các sở", 270, 179.5, 33),
    item("Năm 2026", 350, 179.5, 48),
    item("cấp xã", 80, 192.5),
  ];

  it("gives the lines above a centred row number to its row", () => {
    expect(texts(rows).slice(1)).toEqual([
      [
        "1",
        "Kiểm kê, đánh giá tài sản công tại các cơ quan, đơn vị sự nghiệp",
        "Sở Tài chính",
        "",
        "Quý II/2026",
      ],
      ["2", "Tập huấn nghiệp vụ quản lý văn bản cho công chức cấp xã", "Sở Nội vụ", "Các sở", "Năm 2026"],
    ]);
  });

  it("keeps a row whose number shares a run with its title's first words", () => {
    const items = [
      ...rows,
      item("3 Rà soát, sửa đổi quy", 40, 208, 150),
      item("Văn phòng", 200, 208, 50),
      item("Hằng quý", 350, 208, 45),
      item("chế phối hợp liên ngành", 80, 221, 110),
      item("của tỉnh", 80, 234),
    ];
    expect(texts(items).slice(3)).toEqual([
      ["3", "Rà soát, sửa đổi quy chế phối hợp liên ngành của tỉnh", "Văn phòng", "", "Hằng quý"],
    ]);
  });

  it("carries the columns over to a page the table runs onto without its header", () => {
    const first = gapTables(rows, 1);
    expect(first.carry).toBeDefined();
    const overleaf = [
      item("thuộc tỉnh", 80, 40),
      item("Rà soát, sửa đổi quy chế", 80, 55.5, 110),
      item("3", 40, 68.5, 5.5),
      item("phối hợp liên ngành của", 80, 68.5, 110),
      item("Văn phòng", 200, 68.5, 50),
      item("Hằng quý", 350, 68.5, 45),
      item("tỉnh", 80, 81.5),
      item("Số hóa hồ sơ, tài liệu", 80, 97, 110),
      item("4", 40, 110, 5.5),
      item("lưu trữ của các sở, ban,", 80, 110, 110),
      item("Sở Nội vụ", 200, 110, 50),
      item("Quý IV/2026", 350, 110, 58),
      item("ngành", 80, 123),
    ];
    const read = (carry: typeof first.carry) => {
      const block = gapTables(overleaf, 2, carry).tables[0]?.block;
      return block?.kind === "table" ? block.rows.map((row) => row.cells.map((cell) => cell.text)) : [];
    };
    const expected = [
      ["", "thuộc tỉnh", "", "", ""],
      ["3", "Rà soát, sửa đổi quy chế phối hợp liên ngành của tỉnh", "Văn phòng", "", "Hằng quý"],
      ["4", "Số hóa hồ sơ, tài liệu lưu trữ của các sở, ban, ngành", "Sở Nội vụ", "", "Quý IV/2026"],
    ];
    expect(read(first.carry)).toEqual(expected);
    // Without the carried columns a row's line is taken for a header and the rows come apart.
    expect(read(undefined)).not.toEqual(expected);
  });
});
