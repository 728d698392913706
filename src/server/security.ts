import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { writeAuditRow } from "../commands/context.ts";
import type { Config } from "../config.ts";
import { findUnsafeText, type UnsafeText } from "../domain/inputSafety.ts";
import { AppError } from "../errors.ts";
import { principalFromToken } from "../queries/sessions.ts";
import { actorOf } from "./actor.ts";
import { SESSION_COOKIE } from "./session.ts";

/**
 * The controls every request passes before its route (docs/decisions/0012-request-hardening.md):
 * security headers on every answer, the origin of a state-changing request, text that the
 * database can store. Registered once by buildApp, before the routes.
 */
export async function registerRequestSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The Vite build loads every script from /assets (no inline script in index.html).
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Ant Design writes its styles at run time (CSS-in-JS <style> elements) and React sets
        // style attributes; a nonce cannot cover attributes, so inline styles stay allowed.
        // Styles cannot run script; what injected CSS could leak is bounded by connect-src,
        // img-src and font-src all being 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: on plain HTTP inside an office network it would send the
        // app's own assets to an https:// that does not exist. HSTS below covers TLS deployments.
      },
    },
    frameguard: { action: "deny" },
    // same-origin rather than no-referrer: our own requests keep a Referer, which the origin
    // check falls back on when a proxy strips Origin; other sites learn nothing.
    referrerPolicy: { policy: "same-origin" },
    // HSTS is decided per request (only over TLS), below.
    hsts: false,
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("Permissions-Policy", PERMISSIONS_POLICY);
    if (request.protocol === "https") reply.header("Strict-Transport-Security", "max-age=31536000");
    // API answers carry people's work: no browser or proxy keeps them. A route that sets its own
    // policy (evidence downloads) keeps it; the app's static assets keep their caching.
    if (isApi(request) && !reply.hasHeader("cache-control")) reply.header("Cache-Control", "no-store");
  });
  app.addHook("onRequest", originCheck(app, config.publicOrigins));
  app.addHook("preValidation", textCheck);
}

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

const isApi = (request: FastifyRequest) => request.url === "/api" || request.url.startsWith("/api/");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin of a URL as browsers write it (default port dropped, lower case), or null. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Where this app is reached: the configured public URLs, else the request's own host and scheme. */
function ownOrigins(request: FastifyRequest, publicOrigins: string[]): string[] {
  if (publicOrigins.length > 0) return publicOrigins;
  const own = originOf(`${request.protocol}://${request.host}`);
  return own ? [own] : [];
}

const csrfRefusal = () =>
  new AppError(
    "csrf_origin",
    403,
    "Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống. Hãy mở lại hệ thống từ địa chỉ chính thức rồi thực hiện lại.",
  );

/**
 * A state-changing request must come from the app's own pages. Browsers send Origin on every
 * POST, PUT, PATCH and DELETE (same-origin included), so a forged form or fetch from another
 * site (even a sibling host or port that SameSite=Lax treats as the same site) names itself and
 * is refused. Without Origin, the Referer decides; without either, Sec-Fetch-Site (sent by every
 * current browser) must say same-origin. A request with none of the three is not from a browser
 * (the CLI, scripts, tests): it cannot have been forged by a page, so it passes, session or not.
 */
function originCheck(app: FastifyInstance, publicOrigins: string[]) {
  const refuse = async (request: FastifyRequest, claimed: string | null | undefined) => {
    await auditForgedWrite(app, request, claimed ?? null);
    return csrfRefusal();
  };
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const { origin, referer } = request.headers;
    const site = request.headers["sec-fetch-site"];
    let claimed: string | null | undefined;
    if (origin !== undefined) claimed = originOf(origin);
    else if (referer !== undefined) claimed = originOf(referer);
    else if (site !== undefined) {
      if (site === "same-origin") return;
      throw await refuse(request, null);
    } else {
      return;
    }
    const own = ownOrigins(request, publicOrigins);
    if (!claimed || !own.includes(claimed)) {
      // Our own host under another scheme is a deployment mistake, not an attack: TLS ends at a
      // proxy that is not trusted, so the request looks like plain HTTP. The log says so (without
      // the values themselves).
      const claimedHost = claimed ? new URL(claimed).host : null;
      const proxyHint = own.some((o) => new URL(o).host === claimedHost)
        ? "same host, other scheme: set DONDOC_TRUST_PROXY to the TLS proxy's address, or DONDOC_PUBLIC_URL"
        : undefined;
      request.log.warn(
        { route: request.routeOptions.url, hasSession: SESSION_COOKIE in request.cookies, hint: proxyHint },
        "cross-origin write refused",
      );
      throw await refuse(request, claimed);
    }
  };
}

/**
 * A refused cross-origin write leaves an `access.denied` row like any refusal: in the province
 * and under the name of the session the forged request carried, if it carried one (the person
 * an attack used), else as anonymous in the server's province. The row is written before the
 * refusal is sent; a failure to write it is logged by its database code and the refusal stands.
 */
async function auditForgedWrite(app: FastifyInstance, request: FastifyRequest, claimed: string | null) {
  const { handle, tenantId } = app.deps;
  try {
    const principal = await principalFromToken(handle.db, request.cookies[SESSION_COOKIE]);
    await writeAuditRow(
      handle.db,
      principal?.tenantId ?? tenantId,
      actorOf(request, principal ?? undefined),
      {
        action: "access.denied",
        entityType: "operation",
        after: {
          method: request.method,
          route: request.routeOptions.url ?? null,
          claimedOrigin: claimed,
          reason: "csrf_origin",
        },
      },
    );
  } catch (error) {
    const code = (error as { cause?: { code?: unknown }; code?: unknown }).cause?.code;
    request.log.error({ code }, "could not record a refused cross-origin write in the audit log");
  }
}

const PROBLEM_WORDS: Record<UnsafeText["problem"], string> = {
  nul: "ký tự NUL (\\u0000)",
  surrogate: "ký tự Unicode không hợp lệ (nửa cặp surrogate)",
};

/** The 400 for text the database cannot store, naming the field as the form or query calls it. */
export function invalidText(where: "body" | "query" | "params" | "form", unsafe: UnsafeText): AppError {
  const field = unsafe.path.length > 0 ? unsafe.path.join(".") : where === "body" ? "nội dung" : where;
  return new AppError(
    "invalid_text",
    400,
    `Trường "${field}" chứa ${PROBLEM_WORDS[unsafe.problem]}; hãy xoá ký tự đó rồi gửi lại.`,
    { field, problem: unsafe.problem, in: where },
  );
}

/**
 * Every parsed input (path, query string, JSON or text body) is checked once here, before the
 * route's schemas, so that no field can forget it. Multipart fields are read later by the route
 * (src/server/upload.ts) and checked there with the same rule.
 */
async function textCheck(request: FastifyRequest) {
  for (const where of ["params", "query", "body"] as const) {
    const unsafe = findUnsafeText(request[where]);
    if (unsafe) throw invalidText(where, unsafe);
  }
}
