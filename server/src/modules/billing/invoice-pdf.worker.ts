/**
 * A PDF worker thread of invoice-pdf-pool.ts: renders each InvoiceDocument posted to it with renderInvoicePdf and
 * answers the bytes as a transferable ArrayBuffer (moved to the portal's thread, not copied), or the error's text.
 */
import { parentPort } from 'node:worker_threads';
import type { InvoiceDocument } from './invoice-document.js';
import { renderInvoicePdf } from './invoice-pdf.js';

export interface PdfJobMessage {
  id: number;
  doc: InvoiceDocument;
}

export type PdfAnswerMessage = { id: number; pdf: ArrayBuffer } | { id: number; error: string };

if (!parentPort) throw new Error('invoice-pdf.worker.ts runs as a worker thread of invoice-pdf-pool.ts');
const port = parentPort;

port.on('message', async ({ id, doc }: PdfJobMessage) => {
  try {
    const pdf = await renderInvoicePdf(doc);
    const bytes = ownArrayBuffer(pdf);
    port.postMessage({ id, pdf: bytes } satisfies PdfAnswerMessage, [bytes]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PdfAnswerMessage);
  }
});

/** The PDF's bytes in an ArrayBuffer of their own: a small Buffer may share Node's pool with other data. */
function ownArrayBuffer(pdf: Buffer): ArrayBuffer {
  if (pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer) return pdf.buffer;
  return pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
}
