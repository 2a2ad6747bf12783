import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';
import { hashingConcurrency, hashPassword, verifyPassword } from './passwords.js';

/** A task the test finishes by hand. */
function manualTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return { task: () => (log.push(`start ${name}`), done), finish: () => finish(), fail: (error: Error) => fail(error) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots: at most size tasks at once, the rest in arrival order', () => {
  it('starts size tasks at once and each further one when a slot frees', async () => {
    const slots = new Slots(2);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => manualTask(log, name));
    const results = [a, b, c, d].map((t) => slots.run(t.task));
    await settled();
    expect(log).toEqual(['start a', 'start b']);
    expect(slots.queued).toBe(2);
    b.finish();
    await settled();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    a.finish();
    c.finish();
    d.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    expect(slots.queued).toBe(0);
  });

  it('frees the slot of a task that fails, and passes the failure on', async () => {
    const slots = new Slots(1);
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => manualTask(log, name));
    const first = slots.run(a.task);
    const second = slots.run(b.task);
    a.fail(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await settled();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    expect(await second).toBe('b');
  });

  it('refuses a size that is not a whole number of at least 1', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
    expect(() => new Slots(1.5)).toThrow(RangeError);
  });
});

describe('password hashing concurrency', () => {
  it('is one hash per core, leaving one thread of the libuv pool free for file and DNS work', () => {
    expect(hashingConcurrency(2, 4)).toBe(2);
    expect(hashingConcurrency(8, 4)).toBe(3);
    expect(hashingConcurrency(8, 16)).toBe(8);
    expect(hashingConcurrency(1, 4)).toBe(1);
    expect(hashingConcurrency(4, 1)).toBe(1);
  });

  it('still verifies right and wrong passwords when more are checked at once than there are slots', async () => {
    const stored = await hashPassword('Zilais-Kalns-73');
    const checks = await Promise.all(Array.from({ length: 6 }, (_, i) => verifyPassword(stored, i % 2 === 0 ? 'Zilais-Kalns-73' : 'wrong')));
    expect(checks).toEqual([true, false, true, false, true, false]);
  });
});
