import { Worker } from 'node:worker_threads';
import type { InvoiceDocument } from './invoice-document.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import type { PdfAnswerMessage, PdfJobMessage } from './invoice-pdf.worker.js';

/**
 * Renders invoice PDFs off the portal's event loop. A PDF takes 10–17 ms of CPU; rendered in the portal's own
 * thread it delays every other request by that much and uses one core of the machine. The pool renders on
 * `workers` worker threads (PDF_WORKERS, default one per core), each running renderInvoicePdf on the documents
 * posted to it; 0 renders in the calling thread.
 */
export interface InvoicePdfRenderer {
  render(doc: InvoiceDocument): Promise<Buffer>;
  /** ends the workers; a job still queued or in progress fails */
  close(): Promise<void>;
  /** worker threads running now (started lazily, replaced when one fails) */
  readonly runningWorkers: number;
}

export interface InvoicePdfPoolOptions {
  /** worker threads; 0 = render in the calling thread */
  workers: number;
  /** a job that takes longer fails, and its worker is replaced (default 30 s) */
  timeoutMs?: number;
  /** the worker's entry file (tests give their own); default invoice-pdf.worker-entry.mjs beside this file */
  workerUrl?: URL;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** The worker's entry: it loads tsx, then invoice-pdf.worker.ts. */
const WORKER_ENTRY = new URL('./invoice-pdf.worker-entry.mjs', import.meta.url);

export function createInvoicePdfPool(options: InvoicePdfPoolOptions): InvoicePdfRenderer {
  if (options.workers === 0) return { render: renderInvoicePdf, close: async () => {}, runningWorkers: 0 };
  return new InvoicePdfPool(options.workers, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.workerUrl ?? WORKER_ENTRY);
}

interface Job {
  id: number;
  doc: InvoiceDocument;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

interface PdfWorker {
  thread: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

class InvoicePdfPool implements InvoicePdfRenderer {
  private readonly workers = new Set<PdfWorker>();
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
    private readonly workerUrl: URL,
  ) {}

  get runningWorkers(): number {
    return this.workers.size;
  }

  render(doc: InvoiceDocument): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('The invoice PDF pool is closed'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextJobId++, doc, resolve, reject });
      this.startQueuedJobs();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The invoice PDF pool closed before the PDF was rendered'));
    const workers = [...this.workers];
    for (const worker of workers) this.retire(worker, new Error('The invoice PDF pool closed before the PDF was rendered'));
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  /** Hands queued jobs to idle workers, starting workers (lazily) up to the pool's size. */
  private startQueuedJobs(): void {
    while (this.queue.length > 0) {
      let worker = [...this.workers].find((candidate) => candidate.job === null);
      if (!worker && this.workers.size < this.size) worker = this.startWorker();
      if (!worker) return;
      this.assign(worker, this.queue.shift()!);
    }
  }

  private startWorker(): PdfWorker {
    const thread = new Worker(this.workerUrl);
    const worker: PdfWorker = { thread, job: null, timer: null };
    this.workers.add(worker);
    thread.on('message', (answer: PdfAnswerMessage) => this.answered(worker, answer));
    // An uncaught error ends the thread ('error', then 'exit'); an exit alone is a process.exit() or a crash.
    thread.on('error', (error) => this.replace(worker, new Error(`The invoice PDF worker crashed: ${error.message}`)));
    thread.on('exit', (code) => this.replace(worker, new Error(`The invoice PDF worker stopped (exit code ${code})`)));
    return worker;
  }

  private assign(worker: PdfWorker, job: Job): void {
    worker.job = job;
    worker.thread.ref(); // a job in progress keeps the process alive; an idle worker does not
    worker.timer = setTimeout(() => {
      this.replace(worker, new Error(`The invoice PDF took longer than ${this.timeoutMs} ms to render`));
      void worker.thread.terminate();
    }, this.timeoutMs);
    try {
      worker.thread.postMessage({ id: job.id, doc: job.doc } satisfies PdfJobMessage);
    } catch (error) {
      // a document that cannot be copied to the thread (a DataCloneError): the worker is still free
      this.idle(worker);
      job.reject(new Error(`The invoice document could not be sent to the PDF worker: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private answered(worker: PdfWorker, answer: PdfAnswerMessage): void {
    const job = worker.job;
    if (!job || job.id !== answer.id) return; // the job already failed (timed out)
    this.idle(worker);
    if ('pdf' in answer) job.resolve(Buffer.from(answer.pdf));
    else job.reject(new Error(`The invoice PDF could not be rendered: ${answer.error}`));
    this.startQueuedJobs();
  }

  /** A worker that crashed, stopped or hung: its job fails, and a new worker takes the queue when needed. */
  private replace(worker: PdfWorker, error: Error): void {
    if (!this.workers.has(worker)) return;
    this.retire(worker, error);
    if (!this.closed) this.startQueuedJobs();
  }

  private retire(worker: PdfWorker, error: Error): void {
    this.workers.delete(worker);
    const job = worker.job;
    this.idle(worker);
    job?.reject(error);
  }

  private idle(worker: PdfWorker): void {
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
    worker.job = null;
    worker.thread.unref();
  }
}
