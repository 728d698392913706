import { describe, expect, it } from "vitest";
import { besideMotto, contextYearOf, extractMetadata, issuerFromCapitals } from "./metadata.ts";

describe("issuerFromCapitals", () => {
  it.each([
    ["TỈNH ỦY LÂM ĐỒNG", "Tỉnh ủy Lâm Đồng"],
    ["TỈNH UỶ LÂM ĐỒNG", "Tỉnh ủy Lâm Đồng"],
    ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng"],
    ["UBND TỈNH GIA LAI", "Ủy ban nhân dân tỉnh Gia Lai"],
    ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"],
    ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"],
    ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"],
    ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"],
    ["VĂN PHÒNG TỈNH ỦY", "Văn phòng Tỉnh ủy"],
    ["VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"],
    ["BAN CHỈ ĐẠO TRUNG ƯƠNG", "Ban Chỉ đạo Trung ương"],
    ["ĐẢNG ỦY XÃ ĐỨC TRỌNG", "Đảng ủy xã Đức Trọng"],
  ])("%s → %s", (line, expected) => {
    expect(issuerFromCapitals(line)).toBe(expected);
  });
});

describe("extractMetadata", () => {
  it("reads a Party notice with a title set in capitals over two lines", () => {
    const meta = extractMetadata(
      [
        "BAN CHỈ ĐẠO TRUNG ƯƠNG",
        "*",
        "Số 17-TB/CQTTBCĐ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 29 tháng 12 năm 2025",
        "THÔNG BÁO KẾT LUẬN",
        "CỦA CƠ QUAN THƯỜNG TRỰC BAN CHỈ ĐẠO",
        "TẠI PHIÊN HỌP THÁNG 12 NĂM 2025",
        "Ngày 26/12/2025, Cơ quan thường trực đã họp.",
      ],
      ["Ngày 26/12/2025, Cơ quan thường trực đã họp, lần đầu của Cơ quan thường trực."],
    );
    expect(meta).toEqual({
      number: "17-TB/CQTTBCĐ",
      type: "Thông báo kết luận",
      issuer: "Ban Chỉ đạo Trung ương",
      date: "2025-12-29",
      title: "Của Cơ quan thường trực Ban Chỉ đạo tại phiên họp tháng 12 năm 2025",
    });
  });

  it("brings a notice's subject in capitals over a lower-case rest to sentence case", () => {
    const front = [
      "TỈNH ỦY SƠN LA",
      "*",
      "Số 274-TB/TU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Sơn La, ngày 08 tháng 7 năm 2026",
      "THÔNG BÁO",
      "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
      "về công tác cải cách hành chính năm 2026",
      "Ngày 02/7/2026, Ban Thường vụ Tỉnh ủy họp nghe báo cáo.",
    ];
    expect(extractMetadata(front, front).title).toBe(
      "Kết luận của Ban Thường vụ Tỉnh ủy về công tác cải cách hành chính năm 2026",
    );
  });

  it("finds the place line of the issuer past the motto column read in between", () => {
    const front = [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TỈNH GIA LAI",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 2254/KH-UBND",
      "Gia Lai, ngày 14 tháng 8 năm 2026",
    ];
    expect(extractMetadata(front, front).issuer).toBe("Ủy ban nhân dân tỉnh Gia Lai");
    const mottoFirst = [front[1]!, front[0]!, front[3]!, front[2]!, ...front.slice(4)];
    expect(extractMetadata(mottoFirst, mottoFirst).issuer).toBe("Ủy ban nhân dân tỉnh Gia Lai");
  });

  it("keeps a title's line wrapped on a word that opens other parts (số, điều, phần)", () => {
    const lines = [
      "ỦY BAN NHÂN DÂN",
      "TỈNH BÌNH PHƯỚC",
      "Số: 512/KH-UBND",
      "Bình Phước, ngày 03 tháng 8 năm 2026",
      "KẾ HOẠCH",
      "Triển khai thực hiện Nghị quyết",
      "số 57-NQ/TW của Bộ Chính trị trên địa bàn tỉnh",
      "Căn cứ Luật Tổ chức chính quyền địa phương;",
    ];
    expect(extractMetadata(lines, lines).title).toBe(
      "Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn tỉnh",
    );
  });

  it("still ends a title at the number line that follows it", () => {
    const lines = ["KẾ HOẠCH", "Phát triển kinh tế số năm 2026", "Số: 77/KH-UBND", "Căn cứ Luật Dữ liệu;"];
    expect(extractMetadata(lines, lines).title).toBe("Phát triển kinh tế số năm 2026");
  });

  it("falls back to an appendix caption", () => {
    const caption =
      "(Ban hành kèm theo Kế hoạch số 3450 /KH-UBND ngày 17 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)";
    const meta = extractMetadata(["Phụ lục", caption], ["Phụ lục", caption]);
    expect(meta).toEqual({
      number: "3450/KH-UBND",
      type: "Kế hoạch",
      issuer: "Ủy ban nhân dân tỉnh Lâm Đồng",
      date: "2026-03-17",
      title: null,
    });
    expect(contextYearOf(meta)).toBe(2026);
  });

  it("ignores dates inside the body and impossible dates", () => {
    const meta = extractMetadata(
      [
        "Căn cứ Quyết định ban hành ngày 12 tháng 5 năm 2025 của Chính phủ về việc này",
        "Lâm Đồng, ngày 31 tháng 2 năm 2026",
      ],
      [],
    );
    expect(meta.date).toBeNull();
  });

  const head = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"];
  const blank = ["Số:      /KH-UBND", "Quảng Ngãi, ngày     tháng    năm 2026"];
  const title = "Triển khai Chương trình chuyển đổi số tỉnh Quảng Ngãi năm 2026";

  it.each([
    ["a bare heading", ["KẾ HOẠCH", title]],
    ["a stamp after the type", ["KẾ HOẠCH (Dự thảo)", title]],
    ["a stamp on its own line under the type", ["KẾ HOẠCH", "(Dự thảo lần 2)", title]],
    ["a stamp above the heading", ["DỰ THẢO", "KẾ HOẠCH", title]],
    ["the title run into the heading", [`KẾ HOẠCH ${title}`]],
    ["a dated stamp", ["(Dự thảo ngày 15/3/2026)", "KẾ HOẠCH", title]],
  ])("reads a draft's type and title with %s; blank number and date are null", (_, lines) => {
    const front = [...head, ...blank, ...lines, "Căn cứ Nghị quyết số 57-NQ/TW;"];
    expect(extractMetadata(front, front)).toEqual({
      number: null,
      type: "Kế hoạch",
      issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi",
      date: null,
      title,
    });
  });

  it("takes a title that opens like a preamble, and stops at the preamble itself", () => {
    const front = [
      "KẾ HOẠCH",
      "Thực hiện chuyển đổi số và Đề án 06 năm 2026",
      "Thực hiện Công văn số 12/UBND-KT ngày 02/3/2026 của Ủy ban nhân dân tỉnh, Sở ban hành Kế hoạch như sau:",
    ];
    expect(extractMetadata(front, front).title).toBe("Thực hiện chuyển đổi số và Đề án 06 năm 2026");
  });

  it("cuts the preamble off a title that text from a PDF ran into it", () => {
    const front = [
      "KẾ HOẠCH",
      "Triển khai phong trào “Bình dân học vụ số” năm 2026 Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:",
    ];
    expect(extractMetadata(front, front).title).toBe("Triển khai phong trào “Bình dân học vụ số” năm 2026");
  });

  it("takes an undated plan's year from its title, not from a document it cites", () => {
    const meta = {
      number: null,
      type: "Kế hoạch",
      issuer: null,
      date: null,
      title: "Thực hiện Nghị quyết số 09-NQ/TU ngày 15 tháng 8 năm 2025 của Tỉnh ủy năm 2026",
    };
    expect(contextYearOf(meta)).toBe(2026);
  });

  it("keeps a title that names a draft of something else", () => {
    const front = ["TỜ TRÌNH", "Dự thảo Quy chế quản lý Trung tâm dữ liệu tỉnh", "Căn cứ Luật Dữ liệu;"];
    expect(extractMetadata(front, front).title).toBe("Dự thảo Quy chế quản lý Trung tâm dữ liệu tỉnh");
  });

  it("takes a draft's year from its blank place-and-date line", () => {
    const front = [
      "Số:      /KH-UBND",
      "Quảng Ngãi, ngày     tháng     năm 2027",
      "KẾ HOẠCH",
      "Chuyển đổi số",
    ];
    const meta = extractMetadata(front, front);
    expect(meta.date).toBeNull();
    expect(contextYearOf(meta, front)).toBe(2027);
  });
});

describe("a two-column first-page header", () => {
  const body = [
    "KẾ HOẠCH",
    "Chuyển đổi số năm 2026",
    "Thực hiện Chương trình số 12-CTr/TU, Ủy ban nhân dân tỉnh ban hành:",
  ];

  it.each([
    [
      "the issuer's column first",
      [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH BẮC NINH",
        "Độc lập - Tự do - Hạnh phúc",
      ],
    ],
    [
      "the motto's column first",
      [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN",
        "Độc lập - Tự do - Hạnh phúc",
        "TỈNH BẮC NINH",
      ],
    ],
    [
      "both columns on one line, tab-separated",
      ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH BẮC NINH\tĐộc lập - Tự do - Hạnh phúc"],
    ],
    [
      "both columns on one line, motto first",
      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc TỈNH BẮC NINH"],
    ],
  ])("reads the issuer with %s", (_, header) => {
    const meta = extractMetadata(
      [...header, "Số: 3318/KH-UBND", "Bắc Ninh, ngày 15 tháng 5 năm 2026", ...body],
      [],
    );
    expect(meta).toMatchObject({
      issuer: "Ủy ban nhân dân tỉnh Bắc Ninh",
      number: "3318/KH-UBND",
      date: "2026-05-15",
    });
  });

  it("keeps the motto whole when a sentence cites it", () => {
    const line = "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam ngày 28/11/2013;";
    expect(besideMotto(line)).toEqual([line]);
    expect(besideMotto("TỈNH ỦY CÀ MAU\tĐẢNG CỘNG SẢN VIỆT NAM")).toEqual([
      "TỈNH ỦY CÀ MAU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]);
  });

  it("reads a body's name wrapped in its column, interleaved with the motto and the date", () => {
    const meta = extractMetadata(
      [
        "TỈNH ỦY CÀ MAU",
        "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI",
        "Cà Mau, ngày 28 tháng 4 năm 2026",
        "SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ",
        "*",
        "Số 15-KH/BCĐ",
        "KẾ HOẠCH",
        "Thực hiện nhiệm vụ chuyển đổi số năm 2026",
      ],
      [],
    );
    expect(meta.issuer).toBe(
      "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Cà Mau",
    );
    expect(meta.date).toBe("2026-04-28");
  });

  it("does not run a complete name on into the next line in capitals", () => {
    const meta = extractMetadata(
      ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "TỔ CÔNG TÁC", "Số: 12/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số"],
      [],
    );
    expect(meta.issuer).toBe("Ủy ban nhân dân tỉnh Lâm Đồng");
  });

  it("joins a title line that ends on a preposition with the capitalised line after it", () => {
    const meta = extractMetadata(
      [
        "KẾ HOẠCH",
        "Thực hiện các nhiệm vụ chuyển đổi số của",
        "Ủy ban nhân dân tỉnh năm 2026",
        "I. MỤC ĐÍCH",
      ],
      [],
    );
    expect(meta.title).toBe("Thực hiện các nhiệm vụ chuyển đổi số của Ủy ban nhân dân tỉnh năm 2026");
  });

  it("looks for the issuer above the type heading only", () => {
    const meta = extractMetadata(
      [
        "Số: 12/TB-BCĐ",
        "THÔNG BÁO",
        "BAN CHỈ ĐẠO TỈNH HỌP PHIÊN THỨ NHẤT",
        "Ngày 12/3/2026, Ban Chỉ đạo họp.",
      ],
      [],
    );
    expect(meta.issuer).toBeNull();
  });
});

describe("an appendix issued on its own", () => {
  it("takes the heading above the caption as the title, with the caption's number and issuer", () => {
    const front = [
      "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH",
      "DANH MỤC CÔNG TRÌNH TRỌNG ĐIỂM",
      "NĂM 2027",
      "(Kèm theo Kế hoạch số 412/KH-UBND ngày 05/02/2027 của Ủy ban nhân dân tỉnh Hòa Bình)",
      "STT",
    ];
    const meta = extractMetadata(front, front);
    expect(meta.title).toBe("Danh mục công trình trọng điểm năm 2027");
    expect(meta.number).toBe("412/KH-UBND");
  });

  it("keeps the type heading's title where there is one", () => {
    const front = [
      "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH",
      "Số: 412/KH-UBND",
      "KẾ HOẠCH",
      "Thực hiện công trình trọng điểm năm 2027",
      "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2027 của Ủy ban nhân dân tỉnh Hòa Bình)",
    ];
    expect(extractMetadata(front, front).title).toBe("Thực hiện công trình trọng điểm năm 2027");
  });
});
