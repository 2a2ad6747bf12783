/**
 * JSON text written byte by byte into one growing buffer, for answers of tens of thousands of numbers: no string
 * per number and no array of them in between (a year of hours is ~70,000 numbers, ~380 KB). Numbers come out as
 * JSON.stringify writes them (json-writer.test.ts); NaN is written as null, which is how a series says "no value".
 */
export class JsonWriter {
  #bytes: Buffer;
  #length = 0;
  readonly #digits = new Uint8Array(24);

  constructor(capacity = 1 << 16) {
    this.#bytes = Buffer.allocUnsafe(capacity);
  }

  #room(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.#bytes.copy(bigger, 0, 0, this.#length);
    this.#bytes = bigger;
  }

  /** Text that is already JSON (punctuation, a key with its colon) and ASCII. */
  raw(text: string): this {
    this.#room(text.length);
    this.#length += this.#bytes.write(text, this.#length, 'latin1');
    return this;
  }

  /** Any value as JSON.stringify gives it (short strings, small objects). */
  value(value: unknown): this {
    const text = JSON.stringify(value);
    this.#room(Buffer.byteLength(text));
    this.#length += this.#bytes.write(text, this.#length, 'utf8');
    return this;
  }

  /** A number; NaN (no value) as null. */
  number(value: number): this {
    if (Number.isSafeInteger(value)) return this.#integer(value);
    return Number.isNaN(value) ? this.raw('null') : this.raw(JSON.stringify(value));
  }

  #integer(value: number): this {
    this.#room(23);
    const bytes = this.#bytes;
    if (value < 0) {
      bytes[this.#length++] = 45; // -
      value = -value;
    }
    if (value < 10) {
      bytes[this.#length++] = 48 + value; // -0 too: JSON.stringify(-0) is '0'
      return this;
    }
    let n = 0;
    while (value > 0) {
      const next = Math.floor(value / 10);
      this.#digits[n++] = 48 + (value - next * 10);
      value = next;
    }
    while (n > 0) bytes[this.#length++] = this.#digits[--n];
    return this;
  }

  /** The first n numbers as a JSON array, NaN as null. */
  numbers(values: Float64Array | Uint32Array, n: number): this {
    this.#room(2);
    this.#bytes[this.#length++] = 91; // [
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        this.#room(1);
        this.#bytes[this.#length++] = 44; // ,
      }
      this.number(values[i]);
    }
    this.#room(1);
    this.#bytes[this.#length++] = 93; // ]
    return this;
  }

  /** The bytes written (a view of the writer's buffer). */
  bytes(): Buffer {
    return this.#bytes.subarray(0, this.#length);
  }
}
