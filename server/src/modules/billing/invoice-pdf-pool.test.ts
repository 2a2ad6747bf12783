import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import type { InvoiceDocument } from './invoice-document.js';
import { companyInvoice, creditNote, householdInvoice, lateInterestInvoice } from './invoice-document.sample.js';
import { createInvoicePdfPool } from './invoice-pdf-pool.js';
import { renderInvoicePdf } from './invoice-pdf.js';

const samples = [householdInvoice, companyInvoice, creditNote, lateInterestInvoice, { ...householdInvoice, language: 'ru' as const }];

describe('the invoice PDF pool on real worker threads', () => {
  const pool = createInvoicePdfPool({ workers: 2 });
  afterAll(() => pool.close());

  it('renders the same bytes as renderInvoicePdf in this thread (the document survives the copy to the worker)', async () => {
    for (const doc of samples) {
      const [inWorker, inThread] = await Promise.all([pool.render(doc), renderInvoicePdf(doc)]);
      expect(inWorker.subarray(0, 5).toString()).toBe('%PDF-');
      expect(inWorker.equals(inThread), `${doc.number} ${doc.language}`).toBe(true);
    }
  });

  it('renders more documents at once than it has workers, each one right, on at most two workers', async () => {
    const documents = Array.from({ length: 9 }, (_, i) => samples[i % samples.length]!);
    const pdfs = await Promise.all(documents.map((doc) => pool.render(doc)));
    expect(pool.runningWorkers).toBeLessThanOrEqual(2);
    for (const [i, pdf] of pdfs.entries()) expect(pdf.equals(await renderInvoicePdf(documents[i]!))).toBe(true);
  });

  it('a document the renderer throws on fails with the renderer\'s error, and the pool renders the next one', async () => {
    const broken = { ...householdInvoice, language: 'xx' } as unknown as InvoiceDocument;
    await expect(renderInvoicePdf(broken)).rejects.toThrow();
    await expect(pool.render(broken)).rejects.toThrow(/The invoice PDF could not be rendered: /);
    expect((await pool.render(householdInvoice)).equals(await renderInvoicePdf(householdInvoice))).toBe(true);
  });
});

describe('the invoice PDF pool when a worker fails', () => {
  // A stand-in worker that answers at once, so crashes and hangs are quick to provoke: it answers
  // "PDF <number>", exits on CRASH, throws outside any job on THROW and never answers HANG.
  const dir = mkdtempSync(join(tmpdir(), 'pdf-pool-'));
  const workerUrl = pathToFileURL(join(dir, 'stand-in-worker.mjs'));
  writeFileSync(workerUrl, `
    import { parentPort } from 'node:worker_threads';
    parentPort.on('message', ({ id, doc }) => {
      if (doc.number === 'CRASH') process.exit(3);
      if (doc.number === 'THROW') setImmediate(() => { throw new Error('boom'); });
      if (doc.number === 'THROW' || doc.number === 'HANG') return;
      const bytes = new TextEncoder().encode('PDF ' + doc.number).buffer;
      parentPort.postMessage({ id, pdf: bytes }, [bytes]);
    });
  `);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const numbered = (number: string) => ({ ...householdInvoice, number });

  it('a worker that exits fails its job with a clear error; a new worker takes the next jobs', async () => {
    const pool = createInvoicePdfPool({ workers: 1, workerUrl });
    try {
      expect((await pool.render(numbered('A'))).toString()).toBe('PDF A');
      const crashed = pool.render(numbered('CRASH'));
      const queued = pool.render(numbered('B'));
      await expect(crashed).rejects.toThrow('The invoice PDF worker stopped (exit code 3)');
      expect((await queued).toString()).toBe('PDF B');
      expect(pool.runningWorkers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('an uncaught error in a worker fails its job and the worker is replaced', async () => {
    const pool = createInvoicePdfPool({ workers: 1, workerUrl });
    try {
      await expect(pool.render(numbered('THROW'))).rejects.toThrow('The invoice PDF worker crashed: boom');
      expect((await pool.render(numbered('C'))).toString()).toBe('PDF C');
    } finally {
      await pool.close();
    }
  });

  it('a job that takes longer than the timeout fails instead of hanging; its worker is replaced', async () => {
    const pool = createInvoicePdfPool({ workers: 1, workerUrl, timeoutMs: 200 });
    try {
      const hung = pool.render(numbered('HANG'));
      const queued = pool.render(numbered('D'));
      await expect(hung).rejects.toThrow('The invoice PDF took longer than 200 ms to render');
      expect((await queued).toString()).toBe('PDF D');
    } finally {
      await pool.close();
    }
  });

  it('a document that cannot be copied to a worker fails at once; the worker stays free for the next', async () => {
    const pool = createInvoicePdfPool({ workers: 1, workerUrl });
    try {
      const uncopyable = { ...numbered('G'), notes: [() => 'a function'] } as unknown as InvoiceDocument;
      await expect(pool.render(uncopyable)).rejects.toThrow('The invoice document could not be sent to the PDF worker');
      expect((await pool.render(numbered('H'))).toString()).toBe('PDF H');
      expect(pool.runningWorkers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('closing the pool ends its workers and fails what is still in progress or queued', async () => {
    const pool = createInvoicePdfPool({ workers: 2, workerUrl });
    expect(pool.runningWorkers).toBe(0); // started lazily
    const outcomes = ['HANG', 'HANG', 'E'].map((number) => pool.render(numbered(number)).then(() => 'rendered', (error: Error) => error.message));
    expect(pool.runningWorkers).toBe(2);
    await pool.close();
    expect(pool.runningWorkers).toBe(0);
    expect(await Promise.all(outcomes)).toEqual(Array(3).fill('The invoice PDF pool closed before the PDF was rendered'));
    await expect(pool.render(numbered('F'))).rejects.toThrow('The invoice PDF pool is closed');
  });
});

describe('PDF_WORKERS', () => {
  it('is one worker a core unless set; 0 is allowed; anything else but a whole number is refused, naming the key', () => {
    expect(loadConfig({}).pdfWorkers).toBe(availableParallelism());
    expect(loadConfig({ PDF_WORKERS: '0' }).pdfWorkers).toBe(0);
    expect(loadConfig({ PDF_WORKERS: '3' }).pdfWorkers).toBe(3);
    expect(() => loadConfig({ PDF_WORKERS: 'two' })).toThrow(ConfigError);
    expect(() => loadConfig({ PDF_WORKERS: '-1' })).toThrow(/PDF_WORKERS must be a whole number/);
  });

  it('renders in the calling thread', async () => {
    const pool = createInvoicePdfPool({ workers: 0 });
    expect((await pool.render(creditNote)).equals(await renderInvoicePdf(creditNote))).toBe(true);
    expect(pool.runningWorkers).toBe(0);
  });
});
