import type { FastifyBaseLogger } from "fastify";
import { sweepSessions } from "../commands/sweepSessions.ts";
import type { Database } from "../db/client.ts";

const EVERY_MS = 10 * 60_000;

/**
 * Removes ended sessions at start and every ten minutes while the server runs. The timer does not
 * keep the process alive; with several servers each sweeps, which is harmless (a DELETE of rows
 * nobody can use). Returns the function that stops it, waiting for a sweep under way.
 */
export function startSessionSweeper(
  db: Database,
  idleMinutes: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = sweepSessions(db, { idleMinutes })
      .then((removed) => {
        if (removed > 0) log.info({ removed }, "expired sessions swept");
      })
      .catch((error) => log.warn({ err: error }, "session sweep failed"));
  };
  sweep();
  const timer = setInterval(sweep, EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
