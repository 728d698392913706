/**
 * Runs autocannon and keeps every response's latency under the name of the request that got it,
 * so that one run of a mixed sequence still gives figures per kind of request.
 */
import autocannon, { type Client, type Request } from "autocannon";

/** A request of a sequence, with the name its responses are counted under. */
export interface Step extends Request {
  name: string;
}

export interface Tally {
  latencies: number[];
  /** The status of each response, in the order of `latencies`. */
  codes: number[];
  statuses: Map<number, number>;
}

export interface Outcome {
  /** Seconds from the first request to the end. */
  seconds: number;
  byName: Map<string, Tally>;
  /** Socket errors and timeouts (autocannon cannot tell which request they hit). */
  socketErrors: number;
  /** Sequences restarted because a step had nothing to send (no free slot, no report to review). */
  resets: number;
}

export interface RunOptions {
  url: string;
  connections: number;
  /** Seconds; with `amount`, the run stops at whichever comes first. */
  duration: number;
  amount?: number;
  /** Each connection's own sequence of requests (fresh objects: autocannon keeps state in them). */
  sequence: () => Step[];
}

/**
 * autocannon calls a request's onResponse and then, synchronously, emits 'response' with the
 * latency; the name noted by the first is the name of the second.
 */
let answered: string | null = null;

function named(step: Step): Step {
  const own = step.onResponse;
  return {
    ...step,
    onResponse(status, body, context, headers) {
      answered = step.name;
      own?.(status, body, context, headers);
    },
  };
}

export async function load(options: RunOptions): Promise<Outcome> {
  const byName = new Map<string, Tally>();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    ...(options.amount ? { amount: options.amount } : {}),
    // Uploads under a hundred connections can take a while: a slow answer is a figure, not an error.
    timeout: 60,
    // Replaced in setupClient by each connection's own sequence; a request without side effects
    // here, since autocannon builds it once per connection before setupClient runs.
    requests: [{ method: "GET", path: "/health" }],
    setupClient(client: Client) {
      client.setRequests(options.sequence().map(named));
    },
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    const name = answered ?? "?";
    answered = null;
    let tally = byName.get(name);
    if (!tally) {
      tally = { latencies: [], codes: [], statuses: new Map() };
      byName.set(name, tally);
    }
    tally.latencies.push(time);
    tally.codes.push(status);
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  });
  const timer = options.amount ? setTimeout(() => instance.stop(), options.duration * 1000) : undefined;
  const result = await instance;
  if (timer) clearTimeout(timer);
  return { seconds: result.duration, byName, socketErrors: result.errors, resets: result.resets };
}

/** All responses of a run under one tally, or of the named steps only. */
export function merge(outcome: Outcome, names?: (name: string) => boolean): Tally {
  const merged: Tally = { latencies: [], codes: [], statuses: new Map() };
  for (const [name, tally] of outcome.byName) {
    if (names && !names(name)) continue;
    merged.latencies.push(...tally.latencies);
    merged.codes.push(...tally.codes);
    for (const [status, n] of tally.statuses)
      merged.statuses.set(status, (merged.statuses.get(status) ?? 0) + n);
  }
  return merged;
}

/** Responses with these statuses. */
export const countOf = (tally: Tally, match: (status: number) => boolean) =>
  [...tally.statuses].filter(([status]) => match(status)).reduce((sum, [, n]) => sum + n, 0);
