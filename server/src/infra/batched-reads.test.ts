import { describe, expect, it } from 'vitest';
import { BatchedReads } from './batched-reads.js';

/** A readMany whose calls the test answers by hand. */
function controlledReads() {
  const calls: { keys: number[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const readMany = (keys: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ keys, answer: () => resolve(keys.map((key) => `value ${key}`)), fail: reject });
    });
  return { calls, readMany };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedReads: concurrent reads share a query while the database is busy', () => {
  it('sends reads at once while fewer than maxInFlight are running, and answers each its own value', async () => {
    const { calls, readMany } = controlledReads();
    const reads = new BatchedReads(readMany, { maxInFlight: 2, maxBatch: 10 });
    const first = reads.read(1);
    const second = reads.read(2);
    expect(calls.map((call) => call.keys)).toEqual([[1], [2]]);
    calls[1].answer();
    calls[0].answer();
    expect(await Promise.all([first, second])).toEqual(['value 1', 'value 2']);
  });

  it('queues reads beyond maxInFlight and sends all of them in one query when one finishes, at most maxBatch', async () => {
    const { calls, readMany } = controlledReads();
    const reads = new BatchedReads(readMany, { maxInFlight: 1, maxBatch: 3 });
    const answers = [1, 2, 3, 4, 5].map((key) => reads.read(key));
    expect(calls.map((call) => call.keys)).toEqual([[1]]);

    calls[0].answer();
    await settled();
    expect(calls.map((call) => call.keys)).toEqual([[1], [2, 3, 4]]);
    calls[1].answer();
    await settled();
    expect(calls.map((call) => call.keys)).toEqual([[1], [2, 3, 4], [5]]);
    calls[2].answer();
    expect(await Promise.all(answers)).toEqual(['value 1', 'value 2', 'value 3', 'value 4', 'value 5']);
  });

  it('a read asked for while a query runs is not answered from that query (it may miss a change committed meanwhile)', async () => {
    const { calls, readMany } = controlledReads();
    const reads = new BatchedReads(readMany, { maxInFlight: 1, maxBatch: 10 });
    const early = reads.read(7);
    const late = reads.read(7);
    expect(calls.map((call) => call.keys)).toEqual([[7]]);
    calls[0].answer();
    expect(await early).toBe('value 7');
    await settled();
    expect(calls.map((call) => call.keys)).toEqual([[7], [7]]);
    calls[1].answer();
    expect(await late).toBe('value 7');
  });

  it('a failed query fails only the reads it carried; the queue goes on', async () => {
    const { calls, readMany } = controlledReads();
    const reads = new BatchedReads(readMany, { maxInFlight: 1, maxBatch: 10 });
    const failing = reads.read(1);
    const queued = reads.read(2);
    calls[0].fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await settled();
    calls[1].answer();
    expect(await queued).toBe('value 2');
  });
});
