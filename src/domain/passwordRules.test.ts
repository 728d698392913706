import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, passwordMessage, passwordMessages, passwordProblem } from "./passwordRules.ts";

describe("password rules", () => {
  it("accepts long passwords that are none of the below, the demo's published one included", () => {
    for (const good of ["DonDoc@2026", "correct-horse-battery", "Sông Hương mùa thu 1975", "Xk9#vTq2!mLp"]) {
      expect(passwordProblem(good, { username: "vanphong" }), good).toBeNull();
    }
  });

  it("counts characters as people do and bounds the length", () => {
    expect(passwordProblem("Ab#9xQ!2z")).toBe("too_short");
    // Ten letters with their marks, NFD as Word writes them, are ten characters.
    expect(passwordProblem("đường hầm ".normalize("NFD"))).toBeNull();
    expect(passwordProblem("x".repeat(150) + "Yz!9".repeat(13))).toBe("too_long");
    expect(passwordMessage("ngắn")).toBe(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
  });

  it("refuses the username inside the password, whatever the case, marks and separators", () => {
    expect(passwordProblem("congan2026!!", { username: "congan" })).toBe("contains_username");
    expect(passwordProblem("Quê-CÔNGAN-của-tôi", { username: "congan" })).toBe("contains_username");
    expect(passwordProblem("tcnguyenan#99", { username: "tc.nguyenan" })).toBe("contains_username");
    expect(passwordProblem("Nguyễn An ở nguyenan.vn", { username: "tc.nguyenan" })).toBe("contains_username");
    expect(passwordProblem("Công an 2026 Đà Lạt", { username: "taichinh" })).toBeNull();
    expect(passwordMessage("congan2026!!", { username: "congan" })).toBe(passwordMessages.contains_username);
  });

  it("refuses one character or a short block repeated", () => {
    for (const weak of ["aaaaaaaaaa", "1111111111", "1212121212", "abcabcabcabc", "ÂÂÂÂÂÂÂÂÂÂ"]) {
      expect(passwordProblem(weak), weak).toBe("repeated");
    }
  });

  it("refuses runs of the alphabet, the digits and the keyboard, either way", () => {
    for (const weak of [
      "1234567890",
      "0987654321",
      "abcdefghij",
      "qwertyuiop",
      "1qaz2wsx3edc",
      "7890123456",
    ]) {
      expect(passwordProblem(weak), weak).toBe("sequence");
    }
  });

  it("refuses listed passwords and passwords built around a listed word", () => {
    for (const weak of [
      "basketball", // on the international list as it is
      "Password123!",
      "P@ssw0rd2026",
      "Dragon2026!!",
      "Matkhau@123",
      "MậtKhẩu@2026", // Vietnamese, typed with its marks
      "123456789a",
      "Admin@123456",
      "anhyeuem123",
    ]) {
      expect(passwordProblem(weak), weak).toBe("common");
    }
    expect(passwordMessage("Matkhau@123")).toMatch(/phổ biến/);
  });
});
