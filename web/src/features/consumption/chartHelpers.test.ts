import { describe, expect, it } from 'vitest';
import { intervalIndexAt, withAlpha } from '../../components/TimeSeriesChart.tsx';
import { pageBounds, pageCount } from './tablePages.ts';

describe('the chart’s and the table’s helpers', () => {
  it('finds the interval under the pointer: the last start at or before it; the closing point belongs to the last interval', () => {
    const x = [100, 200, 300, 400];
    expect(intervalIndexAt(x, 99)).toBeNull();
    expect(intervalIndexAt(x, 100)).toBe(0);
    expect(intervalIndexAt(x, 199)).toBe(0);
    expect(intervalIndexAt(x, 250)).toBe(1);
    expect(intervalIndexAt(x, 399)).toBe(2);
    expect(intervalIndexAt(x, 400)).toBe(2);
    expect(intervalIndexAt(x, 1000)).toBe(2);
    expect(intervalIndexAt([], 5)).toBeNull();
  });

  it('gives a colour an opacity', () => {
    expect(withAlpha('#2457a6', 0.25)).toBe('rgba(36, 87, 166, 0.25)');
    expect(withAlpha('#fff', 1)).toBe('rgba(255, 255, 255, 1)');
    expect(withAlpha('rgb(1, 2, 3)', 0.5)).toBe('rgba(1, 2, 3, 0.5)');
    expect(withAlpha('teal', 0.5)).toBe('teal');
  });

  it('pages a long table', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(35_040)).toBe(44);
    expect(pageBounds(35_040, 0)).toEqual([0, 800]);
    expect(pageBounds(35_040, 43)).toEqual([34_400, 35_040]);
    expect(pageBounds(35_040, 99)).toEqual([34_400, 35_040]);
    expect(pageBounds(744, 0)).toEqual([0, 744]);
    expect(pageBounds(0, 0)).toEqual([0, 0]);
  });
});
