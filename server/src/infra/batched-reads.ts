/**
 * Groups concurrent reads of one kind into one query while the database is busy with them.
 *
 * A read is sent at once while fewer than `maxInFlight` queries of this kind are running. Otherwise it waits,
 * and when one of them finishes, every read queued meanwhile (up to `maxBatch`) goes in one query. Under
 * light load nothing waits; under heavy load one statement serves many requests, which saves the database
 * and the portal the per-statement work (a round trip costs more than a small read's own work).
 *
 * Each read is still sent after it was asked for, so it sees every change committed before its request
 * came in: this groups reads, it does not cache them.
 */
export class BatchedReads<K, V> {
  private readonly queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  /** `readMany` answers one value per key, in the keys' order. */
  constructor(
    private readonly readMany: (keys: K[]) => Promise<V[]>,
    private readonly limits: { maxInFlight: number; maxBatch: number },
  ) {}

  read(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      if (this.inFlight < this.limits.maxInFlight) this.sendQueued();
    });
  }

  private sendQueued(): void {
    const batch = this.queue.splice(0, this.limits.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    const settle = async () => {
      try {
        const values = await this.readMany(batch.map((waiting) => waiting.key));
        batch.forEach((waiting, i) => waiting.resolve(values[i]));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      } finally {
        this.inFlight -= 1;
        if (this.inFlight < this.limits.maxInFlight) this.sendQueued();
      }
    };
    void settle();
  }
}
