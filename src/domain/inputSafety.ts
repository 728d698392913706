/**
 * What any text or number a user sends must be before it reaches the database. PostgreSQL
 * refuses NUL in text and a lone UTF-16 surrogate cannot be encoded in UTF-8, so either would
 * fail the statement (a 500); an integer column holds 32 bits. The server checks every request
 * against these rules in one place (src/server/security.ts); the input schemas bound numbers
 * with INT4_MAX and refuse direction controls in names with `hasBidiControl`.
 */

/** Largest value of a PostgreSQL `integer`: every integer input stored or compared in SQL. */
export const INT4_MAX = 2_147_483_647;

export type TextProblem = "nul" | "surrogate";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be stored, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "surrogate";
  return null;
}

export interface UnsafeText {
  /** Where in the value: object keys and array indexes from the top. */
  path: (string | number)[];
  problem: TextProblem;
}

/** A step down into a value, linked to the step above: paths are built only for what is reported. */
interface Step {
  up: Step | null;
  key: string | number;
}

function pathOf(step: Step | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let s = step; s; s = s.up) path.push(s.key);
  return path.reverse();
}

/**
 * The first string (value or key) in a parsed body, query or form that cannot be stored.
 * Walks with its own stack and shares path steps: a deeply nested JSON body costs time in
 * proportion to its size, and cannot overflow the call stack.
 */
export function findUnsafeText(value: unknown): UnsafeText | null {
  const stack: { value: unknown; at: Step | null }[] = [{ value, at: null }];
  while (stack.length > 0) {
    const { value: current, at } = stack.pop()!;
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) return { path: pathOf(at), problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], at: { up: at, key: i } });
    } else if (current !== null && typeof current === "object") {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const problem = textProblem(key);
        if (problem) return { path: pathOf({ up: at, key }), problem };
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        stack.push({ value: inner, at: { up: at, key } });
      }
    }
  }
  return null;
}

// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows
// on screen, so "Sở Tài chính\u202E" could display as another agency's name ("Trojan Source").
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** True when a name carries a character that changes the direction of the text around it. */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

export const bidiControlMessage =
  "không được chứa ký tự điều khiển hướng viết (U+202A–U+202E, U+2066–U+2069)";
