import { createHash } from "node:crypto";

/**
 * The session cookie holds a random token; the sessions table keeps only this hash, so a copy of
 * the database does not let anyone sign in. Here, below the commands and the queries, because
 * both opening a session and looking one up need it.
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
