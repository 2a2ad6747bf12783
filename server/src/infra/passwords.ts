import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { Slots } from './slots.js';

// @node-rs/argon2's Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;

/** argon2id with OWASP's parameters: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * How many hashes may run at once: one per CPU core, and always one thread of libuv's pool (4 threads unless
 * UV_THREADPOOL_SIZE says otherwise) left for the file and DNS work that shares it. More hashes at once would
 * not finish sooner: they would only slice the cores, and their caches, between them.
 */
export function hashingConcurrency(cores = availableParallelism(), threadPoolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4): number {
  return Math.max(1, Math.min(cores, threadPoolSize - 1));
}

const hashingSlots = new Slots(hashingConcurrency());

export function hashPassword(password: string): Promise<string> {
  return hashingSlots.run(() => hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so the answer time does not tell whether the account exists.
    await hashPassword(password);
    return false;
  }
  try {
    return await hashingSlots.run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}
