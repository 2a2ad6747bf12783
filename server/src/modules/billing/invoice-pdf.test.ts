/**
 * The invoice PDF read back as a person's tools read it: pdftotext (poppler-utils) for the text, pdftoppm and
 * a QR reader for the payment code. Debian: `apt-get install poppler-utils`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, describe, expect, it } from 'vitest';
import { epcQrPayload } from './epc-qr.js';
import type { InvoiceDocument } from './invoice-document.js';
import { companyInvoice, creditNote, householdInvoice } from './invoice-document.sample.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { formatDecimal, formatDocumentDate, formatPercent } from './invoice-pdf.labels.js';

const dir = mkdtempSync(join(tmpdir(), 'invoice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function writePdf(pdf: Buffer): string {
  const file = join(dir, `${++files}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, laid out as on paper (pdftotext separates pages with a form feed). */
function pagesOf(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', writePdf(pdf), '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

function textOf(pdf: Buffer): string {
  return pagesOf(pdf).join('\n');
}

/** Rasterises page 1 in grey at 150 dpi and reads the QR code on it. */
function qrCodeOnFirstPage(pdf: Buffer): string | null {
  const base = join(dir, `page-${++files}`);
  execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', '1', '-l', '1', '-singlefile', writePdf(pdf), base]);
  const pgm = readFileSync(`${base}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by one whitespace byte
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i];
    rgba[i * 4 + 3] = 255;
  }
  const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  return code ? Buffer.from(code.binaryData).toString('utf8') : null;
}

/** Collapses the runs of spaces pdftotext lays text out with, so a phrase can be looked for whole. */
function squeezed(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}

describe('renderInvoicePdf', () => {
  it('household invoice in Latvian: customer, number, amount to pay, due date, as text a reader finds', async () => {
    const text = textOf(await renderInvoicePdf(householdInvoice));
    expect(text).toContain('Jānis Bērziņš');
    expect(text).toContain('Čiekuru iela 5-12');
    expect(text).toContain('Rēķins');
    expect(text).toContain('DE-2026-000101');
    expect(text).toContain('42,18 €');
    expect(text).toContain('19.11.2026.');
    expect(text).toContain('RF582026000101');
    expect(text).toContain('Elektroenerģija, dienas zona');
    expect(text).toMatch(/212,345\s+kWh\s+0,15432\s+21 %\s+32,77 €/);
    expect(squeezed(text)).toContain('Noskenējiet ar savas');
  });

  it('BIL-3: the advance payment is shown and taken off the amount to pay', async () => {
    const text = squeezed(textOf(await renderInvoicePdf(householdInvoice)));
    expect(text).toMatch(/Kopā 62,18 €/);
    expect(text).toMatch(/Samaksāts avansā -20,00 €/);
    expect(text).toMatch(/Apmaksai 42,18 €/);
  });

  it('BIL-1: prints the notes (valid without signature)', async () => {
    expect(textOf(await renderInvoicePdf(householdInvoice))).toContain('Rēķins sagatavots elektroniski un derīgs bez paraksta.');
  });

  it('keeps every Latvian letter, small and capital', async () => {
    const letters = 'āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ';
    const doc: InvoiceDocument = {
      ...householdInvoice,
      lines: householdInvoice.lines.map((line, index) => (index === 2 ? { ...line, description: letters } : line)),
    };
    expect(textOf(await renderInvoicePdf(doc))).toContain(letters);
  });

  it('credit note in Russian: Cyrillic text, the invoice it corrects, no payment box', async () => {
    const text = squeezed(textOf(await renderInvoicePdf(creditNote)));
    expect(text).toContain('Кредитовый счёт');
    expect(text).toContain('DEK-2026-000007');
    expect(text).toContain('Исправление: электроэнергия, дневная');
    expect(text).toContain('Исправляет счёт DE-2026-000101 от 05.11.2026');
    expect(text).toMatch(/Итого 15,00 €/);
    expect(text).not.toContain('Оплатить до');
    expect(text).not.toContain('К оплате');
    expect(text).not.toContain('Отсканируйте');
  });

  it('company invoice in English: numbers and amounts in English notation, the line period', async () => {
    const text = textOf(await renderInvoicePdf(companyInvoice));
    expect(text).toContain('Kalna Darbnīca SIA');
    expect(text).toContain('VAT No. LV40003012345');
    expect(text).toMatch(/1,520\.250\s+kWh\s+0\.124605\s+21%\s+€189\.43/);
    expect(text).toMatch(/-1\s+pcs\s+5\.00\s+21%\s+-€5\.00/);
    expect(text).toContain('01/09/2026 – 30/09/2026');
    expect(squeezed(text)).toMatch(/To pay €235\.14/);
    expect(text).toContain('19/11/2026');
  });

  it('keeps the text of a document whatever was rendered before it (the fonts are shared by the process)', async () => {
    // Cyrillic с and у are drawn from Latin c and y: embedding them once must not lose c and y for later text
    await renderInvoicePdf(creditNote);
    const text = textOf(await renderInvoicePdf(companyInvoice));
    expect(text).toContain('Buyer');
    expect(text).toContain('Kalna Darbnīca SIA');
    expect(await renderInvoicePdf(companyInvoice)).toEqual(await renderInvoicePdf(companyInvoice));
  });

  it('the QR code on the page scans to the EPC payload of the amount to pay', async () => {
    const expected = epcQrPayload({
      bic: 'HABALV22', name: 'Demo Enerģija SIA', iban: 'LV80BANK0000435195001', amountCents: 4218, reference: 'RF582026000101',
    });
    expect(qrCodeOnFirstPage(await renderInvoicePdf(householdInvoice))).toBe(expected);
  });

  it('draws no payment box when nothing is left to pay', async () => {
    const paid: InvoiceDocument = { ...householdInvoice, totals: { ...householdInvoice.totals, prepaidCents: 6218, payableCents: 0 } };
    const pdf = await renderInvoicePdf(paid);
    expect(squeezed(textOf(pdf))).not.toContain('Noskenējiet');
    expect(qrCodeOnFirstPage(pdf)).toBeNull();
  });

  it('80 lines run over several pages, each saying which page of how many it is', async () => {
    const lines = Array.from({ length: 80 }, (_, index) => ({
      ...householdInvoice.lines[index % householdInvoice.lines.length],
      lineNumber: index + 1,
      description: `Rinda ${index + 1}: ${householdInvoice.lines[index % householdInvoice.lines.length].description}`,
    }));
    const pages = pagesOf(await renderInvoicePdf({ ...householdInvoice, lines }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page).toContain(`Lapa ${index + 1} no ${pages.length}`));
    const all = pages.join('\n');
    for (const line of lines) expect(all).toContain(`Rinda ${line.lineNumber}:`);
    // the header of the table is repeated on each page
    for (const page of pages.slice(0, -1)) expect(page).toContain('Apraksts');
  });

  it('a one-page invoice has no page numbers', async () => {
    expect(textOf(await renderInvoicePdf(householdInvoice))).not.toMatch(/Lapa \d+ no/);
  });

  it('is a PDF with both DejaVu fonts embedded', async () => {
    const pdf = await renderInvoicePdf(householdInvoice);
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    // font descriptors are plain dictionaries, outside the compressed streams
    expect(bytes.match(/\/FontFile2 /g)).toHaveLength(2);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(execFileSync('pdffonts', [writePdf(pdf)], { encoding: 'utf8' })).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('gives the same bytes for the same document, dated on its issue day', async () => {
    const first = await renderInvoicePdf(householdInvoice);
    const second = await renderInvoicePdf(householdInvoice);
    expect(first.equals(second)).toBe(true);
    // 2026-11-05 00:00 in Riga is 22:00 UTC the day before
    expect(first.toString('latin1')).toContain('(D:20261104220000Z)');
  });

  it('rejects a document whose payment details no bank app could take, naming the field', async () => {
    const bad: InvoiceDocument = { ...householdInvoice, payee: { ...householdInvoice.payee, iban: 'LV00BANK0000435195001' } };
    await expect(renderInvoicePdf(bad)).rejects.toThrow(/EPC QR iban/);
  });

  it('measure: PDFs per second for the household sample (logged, not asserted)', async () => {
    for (let i = 0; i < 10; i++) await renderInvoicePdf(householdInvoice);
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < 3000) {
      await renderInvoicePdf(householdInvoice);
      count++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`renderInvoicePdf: ${count} household PDFs in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} per second`);
    expect(count).toBeGreaterThan(0);
  });
});

describe('the numbers as each language writes them', () => {
  it('keeps the digits of exact decimals, with the language\'s separators', () => {
    expect(formatDecimal('1520.250', 'lv')).toBe('1 520,250');
    expect(formatDecimal('1520.250', 'en')).toBe('1,520.250');
    expect(formatDecimal('-1', 'ru')).toBe('-1');
    expect(formatDecimal('0.154320', 'lv', 2)).toBe('0,15432');
    expect(formatDecimal('2.500000', 'en', 2)).toBe('2.50');
    expect(formatDecimal('3', 'lv', 2)).toBe('3,00');
    expect(() => formatDecimal('1,5', 'lv')).toThrow(RangeError);
  });

  it('writes dates and rates as the portal does', () => {
    expect(formatDocumentDate('2026-11-19', 'lv')).toBe('19.11.2026.');
    expect(formatDocumentDate('2026-11-19', 'en')).toBe('19/11/2026');
    expect(formatDocumentDate('2026-11-19', 'ru')).toBe('19.11.2026');
    expect(formatPercent('21', 'lv')).toBe('21 %');
    expect(formatPercent('21', 'en')).toBe('21%');
    expect(formatPercent('5.5', 'ru')).toBe('5,5 %');
  });
});
