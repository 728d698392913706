import { generateSecret, generateURI, verify } from "otplib";

/**
 * The TOTP primitives of otplib (RFC 6238: SHA-1, 6 digits, 30 s, the authenticator apps'
 * defaults), wrapped so that the rest of the code names what it does, not how.
 */
export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, account: string, issuer = "Đôn Đốc"): string =>
  generateURI({ issuer, label: account, secret });

/**
 * The time step a code belongs to when it is valid now (one step of clock drift either way) and
 * later than `afterStep`, the last step accepted: a code is never accepted twice. Null otherwise.
 */
export async function acceptTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  now = Date.now(),
): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now / 1000),
      epochTolerance: 30,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
