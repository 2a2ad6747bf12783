import { describe, expect, it } from 'vitest';
import { isIsoDate, rigaDayEndUtcIso, rigaDayStartUtcIso, rigaLocalToUtcIso } from './rigaTime.ts';

describe('Riga wall-clock time to ISO UTC', () => {
  it('reads winter times as UTC+2 and summer times as UTC+3', () => {
    expect(rigaLocalToUtcIso('2026-01-15T12:00')).toBe('2026-01-15T10:00:00.000Z');
    expect(rigaLocalToUtcIso('2026-07-01T12:00')).toBe('2026-07-01T09:00:00.000Z');
  });

  it('moves a time skipped when summer time starts forward by the hour, and takes a repeated autumn time at its first occurrence', () => {
    // 29 March 2026: 03:00 becomes 04:00; 25 October 2026: 04:00 becomes 03:00 again
    expect(rigaLocalToUtcIso('2026-03-29T02:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(rigaLocalToUtcIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(rigaLocalToUtcIso('2026-03-29T04:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(rigaLocalToUtcIso('2026-10-25T03:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(rigaLocalToUtcIso('2026-10-25T04:30')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('gives the bounds of a Riga calendar day, 23 or 25 hours long on the change days', () => {
    expect(rigaDayStartUtcIso('2026-07-01')).toBe('2026-06-30T21:00:00.000Z');
    expect(rigaDayEndUtcIso('2026-07-01')).toBe('2026-07-01T21:00:00.000Z');
    expect(rigaDayStartUtcIso('2026-03-29')).toBe('2026-03-28T22:00:00.000Z');
    expect(rigaDayEndUtcIso('2026-03-29')).toBe('2026-03-29T21:00:00.000Z');
    expect(rigaDayEndUtcIso('2026-10-25')).toBe('2026-10-25T22:00:00.000Z');
    expect(rigaDayEndUtcIso('2026-12-31')).toBe('2026-12-31T22:00:00.000Z');
  });

  it('answers null for what is not a date or time', () => {
    for (const input of ['', '2026-02-30T10:00', '2026-03-29T24:00', '2026-03-29 10:00', '2026-03-29']) {
      expect(rigaLocalToUtcIso(input)).toBeNull();
    }
    for (const input of ['', '2026-02-30', '2026-3-1', 'tomorrow']) {
      expect(isIsoDate(input)).toBe(false);
      expect(rigaDayStartUtcIso(input)).toBeNull();
      expect(rigaDayEndUtcIso(input)).toBeNull();
    }
  });
});
