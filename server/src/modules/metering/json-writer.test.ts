import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonWriter } from './json-writer.js';

describe('JsonWriter', () => {
  it('writes numbers as JSON.stringify does, NaN as null, through its buffer growing', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), fc.constant(-0), fc.constant(2 ** 60))), (values) => {
      const out = new JsonWriter(4).numbers(Float64Array.from(values), values.length);
      expect(out.bytes().toString('utf8')).toBe(JSON.stringify(values.map((value) => (Number.isNaN(value) ? null : value))));
    }), { numRuns: 500 });
  });

  it('writes only the first n values, and values and raw text as they are', () => {
    const out = new JsonWriter(1).raw('{"a":').numbers(Uint32Array.of(4_294_967_295, 7, 9), 2).raw(',"b":').value('ā "č"\n').raw(',"c":').value({ d: [null, 1.5] }).raw('}');
    expect(JSON.parse(out.bytes().toString('utf8'))).toEqual({ a: [4_294_967_295, 7], b: 'ā "č"\n', c: { d: [null, 1.5] } });
  });
});
