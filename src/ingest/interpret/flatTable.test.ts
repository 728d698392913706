import { describe, expect, it } from "vitest";
import { joinContinued } from "./cells.ts";
import type { Role } from "./columns.ts";
import { cellStarts } from "./flatPieces.ts";
import { segmentOpenRow, segmentRow } from "./flatSegment.ts";
import { findLineTable } from "./flatTable.ts";

const TASK: Role[] = ["title", "lead", "coordinator", "deadline", "source"];

describe("cells that share a line in text copied out of a PDF", () => {
  it("finds where a cell may start inside a line", () => {
    expect(cellStarts("Quý III/2026 Chỉ thị số 29-CT/TU")[0]).toBe(2);
    expect(cellStarts("Công an tỉnh Sở Nông nghiệp và")).toEqual([3]);
    // The next line completes a name cut after its head noun.
    expect(cellStarts("Sở Nội vụ Trường", "Chính trị tỉnh; Sở")).toEqual([3]);
    expect(cellStarts("Thường xuyên Nghị quyết số 24-")).toEqual([2]);
  });

  it("splits a one-line cell from the next cell's first line", () => {
    const row = segmentRow(
      [
        "Đấu tranh, phòng ngừa, xử lý nghiêm các hành vi vi",
        "phạm pháp luật về môi trường",
        "Công an tỉnh Sở Nông nghiệp và",
        "Môi trường; Bộ Chỉ",
        "huy Bộ đội Biên",
        "phòng tỉnh",
        "Thường xuyên Nghị quyết số 24-",
        "NQ/TW ngày",
        "03/6/2013",
      ],
      TASK,
    );
    expect(row.cells).toEqual([
      "Đấu tranh, phòng ngừa, xử lý nghiêm các hành vi vi phạm pháp luật về môi trường",
      "Công an tỉnh",
      "Sở Nông nghiệp và Môi trường; Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
      "Thường xuyên",
      "Nghị quyết số 24-NQ/TW ngày 03/6/2013",
    ]);
  });

  it("keeps an agency name wrapped inside its cell whole", () => {
    const row = segmentRow(
      [
        "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Chỉ",
        "thị đến cán bộ, đảng viên và các tầng lớp nhân dân",
        "Ủy ban Mặt trận",
        "Tổ quốc Việt Nam tỉnh",
        "Sở Văn hóa, Thể",
        "thao và Du lịch; Báo",
        "và Phát thanh,",
        "Truyền hình tỉnh",
        "Quý III/2026 Chỉ thị số 29-CT/TU",
      ],
      TASK,
    );
    expect(row.cells.slice(1, 4)).toEqual([
      "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình tỉnh",
      "Quý III/2026",
    ]);
  });

  it("splits a row cut by a page break together with the part that runs on", () => {
    const both = segmentOpenRow(
      [
        "Bố trí kinh phí bảo đảm an toàn giao thông từ Năm 2026-2027 Sở Tài chính Công an tỉnh; Sở Quyết định phân bổ",
      ],
      ["nguồn thu xử phạt vi phạm hành chính Xây dựng kinh phí"],
      ["title", "deadline", "lead", "coordinator", "output"],
    );
    expect(both.row.cells.slice(2)).toEqual(["Sở Tài chính", "Công an tỉnh; Sở", "Quyết định phân bổ"]);
    expect(both.continuation[3]).toBe("Xây dựng");
  });
});

describe("findLineTable on text copied out of a PDF", () => {
  const page1 = [
    "STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp",
    "Thời gian hoàn",
    "thành",
    "Văn bản giao",
    "1 Xây dựng phương án ứng phó sự cố tràn dầu, sự cố hóa",
    "chất trên biển và vùng ven biển của tỉnh",
    "Bộ Chỉ huy Quân sự",
    "tỉnh",
    "Công an tỉnh; Bộ",
    "Chỉ huy Bộ đội Biên",
    "phòng tỉnh; Cảng vụ",
    "Hàng hải",
    "Quý III/2026 Quyết định số",
    "12/2021/QĐ-TTg",
    "ngày 24/3/2021",
    "2 Tổ chức diễn tập phòng thủ dân sự, ứng phó thiên tai và",
    "tìm kiếm cứu nạn tại các địa bàn xung yếu",
    "Bộ Chỉ huy Quân sự",
    "tỉnh",
    "Công an tỉnh; Sở Y",
    "tế; UBND các xã,",
    "phường, đặc khu",
    "Quý II/2027 Kế hoạch số 118-",
    "KH/TU ngày",
    "20/3/2026",
    "1",
    "Nguồn: Chỉ thị số 29-CT/TU ngày 02/6/2026.",
  ];
  const page2 = [
    "STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp",
    "Thời gian hoàn",
    "thành",
    "Văn bản giao",
    "3 Trồng mới, phục hồi rừng ngập mặn và rừng phòng hộ",
    "ven biển gắn với phát triển sinh kế cho người dân",
    "Sở Nông nghiệp và",
    "Môi trường",
    "Ban Quản lý các khu",
    "công nghiệp tỉnh;",
    "UBND các xã,",
    "phường, đặc khu",
    "Năm 2026-2027 Chỉ thị số 29-CT/TU",
    "ngày 02/6/2026",
  ];
  const table = findLineTable([...page1, ...page2], 0)!;
  const items = table.rows.filter((r) => /^\d+$/.test(r[0]!));

  it("keeps a title's last line out of the agency column and reads every column", () => {
    expect(items[0]).toEqual([
      "1",
      "Xây dựng phương án ứng phó sự cố tràn dầu, sự cố hóa chất trên biển và vùng ven biển của tỉnh",
      "Bộ Chỉ huy Quân sự tỉnh",
      "Công an tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh; Cảng vụ Hàng hải",
      "Quý III/2026",
      "Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021",
    ]);
    expect(items[2]!.slice(2, 4)).toEqual([
      "Sở Nông nghiệp và Môi trường",
      "Ban Quản lý các khu công nghiệp tỉnh; UBND các xã, phường, đặc khu",
    ]);
  });

  it("drops the footnote printed at the foot of a page", () => {
    expect(items[1]![5]).toBe("Kế hoạch số 118-KH/TU ngày 20/3/2026");
  });
});

describe("joinContinued", () => {
  it("closes up a document number or a year range cut at its dash", () => {
    expect(joinContinued("Kế hoạch số 118-", "KH/TU ngày")).toBe("Kế hoạch số 118-KH/TU ngày");
    expect(joinContinued("Quyết định số 06/QĐ-", "TTg ngày 06/01/2022")).toBe(
      "Quyết định số 06/QĐ-TTg ngày 06/01/2022",
    );
    expect(joinContinued("Năm 2026-", "2027")).toBe("Năm 2026-2027");
    expect(joinContinued("Sở Tài chính -", "Sở Xây dựng")).toBe("Sở Tài chính - Sở Xây dựng");
  });

  it("closes up a date cut inside its year by a narrow column, and nothing else", () => {
    expect(joinContinued("trước ngày 30/10/20", "26")).toBe("trước ngày 30/10/2026");
    expect(joinContinued("Trước ngày 31/10/202", "6")).toBe("Trước ngày 31/10/2026");
    expect(joinContinued("ngày 30/10/2026", "15 hồ sơ")).toBe("ngày 30/10/2026 15 hồ sơ");
  });
});

describe("the end of a table pasted one cell per line", () => {
  it("ends the table at a body heading numbered like a section already passed", () => {
    const lines = [
      "STT",
      "Nội dung nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "I",
      "CÔNG TÁC TUYÊN TRUYỀN",
      "1",
      "Tuyên truyền chính sách bảo hiểm y tế",
      "Sở Y tế",
      "UBND các xã",
      "Quý II/2026",
      "II",
      "CÔNG TÁC KIỂM TRA",
      "1",
      "Kiểm tra việc thực hiện chế độ",
      "Sở Nội vụ",
      "Thanh tra tỉnh",
      "Tháng 10/2026",
      "II. TỔ CHỨC THỰC HIỆN",
      "Sở Y tế tổng hợp, báo cáo kết quả trước ngày 15/12/2026.",
    ];
    // A wrapped cell line under a numeral ("Quý" / "I năm 2027") is no heading.
    const wrapped = [...lines.slice(0, 11), "Quý", "I năm 2027", ...lines.slice(12)];
    expect(findLineTable(wrapped, 0)!.rows.map((row) => row[0])).toEqual(["STT", "I", "1", "II", "1"]);
    const table = findLineTable(lines, 0)!;
    expect(table.rows.at(-1)).toEqual([
      "1",
      "Kiểm tra việc thực hiện chế độ",
      "Sở Nội vụ",
      "Thanh tra tỉnh",
      "Tháng 10/2026",
    ]);
    expect(table.next).toBe(19);
  });
});
