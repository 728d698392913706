import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secretBox.ts";

describe("secretBox", () => {
  it("encrypts under a key and opens only with that key", () => {
    const key = randomBytes(32);
    const sealed = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DP", key);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(openSecret(sealed, key)).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(sealed, undefined)).toThrow(/DONDOC_SECRET_KEY/);
    expect(sealSecret("x", key)).not.toBe(sealSecret("x", key));
  });

  it("stores as it is without a key and still reads that once a key is set", () => {
    const sealed = sealSecret("ABC", undefined);
    expect(openSecret(sealed, undefined)).toBe("ABC");
    expect(openSecret(sealed, randomBytes(32))).toBe("ABC");
  });
});
