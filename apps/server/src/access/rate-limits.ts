// Request budgets: a token bucket per caller (refilled continuously at its per-minute limit, holding at most one
// minute's worth), and a sign-in throttle per email and per client address against password guessing.
import type { Clock } from '../clock.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Takes one request from `key`'s budget; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, perMinute: number): number {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    const refilled = Math.min(perMinute, bucket.tokens + (Math.max(0, now - bucket.at) * perMinute) / 60_000);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return Math.max(1, Math.ceil(((1 - refilled) * 60_000) / perMinute / 1000));
    }
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return 0;
  }
}

export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_LOCK_MS = 15 * 60_000;

/** After five failed sign-ins for one email (or twenty from one address) within 15 minutes, further tries wait. */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait before another attempt for these keys, 0 when one may try now. */
  waitFor(keys: readonly { key: string; allowed: number }[]): number {
    const now = this.clock.now();
    let wait = 0;
    for (const { key, allowed } of keys) {
      const recent = (this.failures.get(key) ?? []).filter((at) => at > now - SIGN_IN_LOCK_MS);
      if (recent.length >= allowed) wait = Math.max(wait, Math.ceil((recent[recent.length - allowed]! + SIGN_IN_LOCK_MS - now) / 1000));
    }
    return wait;
  }

  failed(keys: readonly string[]): void {
    const now = this.clock.now();
    if (this.failures.size > 100_000) this.failures.clear();
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []).filter((at) => at > now - SIGN_IN_LOCK_MS), now]);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
