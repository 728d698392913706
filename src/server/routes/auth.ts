import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { endSession } from "../../commands/endSession.ts";
import { totpLoginInput } from "../../commands/inputs/twoFactor.ts";
import { recordLoginFailure } from "../../commands/recordLoginFailure.ts";
import {
  type LoginUser,
  loginInput,
  needsSecondFactor,
  startLoginChallenge,
  startSession,
  verifyCredentials,
} from "../../commands/startSession.ts";
import { verifySecondFactor } from "../../commands/verifySecondFactor.ts";
import { waitText } from "../../domain/loginThrottle.ts";
import { AppError } from "../../errors.ts";
import { allow } from "../../policies/decision.ts";
import { type Abilities, abilities, roles } from "../../policies/index.ts";
import { activeLoginLock, loginChallenge } from "../../queries/security.ts";
import { principalFromToken } from "../../queries/sessions.ts";
import { userProfile } from "../../queries/users.ts";
import { actorOf } from "../actor.ts";
import { query } from "../operation.ts";
import { errorBody, errorResponses } from "../schemas.ts";
import { allowRestricted, requireSession, SESSION_COOKIE, sessionViewOf } from "../session.ts";

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
  user: flags("create", "list", "update"),
  security: flags("manage"),
  audit: flags("read"),
  dashboard: flags("manageViews"),
  evaluation: flags("listAtRisk", "readRanking", "manageRankingSettings"),
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
  /** The password was issued or reset: nothing else works until it is changed. */
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** A role of the user requires TOTP: until it is enabled, nothing else works. */
  totpRequired: z.boolean(),
});

/** A session opened (`ok`), or the password was right and a TOTP code is due with `challenge`. */
const loginResponse = z.object({
  ok: z.boolean(),
  totpRequired: z.boolean(),
  challenge: z.string().optional(),
});

const loginErrors = { ...errorResponses, 429: errorBody };

const badCredentials = () =>
  new AppError("invalid_credentials", 401, "Tên đăng nhập hoặc mật khẩu không đúng.");

/** 429 with Retry-After: an account or address is locked after repeated failures. */
function locked(reply: FastifyReply, seconds: number) {
  reply.header("retry-after", String(seconds));
  return new AppError(
    "login_locked",
    429,
    `Đăng nhập tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${waitText(seconds)}.`,
    { retryAfter: seconds },
  );
}

const failed = (lockedFor: number) => ({ kind: "failed", lockedFor }) as const;
const opened = (session: { token: string; expiresAt: Date }) => ({ kind: "session", session }) as const;

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires: session.expiresAt,
  });
}

/**
 * Login (password, then a TOTP code when the account has one) and logout come before and after a
 * session, so they do not run through the operation helper; what they do is in the commands
 * startSession, verifySecondFactor, recordLoginFailure and endSession. A failure is counted and
 * audited in a transaction that commits before the refusal is sent.
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config, tenantId: serverTenant } = app.deps;
  const limits = { maxHours: config.session.maxHours, maxPerUser: config.session.maxPerUser };

  // A flood guard per address and process, only on the login routes (`config.rateLimit`); the
  // lockouts that outlive a process and span several are the database's (loginThrottle).
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        "rate_limited",
        429,
        `Quá nhiều yêu cầu đăng nhập từ địa chỉ này. Vui lòng thử lại sau ${waitText(Math.max(1, Math.ceil(context.ttl / 1000)))}.`,
      ),
  });
  const rateLimit = { rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } };

  /** Refuses with 429 while the account name or the address is locked. */
  const refuseWhileLocked = async (
    request: FastifyRequest,
    reply: FastifyReply,
    username: string,
    now: Date,
  ) => {
    const lock = await activeLoginLock(handle.db, { username, ip: request.ip }, now);
    if (lock) throw locked(reply, lock.retryAfter);
  };

  app.post(
    "/api/auth/login",
    {
      config: rateLimit,
      schema: {
        operationId: "login",
        tags: ["auth"],
        summary: "Đăng nhập",
        body: loginInput,
        response: { 200: loginResponse, ...loginErrors },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const { username } = request.body;
      await refuseWhileLocked(request, reply, username, now);
      const login = await verifyCredentials(handle.db, request.body);
      const actor = actorOf(request);
      const outcome = await handle.db.transaction(async (tx) => {
        const user = login.ok ? login.user : null;
        if (!user) {
          const tenantId = login.user?.tenantId ?? serverTenant;
          const failure = { username, userId: login.user?.id ?? null, factor: "password" as const, now };
          return failed(await recordLoginFailure({ tx, tenantId, actor }, failure));
        }
        if (await needsSecondFactor(tx, user)) {
          const { challenge } = await startLoginChallenge({ tx, actor }, user, now);
          return { kind: "challenge", challenge } as const;
        }
        return opened(await startSession({ tx, actor }, user, { ...limits, now }));
      });
      if (outcome.kind === "failed") {
        throw outcome.lockedFor > 0 ? locked(reply, outcome.lockedFor) : badCredentials();
      }
      if (outcome.kind === "challenge")
        return { ok: false, totpRequired: true, challenge: outcome.challenge };
      setSessionCookie(request, reply, outcome.session);
      return { ok: true, totpRequired: false };
    },
  );

  app.post(
    "/api/auth/login/totp",
    {
      config: rateLimit,
      schema: {
        operationId: "loginTotp",
        tags: ["auth"],
        summary: "Đăng nhập: bước xác thực hai lớp",
        body: totpLoginInput,
        response: { 200: loginResponse, ...loginErrors },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const challenge = await loginChallenge(handle.db, request.body.challenge, now);
      if (!challenge) {
        throw new AppError(
          "login_challenge_expired",
          401,
          "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
        );
      }
      await refuseWhileLocked(request, reply, challenge.username, now);
      const user: LoginUser = {
        id: challenge.userId,
        tenantId: challenge.tenantId,
        username: challenge.username,
      };
      const actor = { ...actorOf(request), userId: user.id, label: `user:${user.username}` };
      const outcome = await handle.db.transaction(async (tx) => {
        const ctx = { tx, tenantId: user.tenantId, actor };
        const checked = await verifySecondFactor(ctx, challenge, request.body, config.secretKey);
        if (checked.ok) return opened(await startSession(ctx, user, { ...limits, now }, checked.method));
        const failure = { username: user.username, userId: user.id, factor: checked.factor, now };
        return failed(await recordLoginFailure(ctx, failure));
      });
      if (outcome.kind === "failed") {
        if (outcome.lockedFor > 0) throw locked(reply, outcome.lockedFor);
        throw new AppError(
          "invalid_totp_code",
          401,
          request.body.recoveryCode
            ? "Mã khôi phục không đúng hoặc đã được dùng."
            : "Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới trên ứng dụng.",
        );
      }
      setSessionCookie(request, reply, outcome.session);
      return { ok: true, totpRequired: false };
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
    options: { preHandler: requireSession(handle.db), ...allowRestricted },
    schema: {
      operationId: "getMe",
      tags: ["auth"],
      summary: "Tài khoản đang đăng nhập",
      response: { 200: meResponse, ...errorResponses },
    },
    authorize: () => allow,
    run: async (ctx) => {
      const view = sessionViewOf(ctx.request);
      return {
        ...(await userProfile(ctx.db, ctx.principal)),
        roles: ctx.principal.roles,
        abilities: abilities(ctx.principal),
        mustChangePassword: view.mustChangePassword,
        totpEnabled: view.totpEnabled,
        totpRequired: view.totpRequired,
      };
    },
  });
};
