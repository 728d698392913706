/**
 * How failed logins slow an attacker down: after `threshold` failures on one account (or from one
 * address) further attempts are refused for `baseSeconds`, doubling with each failure after the
 * lock ends, up to `capSeconds`. Failures older than `forgetAfterSeconds` are forgotten.
 */
export interface ThrottleRule {
  threshold: number;
  baseSeconds: number;
  capSeconds: number;
  forgetAfterSeconds: number;
}

/** One person guessing one account's password. */
export const accountThrottle: ThrottleRule = {
  threshold: 5,
  baseSeconds: 60,
  capSeconds: 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

/**
 * One address trying many accounts; higher, because an office behind one NAT address shares it.
 * Successful logins do not reset it, or one valid account would whitewash a password spray.
 */
export const addressThrottle: ThrottleRule = {
  threshold: 20,
  baseSeconds: 60,
  capSeconds: 60 * 60,
  forgetAfterSeconds: 60 * 60,
};

export type ThrottleKind = "account" | "address";
export const throttleRules: Record<ThrottleKind, ThrottleRule> = {
  account: accountThrottle,
  address: addressThrottle,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** How long the failure numbered `failures` locks (0: not yet). */
export function lockSeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.threshold) return 0;
  const doublings = Math.min(failures - rule.threshold, 30);
  return Math.min(rule.baseSeconds * 2 ** doublings, rule.capSeconds);
}

/** The state after one more failure at `now`; `lockStarted` when this failure begins a lock. */
export function afterFailure(
  state: ThrottleState | null,
  now: Date,
  rule: ThrottleRule,
): ThrottleState & { lockStarted: boolean } {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > rule.forgetAfterSeconds * 1000;
  const failures = stale ? 1 : state.failures + 1;
  const seconds = lockSeconds(failures, rule);
  const lockedUntil =
    seconds > 0 ? new Date(now.getTime() + seconds * 1000) : stale ? null : state.lockedUntil;
  return { failures, lastFailureAt: now, lockedUntil, lockStarted: seconds > 0 };
}

/** Seconds until a lock ends (rounded up), or 0 when attempts are allowed at `now`. */
export function retryAfterSeconds(lockedUntil: Date | null | undefined, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}

/** "1 phút", "2 phút 30 giây", "45 giây": how long to wait, in the login page's words. */
export function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} giây`;
  return rest === 0 ? `${minutes} phút` : `${minutes} phút ${rest} giây`;
}
