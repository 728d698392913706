/**
 * What a password must be, in the style of NIST SP 800-63B: long enough, not on a list of
 * passwords attackers try first, not built from the username, not one character repeated or a
 * run along the keyboard. No composition rules (an upper-case letter, a digit, a symbol): they
 * make passwords harder to remember without making them harder to guess. docs/decisions/0009.
 * Pure, so that the web form and the server give the same answer and the same words.
 */
import { commonPasswordsText } from "./commonPasswords.ts";
import { vietnameseCommonPasswords } from "./commonPasswordsVi.ts";
import { foldForSearch } from "./text.ts";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem =
  | "too_short"
  | "too_long"
  | "contains_username"
  | "repeated"
  | "sequence"
  | "common";

export const passwordMessages: Record<PasswordProblem, string> = {
  too_short: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
  too_long: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`,
  contains_username: "Mật khẩu không được chứa tên đăng nhập",
  repeated: "Mật khẩu không được chỉ là một ký tự hoặc một nhóm ký tự lặp lại (như aaaaaaaaaa, 1212121212)",
  sequence: "Mật khẩu không được là một dãy ký tự liền nhau (như 1234567890, abcdefghij, qwertyuiop)",
  common: "Mật khẩu này quá phổ biến, dễ bị dò ra; hãy chọn mật khẩu khác",
};

/** Who the password is for: the parts of the account it must not contain. */
export interface PasswordContext {
  username?: string | null;
}

/** The first thing wrong with a password, or null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  // Length in characters as people count them (a Vietnamese letter with its marks is one).
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  const folded = fold(password);
  if (containsUsername(folded, context.username)) return "contains_username";
  if (isRepeated(folded)) return "repeated";
  if (isSequence(folded)) return "sequence";
  if (isCommon(folded)) return "common";
  return null;
}

/** The Vietnamese sentence for the first problem, or null. */
export function passwordMessage(password: string, context: PasswordContext = {}): string | null {
  const problem = passwordProblem(password, context);
  return problem ? passwordMessages[problem] : null;
}

/** Lower case without diacritics: "MậtKhẩu" and "matkhau" are one password to an attacker. */
const fold = foldForSearch;

const alphanumeric = (text: string) => text.replace(/[^a-z0-9]/g, "");

function containsUsername(folded: string, username: string | null | undefined): boolean {
  if (!username) return false;
  const name = foldForSearch(username);
  const bare = alphanumeric(name);
  if (bare.length >= 3 && alphanumeric(folded).includes(bare)) return true;
  // "tc.nguyenan": its longer parts on their own give the name away too.
  return name.split(/[^a-z0-9]+/).some((part) => part.length >= 4 && part !== bare && folded.includes(part));
}

/** One character, or a block of two or three, repeated: "aaaaaaaaaa", "1212121212", "abcabcabca". */
function isRepeated(folded: string): boolean {
  for (let block = 1; block <= 3; block++) {
    const unit = folded.slice(0, block);
    if (unit.repeat(Math.ceil(folded.length / block)).startsWith(folded)) return true;
  }
  return false;
}

// Runs people type without thinking: the alphabet, the digits (0 after 9 as on the keyboard),
// the keyboard's rows and its columns. A password inside one of them, read either way, is a run.
const RUNS = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
  "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "1q2w3e4r5t6y7u8i9o0p",
  "qazwsxedcrfvtgbyhnujmikolp",
];
const runs = RUNS.flatMap((run) => {
  const twice = run + run;
  return [twice, [...twice].reverse().join("")];
});

function isSequence(folded: string): boolean {
  return runs.some((run) => run.includes(folded));
}

/**
 * The word a password is built around, with the digits and symbols before and after it taken
 * away: "Dragon2026!" → "dragon", "@matkhau123" → "matkhau".
 */
export function passwordCore(folded: string): string {
  return folded.replace(/^[^a-z]+/, "").replace(/[^a-z]+$/, "");
}

// Letters written as digits or symbols: "p@ssw0rd" is "password" (1 reads as i or as l).
const LEET: Record<string, string> = { "@": "a", "4": "a", "0": "o", "3": "e", $: "s", "5": "s", "7": "t" };
const unLeet = (text: string, one: "i" | "l") =>
  text.replace(/[@40135$7]/g, (c) => (c === "1" ? one : LEET[c]!));

let common: Set<string> | undefined;
function commonSet(): Set<string> {
  common ??= new Set(
    [...commonPasswordsText.split("\n"), ...vietnameseCommonPasswords.map(fold)].filter((p) => p.length > 0),
  );
  return common;
}

/** On the list as typed, or built around a listed word ("Matkhau@123", "P@ssw0rd2026"). */
function isCommon(folded: string): boolean {
  const list = commonSet();
  if (list.has(folded)) return true;
  const core = passwordCore(folded);
  if (core.length < 4) return false;
  return list.has(core) || list.has(unLeet(core, "i")) || list.has(unLeet(core, "l"));
}
