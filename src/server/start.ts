import type { FastifyInstance } from "fastify";
import { ensureAdmin } from "../commands/ensureAdmin.ts";
import { ensureTenant } from "../commands/ensureTenant.ts";
import { type Config, StartupError } from "../config.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { buildApp } from "./app.ts";
import { startSessionSweeper } from "./sessionSweeper.ts";

export interface Running {
  app: FastifyInstance;
  handle: DatabaseHandle;
  tenantId: string;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Data to put in before the first request (the CLI's `serve --demo` passes the demo province). */
  seed?: (db: Database, tenantId: string) => Promise<unknown>;
  logger?: boolean | object;
}

/** Opens the database, migrates, bootstraps accounts (and any seed data), and listens. */
export async function startServer(config: Config, options: StartOptions = {}) {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    await migrate(handle);
    const tenantId = await ensureTenant(handle.db, config.tenant);
    if (config.admin) {
      const admin = config.admin;
      await handle.db.transaction((tx) =>
        ensureAdmin({ tx, tenantId, actor: { userId: null, label: "env" } }, admin),
      );
    }
    if (options.seed) await options.seed(handle.db, tenantId);

    const app = await buildApp(
      { handle, config, tenantId },
      { logger: options.logger ?? { level: config.logLevel } },
    );
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        throw new StartupError(
          `Cổng ${config.port} đang được chương trình khác dùng. Hãy dừng chương trình đó hoặc đặt PORT khác.`,
        );
      }
      if (code === "EACCES")
        throw new StartupError(`Không được phép mở cổng ${config.port}. Hãy đặt PORT lớn hơn 1024.`);
      throw error;
    }
    if (!config.secretKey) {
      app.log.warn(
        "DONDOC_SECRET_KEY chưa được đặt: khóa bí mật xác thực hai lớp được lưu không mã hóa trong cơ sở dữ liệu.",
      );
    }
    const stopSweeper = startSessionSweeper(handle.db, config.session.idleMinutes, app.log);
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    let stopped = false;
    return {
      app,
      handle,
      tenantId,
      url: `http://localhost:${port}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopSweeper();
        await app.close();
        await handle.close();
      },
    } satisfies Running;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
