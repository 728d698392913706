import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { migrationStatus } from "../../db/migrate.ts";

/** Liveness and readiness, for proxies and orchestrators. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      schema: {
        operationId: "health",
        tags: ["system"],
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      schema: {
        operationId: "ready",
        tags: ["system"],
        response: {
          200: z.object({ status: z.literal("ready"), database: z.string(), migrations: z.number() }),
          503: z.object({ code: z.string(), message: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      const { handle } = app.deps;
      try {
        await handle.db.execute(sql`select 1`);
      } catch {
        return reply
          .status(503)
          .send({ code: "database_unreachable", message: "Không kết nối được cơ sở dữ liệu." });
      }
      const status = await migrationStatus(handle);
      if (status.applied < status.known) {
        return reply.status(503).send({
          code: "migrations_pending",
          message: `Còn ${status.known - status.applied} bản cập nhật CSDL chưa áp dụng.`,
        });
      }
      return { status: "ready" as const, database: handle.kind, migrations: status.applied };
    },
  );
};
