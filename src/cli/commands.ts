import { spawn } from "node:child_process";
import type { Command } from "commander";
import { loadConfig, StartupError } from "../config.ts";
import { roles } from "../policies/principal.ts";
import { registerBenchCommands } from "./benchCommands.ts";

// Each command loads what it needs when it runs (the server, the database drivers, argon2, the
// readers): `dondoc --help` and `dondoc extract` then start in a fraction of a second.
const database = async () => ({
  ...(await import("../db/client.ts")),
  ...(await import("../db/migrate.ts")),
});

export function registerCommands(program: Command) {
  program
    .command("serve")
    .description("Chạy máy chủ (API và giao diện web)")
    .option("--demo", "nạp dữ liệu mẫu (cơ quan, tài khoản, hai kế hoạch) nếu chưa có kế hoạch nào")
    .action(async (options: { demo?: boolean }) => {
      const config = loadConfig();
      const { startServer } = await import("../server/start.ts");
      const { DEMO_PASSWORD, demoUsers, seedDemo } = await import("./demo.ts");
      const running = await startServer(config, { seed: options.demo ? seedDemo : undefined });
      // The first upload then finds a worker with the readers loaded.
      (await import("../ingest/limits.ts")).warmExtraction();
      const where =
        running.handle.kind === "pglite"
          ? `CSDL nhúng tại ${running.handle.location}`
          : running.handle.location;
      process.stderr.write(`Đôn Đốc đang chạy tại ${running.url} (${where}).\n`);
      if (options.demo) {
        process.stderr.write(
          `Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}): ${demoUsers.map((u) => u.username).join(", ")}.\n`,
        );
      } else {
        const { hasAnyUser, noAccountHelp } = await import("./demoReset.ts");
        if (!(await hasAnyUser(running.handle.db, running.tenantId))) process.stderr.write(noAccountHelp);
      }
      const shutdown = async (signal: string) => {
        process.stderr.write(`Nhận ${signal}, đang dừng…\n`);
        const timer = setTimeout(() => process.exit(1), 10_000);
        timer.unref();
        await running.stop();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
    });

  program
    .command("migrate")
    .description("Áp dụng các bản cập nhật cấu trúc cơ sở dữ liệu")
    .action(async () => {
      const config = loadConfig();
      const { openDatabase, migrate, migrationStatus } = await database();
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(handle);
        const status = await migrationStatus(handle);
        process.stdout.write(
          `Đã áp dụng ${status.applied}/${status.known} bản cập nhật (${handle.location}).\n`,
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command("seed")
    .description("Nạp dữ liệu mẫu: cây cơ quan tỉnh Lâm Đồng, tài khoản mẫu và hai kế hoạch")
    .action(async () => {
      const config = loadConfig();
      const { openDatabase, migrate } = await database();
      const { ensureTenant } = await import("../commands/ensureTenant.ts");
      const { seedDemo } = await import("./demo.ts");
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(handle);
        const tenantId = await ensureTenant(handle.db, config.tenant);
        const { created } = await seedDemo(handle.db, tenantId);
        process.stdout.write(
          created ? "Đã nạp dữ liệu mẫu.\n" : "Đã có kế hoạch: không nạp lại dữ liệu mẫu.\n",
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command("demo")
    .description("Dữ liệu mẫu")
    .command("reset")
    .description(
      "Xóa toàn bộ dữ liệu trong thư mục dữ liệu (CSDL nhúng, tệp minh chứng) rồi nạp lại dữ liệu mẫu",
    )
    .option("--yes", "không hỏi lại")
    .action(async (options: { yes?: boolean }) => {
      const config = loadConfig();
      const { resetDemo } = await import("./demoReset.ts");
      const { reset } = await resetDemo(config, (dataDir) =>
        options.yes ? Promise.resolve(true) : askToReset(dataDir),
      );
      process.stdout.write(
        reset ? "Đã xóa dữ liệu cũ và nạp lại dữ liệu mẫu.\n" : "Đã hủy: dữ liệu giữ nguyên.\n",
      );
    });

  const user = program.command("user").description("Quản lý tài khoản");
  user
    .command("add <username>")
    .description("Cấp một tài khoản")
    .requiredOption("--name <displayName>", "họ tên")
    .requiredOption("--role <role...>", `vai trò: ${roles.join(", ")}`)
    .option("--agency <code>", "mã cơ quan, đơn vị (bắt buộc với cán bộ, lãnh đạo đơn vị)")
    .option("--email <email>", "thư điện tử")
    .option("--password-stdin", "đọc mật khẩu từ đầu vào chuẩn thay vì DONDOC_NEW_PASSWORD")
    .action(async (username: string, options: UserAddOptions) => {
      const password = options.passwordStdin ? (await readStdin()).trim() : process.env.DONDOC_NEW_PASSWORD;
      if (!password)
        throw new StartupError("Cần mật khẩu: đặt DONDOC_NEW_PASSWORD hoặc dùng --password-stdin.");
      const config = loadConfig();
      const { openDatabase, migrate } = await database();
      const { ensureTenant } = await import("../commands/ensureTenant.ts");
      const { createUser } = await import("../commands/createUser.ts");
      const { cliActor } = await import("../commands/context.ts");
      const { AppError } = await import("../errors.ts");
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(handle);
        const tenantId = await ensureTenant(handle.db, config.tenant);
        const created = await handle.db.transaction(async (tx) => {
          const agencyId = options.agency ? await agencyIdByCode(tx, tenantId, options.agency) : null;
          return createUser(
            { tx, tenantId, actor: cliActor },
            {
              username,
              displayName: options.name,
              email: options.email,
              password,
              roles: options.role as never,
              agencyId,
            },
            { mustChangePassword: true },
          );
        });
        process.stdout.write(`Đã cấp tài khoản ${created.username}.\n`);
      } catch (error) {
        if (error instanceof AppError) throw new StartupError(error.message);
        if (error instanceof Error && error.name === "ZodError") {
          const issues = (error as unknown as { issues: { message: string }[] }).issues;
          throw new StartupError(issues.map((i) => i.message).join("; "));
        }
        throw error;
      } finally {
        await handle.close();
      }
    });

  const audit = program.command("audit").description("Nhật ký hệ thống");
  audit
    .command("verify")
    .description(
      "Kiểm tra chuỗi mã băm của nhật ký hệ thống; in mã băm cuối của từng tỉnh để lưu giữ ở nơi khác",
    )
    .option("--json", "in kết quả dạng JSON")
    .option(
      "--anchor <mốc...>",
      "mốc đã lưu từ lần kiểm tra trước (<mã tỉnh>:<số thứ tự>:<mã băm>), phải vẫn còn và khớp",
    )
    .action(async (options: { json?: boolean; anchor?: string[] }) => {
      const config = loadConfig();
      const { openDatabase } = await database();
      const { parseAnchor, verifyAudit } = await import("./auditVerify.ts");
      const anchors = (options.anchor ?? []).map((text) => {
        const anchor = parseAnchor(text);
        if (!anchor) throw new StartupError(`Mốc "${text}" không đúng dạng <mã tỉnh>:<số thứ tự>:<mã băm>.`);
        return anchor;
      });
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const ok = await verifyAudit(handle.db, (line) => process.stdout.write(`${line}\n`), {
          json: options.json,
          anchors,
        });
        // A broken chain is the answer, not an error: the report is on stdout, the exit code says it.
        if (!ok) process.exitCode = 2;
      } finally {
        await handle.close();
      }
    });

  program
    .command("extract <file>")
    .description(
      "Trích xuất nhiệm vụ, thời hạn, cơ quan và chỉ tiêu từ một văn bản (.docx, .pdf, .xlsx, .doc, .txt, .md)",
    )
    .option("--json", "in kết quả dạng JSON (mặc định)", true)
    .action(async (file: string, options: { json: boolean }) => {
      const { runExtract } = await import("./extract.ts");
      process.exitCode = await runExtract(file, options);
    });

  program
    .command("dev")
    .description("Chế độ phát triển: máy chủ tự tải lại và giao diện web với Vite")
    .action(() => {
      const api = spawn(
        process.execPath,
        ["--import", "tsx", "--watch", "src/cli/main.ts", "serve", "--demo"],
        {
          stdio: "inherit",
          env: { ...process.env, PORT: process.env.API_PORT ?? "3001", NODE_ENV: "development" },
        },
      );
      const web = spawn(
        process.execPath,
        ["node_modules/vite/bin/vite.js", "--port", process.env.PORT ?? "3000"],
        {
          stdio: "inherit",
          env: { ...process.env, DONDOC_API: `http://127.0.0.1:${process.env.API_PORT ?? "3001"}` },
        },
      );
      const stop = () => {
        api.kill("SIGTERM");
        web.kill("SIGTERM");
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  registerBenchCommands(program);
}

interface UserAddOptions {
  name: string;
  role: string[];
  agency?: string;
  email?: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function agencyIdByCode(tx: import("../db/client.ts").Transaction, tenantId: string, code: string) {
  const { agencies } = await import("../db/schema/index.ts");
  const { eq } = await import("drizzle-orm");
  const { inTenant } = await import("../db/tenancy.ts");
  const [row] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(inTenant(agencies, tenantId, eq(agencies.code, code)));
  if (!row) throw new StartupError(`Không có cơ quan, đơn vị mã "${code}".`);
  return row.id;
}

/** Asks on the terminal; with no terminal to ask on, `--yes` is required. */
async function askToReset(dataDir: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new StartupError("Thêm --yes để xác nhận xóa dữ liệu (không có bàn phím để hỏi lại).");
  }
  const { createInterface } = await import("node:readline/promises");
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Xóa toàn bộ dữ liệu trong ${dataDir} (cơ sở dữ liệu, tệp minh chứng) rồi nạp lại dữ liệu mẫu? Gõ "có" để tiếp tục: `,
    );
    return ["có", "co", "c", "yes", "y"].includes(answer.trim().toLowerCase());
  } finally {
    prompt.close();
  }
}
