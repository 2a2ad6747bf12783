/** Time comes from here, so tests can move it (24-hour links, 3-month passwords, month ends). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at the given instant and moves only when told. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string = '2026-11-23T10:00:00Z') {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(instant: Date | string): void {
    this.#now = new Date(instant);
  }
  advanceMinutes(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }
  advanceHours(hours: number): void {
    this.advanceMinutes(hours * 60);
  }
  advanceDays(days: number): void {
    this.advanceMinutes(days * 24 * 60);
  }
}

/**
 * System time plus an adjustable offset: DEV_CLOCK=true runs the portal on it so that browser tests can
 * move the server's time (e.g. past a 24-hour activation link) through POST /api/dev/clock.
 */
export class OffsetClock implements Clock {
  #offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }
  /** Moves the clock by ms (negative moves it back); returns the new time. */
  advance(ms: number): Date {
    this.#offsetMs += ms;
    return this.now();
  }
  get offsetMs(): number {
    return this.#offsetMs;
  }
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
