/**
 * Titles and issuer lines set in capitals, written back as running text. Vietnamese capitalises
 * names inside a sentence ("Ban Chỉ đạo", "Quý II", "Khánh Hòa", "Trưởng Ban Chỉ đạo") and the
 * rest is lower case; which words are names is best learnt from the document itself, which
 * writes the same names in its body. A short list of bodies covers what the body does not say.
 */

const MAX_WINDOW = 4;
const MAX_LINES = 600;

function isCapitals(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toLocaleUpperCase("vi");
}

interface Token {
  lead: string;
  core: string;
  trail: string;
}

function tokenize(text: string): Token[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(raw)!;
      return { lead: m[1]!, core: m[2]!, trail: m[3]! };
    });
}

const lower = (s: string) => s.toLocaleLowerCase("vi");

/**
 * For each run of up to four words, the way the document most often writes it in running text
 * (keyed in lower case). Runs that open a sentence are skipped: their capital says nothing.
 */
export function learnCasing(lines: string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const record = (form: string) => {
    const key = lower(form);
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(form, (forms.get(form) ?? 0) + 1);
    counts.set(key, forms);
  };
  const capitalised = (t: Token | undefined) => t !== undefined && t.lead === "" && /^\p{Lu}/u.test(t.core);
  for (const line of lines.slice(0, MAX_LINES)) {
    if (isCapitals(line) || !/\p{Ll}/u.test(line)) continue;
    const tokens = tokenize(line);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // Acronyms (UBND, KHCN) are written so wherever they stand.
      if (/^\p{Lu}{2,}$/u.test(token.core)) record(token.core);
      const previous = tokens[i - 1];
      const opensSentence = i === 0 || /[.:!?]$/.test(previous!.trail) || /^[-+•(]?$/.test(previous!.core);
      if (opensSentence || token.core === "" || token.lead !== "") continue;
      const words: string[] = [];
      for (let n = 0; n < MAX_WINDOW && i + n < tokens.length; n++) {
        const t = tokens[i + n]!;
        if (t.core === "" || (n > 0 && t.lead !== "")) break;
        words.push(t.core);
        // A run that stops inside a name ("Sở" of "Sở Khoa học") says nothing about the word alone.
        const cutsName = t.trail === "" && capitalised(t) && capitalised(tokens[i + n + 1]);
        if (!cutsName) record(words.join(" "));
        if (t.trail !== "") break;
      }
    }
  }
  const casing = new Map<string, string>();
  for (const [key, forms] of counts) {
    // Lower case unless the capitals are in the majority: a capital needs evidence.
    let best = key;
    let most = forms.get(key) ?? 0;
    for (const [form, n] of forms) {
      if (n > most) {
        best = form;
        most = n;
      }
    }
    casing.set(key, best);
  }
  return casing;
}

/** Bodies and terms written with capitals by convention, for names the body does not use. */
const CONVENTION = [
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Ban Chỉ đạo",
  "Ban Thường vụ",
  "Ban Chấp hành",
  "Ban Bí thư",
  "Bộ Chính trị",
  "Trung ương",
  "Chính phủ",
  "Thủ tướng Chính phủ",
  "Quốc hội",
  "Nhà nước",
  "Mặt trận Tổ quốc",
  "Việt Nam",
  "Tỉnh ủy",
  "Thành ủy",
  "Huyện ủy",
].map((name): [RegExp, string] => [new RegExp(`(?<!\\p{L})${lower(name)}(?!\\p{L})`, "gu"), name]);

/**
 * A line in capitals as running text: lower case but for names, document numbers and acronyms
 * the document writes in capitals, and a capital at the start.
 */
export function fromCapitals(text: string, casing: Map<string, string>): string {
  const tokens = tokenize(text.trim());
  for (const t of tokens) {
    const known = casing.get(lower(t.core));
    // "57-NQ/TW", "2026", "UBND": codes and acronyms stay as written.
    if (/\d/.test(t.core) || /[/&]/.test(t.core) || known === t.core) continue;
    t.core = lower(t.core);
  }
  for (let i = 0; i < tokens.length; ) {
    let matched = 1;
    for (let n = Math.min(MAX_WINDOW, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      if (run.slice(0, -1).some((t) => t.trail !== "") || run.slice(1).some((t) => t.lead !== "")) continue;
      const form = casing.get(lower(run.map((t) => t.core).join(" ")));
      if (!form) continue;
      const words = form.split(" ");
      run.forEach((t, k) => {
        t.core = words[k] ?? t.core;
      });
      matched = n;
      break;
    }
    i += matched;
  }
  let out = tokens.map((t) => `${t.lead}${t.core}${t.trail}`).join(" ");
  for (const [re, name] of CONVENTION) out = out.replace(re, name);
  out = out.replace(
    /(?<!\p{L})[qQ]uý (iv|i{1,3}|IV|I{1,3})(?!\p{L})/gu,
    (_m, q: string) => `Quý ${q.toUpperCase()}`,
  );
  return out.charAt(0).toLocaleUpperCase("vi") + out.slice(1);
}
