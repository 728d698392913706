import { describe, expect, it } from "vitest";
import { indicatorRoleOf, mapHeader, splitSquashedHeader, taskRoleOf } from "./columns.ts";

describe("splitSquashedHeader: headers flattened into one line of text", () => {
  it.each([
    [
      "STT Nhiệm vụ, giải pháp Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành Sản phẩm",
      ["stt", "title", "lead", "coordinator", "deadline", "output"],
    ],
    [
      "TT Nội dung công việc Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện Kết quả/sản phẩm Ghi chú",
      ["stt", "title", "lead", "coordinator", "deadline", "output", "note"],
    ],
    [
      "STT Nội dung Chủ trì Phối hợp Thời gian Sản phẩm dự kiến",
      ["stt", "title", "lead", "coordinator", "deadline", "output"],
    ],
    [
      "STT Tên nhiệm vụ Cơ quan chủ trì thực hiện Cơ quan phối hợp Tiến độ hoàn thành Hình thức văn bản",
      ["stt", "title", "lead", "coordinator", "deadline", "output"],
    ],
    [
      "STT Nhiệm vụ Lãnh đạo UBND tỉnh phụ trách Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
      ["stt", "title", "responsible", "lead", "coordinator", "deadline"],
    ],
    [
      "STT Nội dung nhiệm vụ Cơ quan, đơn vị chủ trì Cơ quan, đơn vị phối hợp Thời hạn hoàn thành Sản phẩm đầu ra",
      ["stt", "title", "lead", "coordinator", "deadline", "output"],
    ],
  ])("%s", (text, roles) => {
    const found = splitSquashedHeader(text);
    expect(found?.consumed).toBe(text.length);
    expect(mapHeader(found!.labels)?.roles).toEqual(roles);
  });

  it("steps over columns no role reads, so the columns after them keep their place", () => {
    const text =
      "TT Lĩnh vực Nhiệm vụ Cơ quan chủ trì Kinh phí (triệu đồng) Thời gian bắt đầu Thời gian hoàn thành";
    const found = splitSquashedHeader(text)!;
    expect(found.labels).toHaveLength(7);
    expect(mapHeader(found.labels)?.roles).toEqual(["stt", null, "title", "lead", null, null, "deadline"]);
  });

  it("puts the lower row of a two-row header in the place of the label spanning it", () => {
    const found = splitSquashedHeader(
      "STT Nội dung công việc Cơ quan thực hiện Thời gian hoàn thành Chủ trì Phối hợp",
    )!;
    expect(found.labels).toEqual([
      "STT",
      "Nội dung công việc",
      "Chủ trì",
      "Phối hợp",
      "Thời gian hoàn thành",
    ]);
  });

  it("ends the labels at their last letter, before a column number", () => {
    const text = "STT Nội dung công việc Cơ quan chủ trì Thời hạn (1) (2)";
    const found = splitSquashedHeader(text)!;
    expect(found.labels).toEqual(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời hạn"]);
    expect(text.slice(found.consumed).trim()).toBe("(1) (2)");
  });
});

describe("taskRoleOf", () => {
  it("reads the form of a product as the output, not as a source", () => {
    expect(taskRoleOf("Hình thức văn bản")).toBe("output");
    expect(taskRoleOf("Văn bản giao")).toBe("source");
  });
});

describe("indicator headers with two columns saying chỉ tiêu", () => {
  it.each([
    [
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cần đạt", "Cơ quan chủ trì theo dõi"],
      ["stt", "name", "unit", "target", "monitor"],
    ],
    [
      ["TT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu mục tiêu", "Đơn vị theo dõi"],
      ["stt", "name", "unit", "target", "monitor"],
    ],
    [
      ["STT", "Mục tiêu, chỉ tiêu", "Chỉ tiêu phấn đấu", "Cơ quan theo dõi"],
      ["stt", "name", "target", "monitor"],
    ],
    [
      ["TT", "Nội dung", "ĐVT", "Chỉ tiêu phải đạt", "Đơn vị chủ trì theo dõi"],
      ["stt", "name", "unit", "target", "monitor"],
    ],
  ])("%j: the qualified one is the target, the bare one the name", (cells, roles) => {
    expect(mapHeader(cells)?.roles).toEqual(roles);
  });

  it("is no header when a group row under it is read as a lower header row", () => {
    // "Chỉ tiêu" with "Giai đoạn đến năm 2027" below it names a period: both columns would be
    // targets and none the name, so the row below stays a group row of the table.
    const combined = [
      "STT",
      "Chỉ tiêu Giai đoạn đến năm 2027",
      "Đơn vị tính",
      "Chỉ tiêu cần đạt",
      "Cơ quan theo dõi",
    ];
    expect(mapHeader(combined)).toBeNull();
  });

  it("keeps a bare, named or listed 'chỉ tiêu' as the name", () => {
    for (const header of ["Chỉ tiêu", "Tên chỉ tiêu", "Mục tiêu, chỉ tiêu", "Nội dung chỉ tiêu"]) {
      expect(indicatorRoleOf(header)).toBe("name");
    }
    for (const header of ["Chỉ tiêu cần đạt", "Chỉ tiêu phải đạt", "Chỉ tiêu giai đoạn đến năm 2027"]) {
      expect(indicatorRoleOf(header)).toBe("target");
    }
  });
});

describe("holdout shapes: flattened source labels and target years", () => {
  it("reads 'Căn cứ giao' as one source label when a header is flattened", () => {
    const found = splitSquashedHeader(
      "TT Nội dung công việc Căn cứ giao Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện Sản phẩm đầu ra",
    )!;
    expect(found.labels).toEqual([
      "TT",
      "Nội dung công việc",
      "Căn cứ giao",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian thực hiện",
      "Sản phẩm đầu ra",
    ]);
    expect(mapHeader(found.labels)?.roles).toEqual([
      "stt",
      "title",
      "source",
      "lead",
      "coordinator",
      "deadline",
      "output",
    ]);
  });

  it("tells apart indicator headers of the same columns aiming at different years", () => {
    const year = mapHeader(["TT", "Chỉ tiêu", "Đơn vị tính", "2027", "Cơ quan theo dõi"])!;
    const plain = mapHeader(["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan chủ trì theo dõi"])!;
    expect(year.roles).toEqual(plain.roles);
    expect(year.signature).not.toBe(plain.signature);
    expect(mapHeader(["TT", "Chỉ tiêu", "Đơn vị tính", "2027", "Cơ quan theo dõi"])!.signature).toBe(
      year.signature,
    );
  });
});
