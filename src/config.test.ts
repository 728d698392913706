import { describe, expect, it } from "vitest";
import { loadConfig, StartupError } from "./config.ts";

describe("loadConfig", () => {
  it("uses defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith("data")).toBe(true);
    // Closed by default: loopback only, no proxy believed, the request's own origin.
    expect(config.host).toBe("127.0.0.1");
    expect(config.trustProxy).toBe(false);
    expect(config.publicOrigins).toEqual([]);
  });

  it("reads the trusted proxies and the public addresses as lists", () => {
    const config = loadConfig({
      DONDOC_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,loopback",
      DONDOC_PUBLIC_URL: "https://dondoc.lamdong.gov.vn/, http://10.1.2.3:8080",
    });
    expect(config.trustProxy).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "loopback"]);
    expect(config.publicOrigins).toEqual(["https://dondoc.lamdong.gov.vn", "http://10.1.2.3:8080"]);
  });

  it("refuses a proxy that is not an address or a block, and a public address that is not a URL", () => {
    for (const bad of ["*", "true", "10.0.0.0/33", "example.org", "1.2.3.4/8/1"]) {
      expect(() => loadConfig({ DONDOC_TRUST_PROXY: bad }), bad).toThrow(/DONDOC_TRUST_PROXY/);
    }
    expect(() => loadConfig({ DONDOC_PUBLIC_URL: "dondoc.lamdong.gov.vn" })).toThrow(/DONDOC_PUBLIC_URL/);
    expect(() => loadConfig({ DONDOC_PUBLIC_URL: "ftp://x.vn" })).toThrow(/DONDOC_PUBLIC_URL/);
  });

  it("names each bad value in one Vietnamese line", () => {
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StartupError);
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("\n");
    }
  });

  it("requires the admin user and password together", () => {
    expect(() => loadConfig({ DONDOC_ADMIN_USER: "admin" })).toThrow(/cùng nhau/);
    expect(
      loadConfig({ DONDOC_ADMIN_USER: "admin", DONDOC_ADMIN_PASSWORD: "a-long-password" }).admin?.username,
    ).toBe("admin");
  });

  it("reads the session limits and a secret key, refusing a key of the wrong size", () => {
    expect(loadConfig({}).session).toEqual({ idleMinutes: 30, maxHours: 12, maxPerUser: 5 });
    const config = loadConfig({
      DONDOC_SESSION_IDLE_MINUTES: "15",
      DONDOC_SESSION_MAX_HOURS: "8",
      DONDOC_SECRET_KEY: "ab".repeat(32),
    });
    expect(config.session.idleMinutes).toBe(15);
    expect(config.secretKey?.length).toBe(32);
    expect(() => loadConfig({ DONDOC_SECRET_KEY: "short" })).toThrow(/DONDOC_SECRET_KEY/);
    expect(() => loadConfig({ DONDOC_SESSION_IDLE_MINUTES: "0" })).toThrow(/DONDOC_SESSION_IDLE_MINUTES/);
  });
});
