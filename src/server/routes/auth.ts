import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { endSession } from "../../commands/endSession.ts";
import { loginInput, startSession, verifyCredentials } from "../../commands/startSession.ts";
import { allow } from "../../policies/decision.ts";
import { type Abilities, abilities, roles } from "../../policies/index.ts";
import { principalFromToken } from "../../queries/sessions.ts";
import { userProfile } from "../../queries/users.ts";
import { actorOf } from "../actor.ts";
import { query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession, SESSION_COOKIE } from "../session.ts";

const flags = <K extends string>(...keys: K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.boolean()])) as Record<K, z.ZodBoolean>);

/** What `abilities()` returns, spelled out so that the web app's generated types know each flag. */
const abilitiesResponse = z.object({
  agency: flags("list", "manage", "addAlias", "createWhileImporting"),
  plan: flags("list", "import", "edit"),
  task: z.object({ scope: z.enum(["all", "agencies"]) }),
  report: flags("submit", "review", "reopen", "reviewQueue", "approveAsHead"),
  deadlineChange: flags("request", "decide"),
  comment: flags("add"),
  user: flags("create", "list"),
  audit: flags("read"),
});
// The serializer drops what the schema does not name: an ability added to the policies must be
// added here too, or the web app would never see it. This line stops the build until it is.
const sameShape: [Abilities, z.infer<typeof abilitiesResponse>] extends [
  z.infer<typeof abilitiesResponse>,
  Abilities,
]
  ? true
  : false = true;
void sameShape;

const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  abilities: abilitiesResponse,
});

/**
 * Login and logout come before (and after) a session, so they are the two routes that do not
 * run through the operation helper; what they do is in the startSession and endSession commands.
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config } = app.deps;

  app.post(
    "/api/auth/login",
    {
      schema: {
        operationId: "login",
        tags: ["auth"],
        summary: "Đăng nhập",
        body: loginInput,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const login = await verifyCredentials(handle.db, request.body);
      const session = await handle.db.transaction((tx) =>
        startSession({ tx, actor: actorOf(request) }, login, { days: config.sessionDays }),
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        expires: session.expiresAt,
      });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: {
        operationId: "logout",
        tags: ["auth"],
        summary: "Đăng xuất",
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const principal = await principalFromToken(handle.db, token);
      if (token && principal) {
        await handle.db.transaction((tx) =>
          endSession({ tx, tenantId: principal.tenantId, actor: actorOf(request, principal) }, token),
        );
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  query(app, {
    method: "GET",
    url: "/api/me",
    options: { preHandler: requireSession(handle.db) },
    schema: {
      operationId: "getMe",
      tags: ["auth"],
      summary: "Tài khoản đang đăng nhập",
      response: { 200: meResponse, ...errorResponses },
    },
    authorize: () => allow,
    run: async (ctx) => ({
      ...(await userProfile(ctx.db, ctx.principal)),
      roles: ctx.principal.roles,
      abilities: abilities(ctx.principal),
    }),
  });
};
