import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Seals a small secret (a TOTP seed) for storage: AES-256-GCM under the configured key, or, with
 * no key, stored as it is under a "plain:" prefix so that adding a key later still reads old rows.
 * A copy of the database alone then yields no usable second factor.
 */
export function sealSecret(plain: string, key: Buffer | undefined): string {
  if (!key) return `plain:${plain}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["gcm1", iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(":");
}

/** The secret `sealSecret` stored; throws when it was sealed under another key, or none is given. */
export function openSecret(stored: string, key: Buffer | undefined): string {
  if (stored.startsWith("plain:")) return stored.slice("plain:".length);
  const [format, iv, tag, sealed] = stored.split(":");
  if (format !== "gcm1" || !iv || !tag || sealed === undefined) throw new Error("unknown secret format");
  if (!key) throw new Error("secret is encrypted and DONDOC_SECRET_KEY is not set");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
