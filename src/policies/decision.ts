/**
 * What a policy answers when an operation asks: allowed, or refused with the reason the user
 * reads (Vietnamese). The route helper turns a refusal into a 403 with that reason, so the
 * message lives beside the rule instead of at every call site; the web reads the same rules as
 * booleans through `abilities()` and the per-row `can` flags.
 */
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export const allow: Decision = { allowed: true };

export const deny = (reason: string): Decision => ({ allowed: false, reason });

/** `allowed` when the rule holds, else refused with `reason`. */
export const decide = (holds: boolean, reason: string): Decision => (holds ? allow : deny(reason));

/** Allowed when every decision is; else the first refusal. */
export const allOf = (...decisions: Decision[]): Decision => decisions.find((d) => !d.allowed) ?? allow;
