// The server owns time: everything reads this clock, so tests and simulations can move it.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: string | number) {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  set(at: string | number): void {
    this.current = typeof at === 'number' ? at : Date.parse(at);
  }

  advance(minutes: number): void {
    this.current += minutes * 60_000;
  }
}
