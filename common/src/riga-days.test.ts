import { describe, expect, it } from 'vitest';
import { intervalsInRigaDay, rigaDayOfMs, rigaDayStartMs, rigaWallClock } from './riga-days.ts';

describe('Riga days (GRD-3)', () => {
  it('GRD-3: a winter day starts at 22:00 UTC the evening before, a summer day at 21:00', () => {
    expect(new Date(rigaDayStartMs('2026-01-15')).toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(new Date(rigaDayStartMs('2026-07-15')).toISOString()).toBe('2026-07-14T21:00:00.000Z');
  });

  it('GRD-3: the last Sunday of March has 92 quarter-hours and 23 hours, the last Sunday of October 100 and 25', () => {
    expect(intervalsInRigaDay('2026-03-29', 15)).toBe(92);
    expect(intervalsInRigaDay('2026-03-29', 60)).toBe(23);
    expect(intervalsInRigaDay('2026-10-25', 15)).toBe(100);
    expect(intervalsInRigaDay('2026-10-25', 60)).toBe(25);
    expect(intervalsInRigaDay('2026-10-24', 15)).toBe(96);
    expect(intervalsInRigaDay('2025-10-26', 60)).toBe(25);
  });

  it('GRD-3: instants map to their Riga day and wall clock', () => {
    expect(rigaDayOfMs(Date.parse('2026-01-14T22:00:00Z'))).toBe('2026-01-15');
    expect(rigaDayOfMs(Date.parse('2026-01-14T21:59:59Z'))).toBe('2026-01-14');
    // 25-hour day: 03:00–04:00 Riga happens twice (00:00 and 01:00 UTC)
    expect(rigaWallClock(Date.parse('2026-10-25T00:00:00Z'))).toBe('2026-10-25 03:00');
    expect(rigaWallClock(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25 03:00');
  });
});
