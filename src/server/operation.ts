import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteOptions } from "fastify";
import type { z } from "zod";
import { type CommandContext, writeAuditRow } from "../commands/context.ts";
import type { Executor } from "../db/client.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import type { Decision } from "../policies/decision.ts";
import type { Principal } from "../policies/principal.ts";
import { actorOf } from "./actor.ts";
import { principalOf } from "./session.ts";

/**
 * One way to run an operation of the API, in a fixed order (Outline's): the session is checked
 * by the plugin's preHandler, Fastify validates params, query and body with the route's zod
 * schemas, then the helper opens the transaction (for a command), builds the context once, loads
 * the subject (404 when absent), asks the policy (403 with the policy's reason), runs the
 * command or query and lets the response schema present the result.
 */
export interface OperationSchema {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  consumes?: string[];
  produces?: string[];
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** The validated request: what the schemas promise, nothing else. */
export interface OperationInput<S extends OperationSchema> {
  params: Parsed<S["params"]>;
  query: Parsed<S["querystring"]>;
  body: Parsed<S["body"]>;
}

type SuccessStatus = 200 | 201 | 202;
/** What the handler may return: the input side of the success response schema. */
export type OperationResult<S extends OperationSchema> = {
  [K in keyof S["response"]]: K extends SuccessStatus
    ? S["response"][K] extends z.ZodType
      ? z.input<S["response"][K]>
      : never
    : never;
}[keyof S["response"]];

/** What a read runs with, and what loaders get: the connection (or the transaction), the tenant and who asks. */
export interface ReadContext {
  db: Executor;
  tenantId: string;
  principal: Principal;
  request: FastifyRequest;
  /** For headers of a download; the result is still what `run` returns. */
  reply: FastifyReply;
}

/** What a command runs with: its transaction, tenant and audit actor, plus who asks. */
export interface WriteContext extends CommandContext, ReadContext {}

interface OperationSpec<S extends OperationSchema, RunCtx, Subject, Prepared = undefined> {
  method: HTTPMethods;
  url: string;
  schema: S;
  /** The success status (200 unless said). */
  status?: SuccessStatus;
  /** Finds what the operation acts on, inside the transaction; null → 404 `missing`. */
  load?: (ctx: ReadContext, input: OperationInput<S>) => Promise<Subject | null | undefined>;
  /** What was not found, in the words of the 404 ("nhiệm vụ được giao"). */
  missing?: string;
  authorize: (principal: Principal, subject: Subject, input: OperationInput<S>) => Decision;
  run: (
    ctx: RunCtx,
    input: OperationInput<S>,
    subject: Subject,
    prepared: Prepared,
  ) => Promise<OperationResult<S>>;
  /** Route options besides the schema (a validator compiler, config). */
  options?: Record<string, unknown>;
}

/** Throws the policy's refusal as a 403 carrying its reason. */
function enforce(decision: Decision): void {
  if (!decision.allowed) throw forbidden(decision.reason);
}

function inputOf<S extends OperationSchema>(request: FastifyRequest): OperationInput<S> {
  return { params: request.params, query: request.query, body: request.body } as OperationInput<S>;
}

async function loadAndAuthorize<S extends OperationSchema, RunCtx, Subject, Prepared>(
  spec: OperationSpec<S, RunCtx, Subject, Prepared>,
  ctx: ReadContext,
  principal: Principal,
  input: OperationInput<S>,
): Promise<Subject> {
  const subject = spec.load ? await spec.load(ctx, input) : undefined;
  if (spec.load && (subject === null || subject === undefined)) throw notFound(spec.missing ?? "dữ liệu");
  enforce(spec.authorize(principal, subject as Subject, input));
  return subject as Subject;
}

interface CommandSpec<S extends OperationSchema, Subject, Prepared>
  extends OperationSpec<S, WriteContext, Subject, Prepared> {
  /**
   * Work that must not hold a connection (reading an upload, storing files, extracting a
   * document), done before the transaction, after a first load and policy check on the pool,
   * so that a refused request reads nothing; the transaction then loads and checks again.
   * What it returns (a multipart form read into the command's schema, stored files) reaches `run`.
   */
  prepare?: (ctx: ReadContext, input: OperationInput<S>, subject: Subject) => Promise<Prepared>;
  /** After the command, whether it failed or not: remove what `prepare` left behind. */
  release?: (prepared: Prepared, failed: boolean) => Promise<void>;
}

/** A write: load, authorize and run inside one transaction; the audit row commits with it. */
export function command<S extends OperationSchema, Subject = undefined, Prepared = undefined>(
  app: FastifyInstance,
  spec: CommandSpec<S, Subject, Prepared>,
): void {
  const { db } = app.deps.handle;
  register(app, spec, async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = principalOf(request);
    const input = inputOf<S>(request);
    let prepared = undefined as Prepared;
    if (spec.prepare) {
      const ctx: ReadContext = { db, tenantId: principal.tenantId, principal, request, reply };
      prepared = await spec.prepare(ctx, input, await loadAndAuthorize(spec, ctx, principal, input));
    }
    let failed = true;
    try {
      const result = await db.transaction(async (tx) => {
        const ctx: WriteContext = {
          tx,
          db: tx,
          tenantId: principal.tenantId,
          actor: actorOf(request, principal),
          principal,
          request,
          reply,
        };
        return spec.run(ctx, input, await loadAndAuthorize(spec, ctx, principal, input), prepared);
      });
      failed = false;
      return reply.status(spec.status ?? 200).send(result);
    } finally {
      if (spec.prepare && spec.release) await spec.release(prepared, failed).catch(() => {});
    }
  });
}

/** A read: load, authorize and query on the pool, without a transaction. */
export function query<S extends OperationSchema, Subject = undefined>(
  app: FastifyInstance,
  spec: OperationSpec<S, ReadContext, Subject>,
): void {
  const { db } = app.deps.handle;
  register(app, spec, async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = principalOf(request);
    const input = inputOf<S>(request);
    const ctx: ReadContext = { db, tenantId: principal.tenantId, principal, request, reply };
    const subject = await loadAndAuthorize(spec, ctx, principal, input);
    return reply.status(spec.status ?? 200).send(await spec.run(ctx, input, subject, undefined));
  });
}

/** `reportId` → "progress_report": the entity types the commands write for the same things. */
const entityTypeOfParam: Record<string, string> = { report: "progress_report" };

/**
 * Leaves a trace of a refused request (`access.denied`): who, from where, which operation, on
 * what, and the policy's reason. Written on the pool after the command's transaction has rolled
 * back, so the row stays although the work does not. A failure to write it is logged, and the
 * refusal still answers.
 */
async function auditRefusal(
  db: Executor,
  request: FastifyRequest,
  spec: { schema: OperationSchema; method: HTTPMethods; url: string },
  error: AppError,
): Promise<void> {
  const principal = request.principal;
  if (!principal) return;
  // The first id in the path names what the operation was about (`/api/tasks/:taskId/comments`).
  const params = Object.entries((request.params ?? {}) as Record<string, unknown>).filter(
    ([name, value]) => name.endsWith("Id") && typeof value === "string",
  ) as [string, string][];
  const [subject] = params;
  const subjectType = subject?.[0].slice(0, -2).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  try {
    await writeAuditRow(db, principal.tenantId, actorOf(request, principal), {
      action: "access.denied",
      entityType: subjectType ? (entityTypeOfParam[subjectType] ?? subjectType) : "operation",
      entityId: subject?.[1] ?? null,
      after: {
        operationId: spec.schema.operationId,
        method: spec.method,
        route: spec.url,
        params: Object.fromEntries(params),
        reason: error.message,
      },
    });
  } catch (auditError) {
    // The driver's message quotes the statement and its values (the browser's name, ids): only
    // the database's error code goes to the log.
    const code = (auditError as { cause?: { code?: unknown }; code?: unknown }).cause?.code;
    request.log.error({ code }, "could not record a refused request in the audit log");
  }
}

/**
 * The route as Fastify takes it. The schemas are zod (the app's validator and serializer
 * compilers read them); the handler's types come from OperationInput, not from Fastify's
 * provider, hence the plain RouteOptions.
 */
function register<S extends OperationSchema, Ctx, Subject, Prepared>(
  app: FastifyInstance,
  spec: OperationSpec<S, Ctx, Subject, Prepared>,
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
): void {
  const { db } = app.deps.handle;
  const route: RouteOptions = {
    ...spec.options,
    method: spec.method,
    url: spec.url,
    schema: spec.schema,
    handler: async (request, reply) => {
      try {
        return await handler(request, reply);
      } catch (error) {
        // Every 403 of an operation is a policy's refusal (enforce): it is audited.
        if (error instanceof AppError && error.status === 403) await auditRefusal(db, request, spec, error);
        throw error;
      }
    },
  };
  app.route(route);
}
