// The entry of a PDF worker thread (invoice-pdf-pool.ts): loads TypeScript through tsx, then the worker itself.
// A worker inherits the process's `--import tsx`, but on Node 20 that does not make it load .ts files (tsx's hooks
// are not registered in the thread), and under vitest there is no tsx at all; registering here works in both.
import { register } from 'tsx/esm/api';

register();
await import('./invoice-pdf.worker.ts');
