import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import "../validation.ts";
import { errorHandler, logSerializers, notFoundHandler } from "./errors.ts";
import { agencyRoutes } from "./routes/agencies.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { commentRoutes } from "./routes/comments.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { dashboardViewRoutes } from "./routes/dashboardViews.ts";
import { deadlineChangeRoutes } from "./routes/deadlineChanges.ts";
import { evaluationRoutes } from "./routes/evaluation.ts";
import { evidenceRoutes } from "./routes/evidence.ts";
import { healthRoutes } from "./routes/health.ts";
import { importRoutes } from "./routes/imports.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { passwordRoutes } from "./routes/password.ts";
import { planEditingRoutes } from "./routes/planEditing.ts";
import { planRoutes } from "./routes/plans.ts";
import { reportRoutes } from "./routes/reports.ts";
import { reviewRoutes } from "./routes/reviews.ts";
import { rollupRoutes } from "./routes/rollups.ts";
import { securityRoutes } from "./routes/security.ts";
import { taskEditingRoutes } from "./routes/taskEditing.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { userRoutes } from "./routes/users.ts";
import { registerRequestSecurity } from "./security.ts";

export interface AppDeps {
  handle: DatabaseHandle;
  config: Config;
  tenantId: string;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

/**
 * Files under assets/ carry a hash of their content in their name, so a browser may keep them for
 * good; index.html names the current ones and is checked on every load; the rest (the icon)
 * for an hour.
 */
export function webCacheControl(filePath: string): string {
  const relative = path.relative(webDist, filePath).split(path.sep);
  if (relative[0] === "assets") return "public, max-age=31536000, immutable";
  if (relative[0]?.startsWith("index.html")) return "no-cache";
  return "public, max-age=3600";
}

/** Builds the HTTP app: thin routes over commands and queries, OpenAPI from the same zod schemas. */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean | object } = {},
): Promise<FastifyInstance> {
  const logger = options.logger ?? false;
  const app = Fastify({
    logger: logger === false ? false : { ...(logger === true ? {} : logger), serializers: logSerializers },
    // Only the configured proxies may say who the client is and whether it came over TLS: the
    // address goes into the audit log and the protocol decides the cookie's Secure flag.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate("deps", deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await registerRequestSecurity(app, deps.config);
  // Uploads (plan files, evidence, directories): each route reads its parts and applies its own
  // size limit; this is the ceiling for any single file.
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 20, fields: 50 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Đôn Đốc API",
        description:
          "Theo dõi, đôn đốc thực hiện nhiệm vụ. Lỗi trả về JSON {code, message} với thông điệp tiếng Việt.",
        version: "0.1.0",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "dondoc_session" } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(securityRoutes);
  await app.register(planRoutes);
  await app.register(rollupRoutes);
  await app.register(dashboardViewRoutes);
  await app.register(evaluationRoutes);
  await app.register(dashboardRoutes);
  await app.register(taskRoutes);
  await app.register(importRoutes);
  await app.register(taskEditingRoutes);
  await app.register(planEditingRoutes);
  await app.register(agencyRoutes);
  await app.register(userRoutes);
  await app.register(passwordRoutes);
  await app.register(reportRoutes);
  await app.register(reviewRoutes);
  await app.register(deadlineChangeRoutes);
  await app.register(commentRoutes);
  await app.register(notificationRoutes);
  await app.register(evidenceRoutes);
  await app.register(auditRoutes);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(`${webDist}/index.html`)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The build writes .br and .gz beside each file (vite.config.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header("cache-control", webCacheControl(filePath)),
    });
    // The web app routes in the browser: any non-API GET gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === "GET" && !request.url.startsWith("/api/")) return reply.sendFile("index.html");
      return notFoundHandler(request, reply);
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}
