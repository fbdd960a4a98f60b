// Slows down password guessing without locking anyone out: failures are counted per
// (username, address), so a guesser elsewhere cannot block the real user, and per
// address, so one machine cannot try every username. Kept in memory: a restart forgets,
// which costs a guesser nothing they could not get by waiting.

import { refusal } from '../domain/refusals';
import { AppError } from '../errors';

type Window = { failures: number; startedAt: number };

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options = { perUser: 5, perAddress: 30, windowMs: 15 * 60 * 1000 },
    private readonly clock: () => number = Date.now,
  ) {}

  private keys(username: string, address: string) {
    return [
      { key: `user:${username}|${address}`, limit: this.options.perUser },
      { key: `address:${address}`, limit: this.options.perAddress },
    ];
  }

  private live(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.clock() - window.startedAt >= this.options.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Throws 429 with Retry-After while either count is at its limit. */
  assertMayTry(username: string, address: string): void {
    for (const { key, limit } of this.keys(username, address)) {
      const window = this.live(key);
      if (window && window.failures >= limit) {
        const seconds = Math.ceil((window.startedAt + this.options.windowMs - this.clock()) / 1000);
        throw new AppError(
          'RATE_LIMITED',
          refusal('auth.throttled', { minutes: Math.ceil(seconds / 60) }),
          undefined,
          { 'retry-after': String(seconds) },
        );
      }
    }
  }

  recordFailure(username: string, address: string): void {
    for (const { key } of this.keys(username, address)) {
      const window = this.live(key) ?? { failures: 0, startedAt: this.clock() };
      window.failures += 1;
      this.windows.set(key, window);
    }
  }

  /** A success clears that user's count from that address (not the address's own). */
  recordSuccess(username: string, address: string): void {
    this.windows.delete(`user:${username}|${address}`);
  }
}
