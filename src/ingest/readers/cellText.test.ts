import { describe, expect, it } from "vitest";
import { toCellLines } from "./cellText.ts";

describe("toCellLines", () => {
  it("turns typed bullets into '- ' items and drops blank lines", () => {
    expect(toCellLines(["• Một", "", "– Hai", "+ Ba", "Bốn"])).toEqual(["- Một", "- Hai", "+ Ba", "Bốn"]);
  });

  it("splits a list typed on one line only where the next item starts with a capital", () => {
    expect(toCellLines(["- Báo cáo rà soát TTHC - Danh mục TTHC. - Quyết định công bố"])).toEqual([
      "- Báo cáo rà soát TTHC",
      "- Danh mục TTHC.",
      "- Quyết định công bố",
    ]);
    expect(toCellLines(["- Phát triển kinh tế - xã hội"])).toEqual(["- Phát triển kinh tế - xã hội"]);
    expect(toCellLines(["Phòng Chuyển đổi số - Cơ yếu"])).toEqual(["Phòng Chuyển đổi số - Cơ yếu"]);
  });
});
