import net from "node:net";
import path from "node:path";
import { z } from "zod";

/** A problem an operator can fix; printed as one line, never as a stack trace. */
export class StartupError extends Error {
  override name = "StartupError";
}

const port = z.coerce
  .number({ message: "phải là một số" })
  .int("phải là số nguyên")
  .min(0, "phải từ 0 đến 65535 (0: cổng bất kỳ còn trống)")
  .max(65535, "phải từ 0 đến 65535 (0: cổng bất kỳ còn trống)");

/** Wall time one extraction may take in its worker before it is stopped (the file is refused). */
const extractTimeoutS = z.coerce
  .number({ message: "phải là một số (giây)" })
  .positive("phải lớn hơn 0")
  .max(3600, "không được quá 3600 giây")
  .default(60);

/** A comma-separated list in one variable, blanks dropped. */
const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, "không được để trống"));

// What proxy-addr (Fastify's trustProxy) understands: an address, a CIDR block, or one of its
// named ranges. Anything else would be silently ignored by it, so it is refused here.
const proxyAddress = z.string().refine((value) => {
  if (["loopback", "linklocal", "uniquelocal"].includes(value)) return true;
  const [address, bits, extra] = value.split("/");
  const family = net.isIP(address ?? "");
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}, "phải là danh sách địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8)");

// The address users type in their browser: its origin is what a state-changing request's
// Origin header must be (src/server/security.ts).
const publicUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin !== "null";
    } catch {
      return false;
    }
  }, "phải là danh sách địa chỉ http(s)://tên-miền[:cổng] cách nhau bởi dấu phẩy")
  .transform((value) => new URL(value).origin);

const minutes = z.coerce
  .number({ message: "phải là một số (phút)" })
  .int("phải là số nguyên")
  .min(1, "phải lớn hơn 0");

/** A 256-bit key written as base64 or hex, or null when it is neither. */
function secretKeyBytes(value: string): Buffer | null {
  const hex = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : null;
  const key = hex ?? Buffer.from(value, "base64");
  return key.length === 32 ? key : null;
}

const envSchema = z
  .object({
    PORT: port.default(3000),
    // Loopback only until the operator opens it (HOST=0.0.0.0) or puts a proxy in front.
    HOST: z.string().min(1).default("127.0.0.1"),
    DONDOC_TRUST_PROXY: list(proxyAddress).optional(),
    DONDOC_PUBLIC_URL: list(publicUrl).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "phải có dạng postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce
      .number({ message: "phải là một số" })
      .int("phải là số nguyên")
      .min(1, "phải từ 1 đến 200")
      .max(200, "phải từ 1 đến 200")
      .default(10),
    DONDOC_DATA_DIR: z.string().min(1).default("./data"),
    DONDOC_ADMIN_USER: z
      .string()
      .regex(/^[a-z0-9._-]{3,64}$/i, "chỉ gồm chữ không dấu, số và . _ - (3–64 ký tự)")
      .optional(),
    DONDOC_ADMIN_PASSWORD: z.string().min(10, "phải có ít nhất 10 ký tự").optional(),
    DONDOC_TENANT: z
      .string()
      .regex(/^[a-z0-9-]+$/, "chỉ gồm chữ thường không dấu, số và dấu -")
      .default("lam-dong"),
    DONDOC_TENANT_NAME: z.string().min(1).default("Tỉnh Lâm Đồng"),
    DONDOC_SESSION_IDLE_MINUTES: minutes.max(24 * 60, "không được quá 1440 phút").default(30),
    DONDOC_SESSION_MAX_HOURS: z.coerce
      .number({ message: "phải là một số (giờ)" })
      .int("phải là số nguyên")
      .min(1, "phải từ 1 đến 720 giờ")
      .max(720, "phải từ 1 đến 720 giờ")
      .default(12),
    DONDOC_SESSION_MAX_PER_USER: z.coerce
      .number({ message: "phải là một số" })
      .int("phải là số nguyên")
      .min(1, "phải từ 1 đến 100")
      .max(100, "phải từ 1 đến 100")
      .default(5),
    DONDOC_LOGIN_RATE_PER_MINUTE: z.coerce
      .number({ message: "phải là một số" })
      .int("phải là số nguyên")
      .min(1, "phải từ 1 đến 10000")
      .max(10000, "phải từ 1 đến 10000")
      .default(30),
    DONDOC_SECRET_KEY: z
      .string()
      .refine(
        (value) => secretKeyBytes(value) !== null,
        "phải là 32 byte ngẫu nhiên viết dạng base64 hoặc hex (openssl rand -base64 32)",
      )
      .optional(),
    DONDOC_EVIDENCE_MAX_MB: z.coerce
      .number({ message: "phải là một số" })
      .positive("phải lớn hơn 0")
      .max(1024, "không được quá 1024")
      .default(20),
    // Read where it is used (extractTimeoutMs below); here so that a bad value stops the start.
    DONDOC_EXTRACT_TIMEOUT_S: extractTimeoutS,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  })
  .refine((env) => !env.DONDOC_ADMIN_USER === !env.DONDOC_ADMIN_PASSWORD, {
    message: "DONDOC_ADMIN_USER và DONDOC_ADMIN_PASSWORD phải được đặt cùng nhau",
    path: ["DONDOC_ADMIN_USER"],
  });

export type Config = ReturnType<typeof loadConfig>;

/** Reads and validates the environment once; every bad value is named with what would be right. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "môi trường"} ${issue.message}`,
    );
    throw new StartupError(`Cấu hình không hợp lệ: ${problems.join("; ")}.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    /**
     * Proxies whose X-Forwarded-For/-Proto/-Host are believed (addresses or CIDR blocks);
     * false: none, the socket's own address and protocol count.
     */
    trustProxy: e.DONDOC_TRUST_PROXY ?? (false as const),
    /** Origins the app is reached at; unset: the request's own Host and protocol. */
    publicOrigins: e.DONDOC_PUBLIC_URL ?? [],
    databaseUrl: e.DATABASE_URL,
    /** Connections to PostgreSQL per app instance; the embedded database always has one. */
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DONDOC_DATA_DIR),
    admin: e.DONDOC_ADMIN_USER
      ? { username: e.DONDOC_ADMIN_USER, password: e.DONDOC_ADMIN_PASSWORD! }
      : undefined,
    tenant: { code: e.DONDOC_TENANT, name: e.DONDOC_TENANT_NAME },
    session: {
      /** A session unused this long ends. */
      idleMinutes: e.DONDOC_SESSION_IDLE_MINUTES,
      /** A session ends this long after login, however busy. */
      maxHours: e.DONDOC_SESSION_MAX_HOURS,
      /** Opening one more ends the user's oldest. */
      maxPerUser: e.DONDOC_SESSION_MAX_PER_USER,
    },
    /** Login requests one address may send per minute before 429 (a flood guard, per process). */
    loginRatePerMinute: e.DONDOC_LOGIN_RATE_PER_MINUTE,
    /** Encrypts stored TOTP secrets (AES-256-GCM); without it they are stored as they are. */
    secretKey: e.DONDOC_SECRET_KEY ? (secretKeyBytes(e.DONDOC_SECRET_KEY) ?? undefined) : undefined,
    /** Largest evidence file accepted, in bytes. */
    evidenceMaxBytes: Math.round(e.DONDOC_EVIDENCE_MAX_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
  };
}

/**
 * The extraction deadline alone, in ms, for code that runs without the rest of the configuration
 * (`dondoc extract` needs no database settings). A bad value is the same StartupError as at start.
 */
export function extractTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = extractTimeoutS.safeParse(stripEmpty(env).DONDOC_EXTRACT_TIMEOUT_S);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => issue.message).join("; ");
    throw new StartupError(`Cấu hình không hợp lệ: DONDOC_EXTRACT_TIMEOUT_S ${problem}.`);
  }
  return Math.round(parsed.data * 1000);
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}
