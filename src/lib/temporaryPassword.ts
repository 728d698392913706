import { randomInt } from "node:crypto";

// Letters and digits that cannot be misread when copied by hand or read out over the phone:
// no 0/O/o, 1/l/I/i, 5/S/s, 2/Z/z.
const ALPHABET = "abcdefghjkmnpqrtuvwxyABCDEFGHJKLMNPQRTUVWXY346789";

/**
 * A temporary password as an administrator hands it over: three groups of four characters drawn
 * with the operating system's cryptographic randomness (about 67 bits), "k7Qm-x3Pd-9Rtw".
 */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group()].join("-");
}
