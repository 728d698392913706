import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { acceptTotp, newTotpSecret, totpUri } from "./totp.ts";

describe("totp", () => {
  it("accepts a current code once per time step and refuses a wrong one", async () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 0, 1, 8, 0, 10);
    const code = await generate({ secret, epoch: now / 1000 });
    const step = await acceptTotp(secret, code, null, now);
    expect(step).toBe(Math.floor(now / 1000 / 30));
    expect(await acceptTotp(secret, code, step, now)).toBeNull();
    expect(await acceptTotp(secret, code === "000000" ? "111111" : "000000", null, now)).toBeNull();
    expect(await acceptTotp(secret, "abc", null, now)).toBeNull();
    // Thirty seconds of drift is accepted, two minutes is not.
    expect(await acceptTotp(secret, code, null, now + 30_000)).not.toBeNull();
    expect(await acceptTotp(secret, code, null, now + 120_000)).toBeNull();
  });

  it("names the issuer and the account in the URI", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "admin");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(decodeURIComponent(uri)).toContain("Đôn Đốc");
  });
});
