import { createHash, randomInt } from "node:crypto";
import { normalizeRecoveryCode } from "../domain/twoFactor.ts";

// No 0/o, 1/l/i: a code is read off paper and typed back.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** `count` fresh recovery codes, "xxxxx-xxxxx" (about 50 bits each). */
export function newRecoveryCodes(count: number): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: count }, () => {
    const code = one();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/**
 * What is stored for a recovery code: SHA-256 of its normalized form. The codes are random and
 * long, so a slow password hash would add nothing but the cost of checking ten of them per login.
 */
export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
