import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonBytes } from './json-bytes.js';

describe('jsonBytes', () => {
  it('has the bytes of JSON.stringify for any plain data, long arrays included', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
    }), { numRuns: 500 });
    const long = { start: Array.from({ length: 10_001 }, (_, i) => 1_735_682_400 + i * 3600), importWh: Array.from({ length: 9000 }, (_, i) => (i % 7 === 0 ? null : i * 1.5)) };
    expect(jsonBytes(long).toString('utf8')).toBe(JSON.stringify(long));
    const odd = { a: undefined, b: [undefined, -0, 1e21, Number.NaN], c: 'ā č "\\\n', d: new Date(0), e: { f: [[]] } };
    expect(jsonBytes(odd).toString('utf8')).toBe(JSON.stringify(odd));
  });
});
