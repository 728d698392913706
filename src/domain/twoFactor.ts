import type { Role } from "./roles.ts";

/** Recovery codes handed out when TOTP is enabled; each works once. */
export const RECOVERY_CODE_COUNT = 10;

/** How long the second step of a login may wait for its code, and how many codes it may try. */
export const LOGIN_CHALLENGE_SECONDS = 5 * 60;
export const LOGIN_CHALLENGE_ATTEMPTS = 5;

/** Whether holders of `held` must use TOTP, given the roles the province requires it of. */
export const totpRequiredFor = (held: readonly Role[], required: readonly Role[]) =>
  held.some((role) => required.includes(role));

/** A recovery code as typed ("ABCDE-fghij", with spaces): lower case, letters and digits only. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
