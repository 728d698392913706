/** Command-line arguments of `npm run bench -- api`. Pure: no I/O, so it can be tested. */

export interface ApiBenchOptions {
  /** Print only the JSON array of figures on stdout. */
  json: boolean;
  /** A running server to measure instead of starting one on DATABASE_URL. */
  url?: string;
  /** Seconds per endpoint; also shortens the mixed load when given. */
  duration: number;
  /** Seconds of the mixed load (60 unless --duration is given). */
  mixedDuration: number;
  /** Connections per endpoint. */
  connections: number;
  /** Connections of the mixed load (the 100). */
  mixedConnections: number;
  /** Only the measurements whose name contains one of these words (for trying). */
  only: string[];
  help: boolean;
}

export const DEFAULTS = {
  duration: 10,
  mixedDuration: 60,
  connections: 10,
  mixedConnections: 100,
} as const;

export const USAGE = `Cách dùng: npm run bench -- api [--json] [--url URL] [--duration S] [--connections N] [--only TÊN,…]
  Không có --url: chạy máy chủ trên DATABASE_URL (dữ liệu đã nạp) ở một cổng trống, dừng khi xong.
  --duration S     số giây đo mỗi API (mặc định ${DEFAULTS.duration}) và tải hỗn hợp (mặc định ${DEFAULTS.mixedDuration})
  --connections N  số kết nối đồng thời khi đo từng API (mặc định ${DEFAULTS.connections}; tải hỗn hợp: ${DEFAULTS.mixedConnections})
  --only TÊN,…     chỉ đo các phép có tên chứa một trong các từ này (vd. --only mixed,login)
  --json           chỉ in mảng [{name, p50, p95, p99, rps, errors}] ra stdout`;

/** A mistake in the arguments: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

function positive(flag: string, value: string | undefined, integer: boolean): number {
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} cần một giá trị.`);
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} phải là số ${integer ? "nguyên " : ""}lớn hơn 0 (nhận được "${value}").`);
  }
  return n;
}

function httpUrl(value: string | undefined): string {
  if (value === undefined || value.startsWith("--")) throw new UsageError("--url cần một địa chỉ.");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url "${value}" không phải địa chỉ http:// hoặc https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url "${value}" không phải địa chỉ http:// hoặc https://.`);
  }
  return url.origin;
}

export function parseArgs(argv: string[]): ApiBenchOptions {
  const options: ApiBenchOptions = {
    json: false,
    duration: DEFAULTS.duration,
    mixedDuration: DEFAULTS.mixedDuration,
    connections: DEFAULTS.connections,
    mixedConnections: DEFAULTS.mixedConnections,
    only: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--json":
        options.json = true;
        break;
      case "--url":
        options.url = httpUrl(value());
        break;
      case "--duration": {
        const seconds = positive("--duration", value(), false);
        options.duration = seconds;
        options.mixedDuration = seconds;
        break;
      }
      case "--connections":
        options.connections = positive("--connections", value(), true);
        break;
      case "--only": {
        const words = value();
        if (words === undefined || words.startsWith("--")) throw new UsageError("--only cần tên phép đo.");
        options.only = words
          .split(",")
          .map((w) => w.trim().toLowerCase())
          .filter(Boolean);
        break;
      }
      case "-h":
      case "--help":
        options.help = true;
        break;
      default:
        throw new UsageError(`Không hiểu tham số "${arg}".`);
    }
  }
  return options;
}

/** Whether a measurement is selected by --only. */
export const selected = (options: Pick<ApiBenchOptions, "only">, name: string) =>
  options.only.length === 0 || options.only.some((word) => name.toLowerCase().includes(word));
