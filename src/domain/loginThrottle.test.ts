import { describe, expect, it } from "vitest";
import {
  accountThrottle,
  addressThrottle,
  afterFailure,
  lockSeconds,
  retryAfterSeconds,
  type ThrottleState,
  waitText,
} from "./loginThrottle.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe("login throttle", () => {
  it("locks an account after five failures, doubling per further failure up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => lockSeconds(n, accountThrottle))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockSeconds(n, accountThrottle))).toEqual([60, 120, 240, 480]);
    expect(lockSeconds(12, accountThrottle)).toBe(3600);
    expect(lockSeconds(1000, accountThrottle)).toBe(3600);
  });

  it("asks more failures of an address than of an account", () => {
    expect(lockSeconds(19, addressThrottle)).toBe(0);
    expect(lockSeconds(20, addressThrottle)).toBe(60);
  });

  it("starts a lock on the threshold failure and reports it once per failure", () => {
    let state: ThrottleState | null = null;
    const starts: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      const next = afterFailure(state, at(i), accountThrottle);
      starts.push(next.lockStarted);
      state = next;
    }
    expect(starts).toEqual([false, false, false, false, true, true]);
    expect(state?.failures).toBe(6);
    expect(state?.lockedUntil).toEqual(at(5 + 120));
  });

  it("forgets failures older than the window", () => {
    const old: ThrottleState = { failures: 9, lastFailureAt: at(0), lockedUntil: at(60) };
    const next = afterFailure(old, at(accountThrottle.forgetAfterSeconds + 1), accountThrottle);
    expect(next).toMatchObject({ failures: 1, lockedUntil: null, lockStarted: false });
  });

  it("says how long to wait", () => {
    expect(retryAfterSeconds(at(90), at(0))).toBe(90);
    expect(retryAfterSeconds(at(0), at(10))).toBe(0);
    expect(retryAfterSeconds(null, at(0))).toBe(0);
    expect(waitText(60)).toBe("1 phút");
    expect(waitText(150)).toBe("2 phút 30 giây");
    expect(waitText(45)).toBe("45 giây");
  });
});
