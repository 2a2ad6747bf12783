import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { formatMoney } from '@up/common/money';
import { rigaDayStartMs } from '@up/common/riga-days';
import type { InvoiceDocument, InvoiceDocumentLine, InvoiceParty } from './invoice-document.js';
import { epcQrModules, epcQrPayload } from './epc-qr.js';
import { formatDecimal, formatDocumentDate, formatPercent, INVOICE_PDF_LABELS, type InvoicePdfLabels } from './invoice-pdf.labels.js';

type Pdf = PDFKit.PDFDocument;

/** A4 in points; the content runs from TOP to CONTENT_BOTTOM, the footer sits below it on every page. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 50;
const RIGHT = PAGE_WIDTH - 50;
const WIDTH = RIGHT - LEFT;
const TOP = 48;
const CONTENT_BOTTOM = PAGE_HEIGHT - 62;
const FOOTER_Y = PAGE_HEIGHT - 46;

const INK = '#1f2328';
const MUTED = '#5f6670';
const RULE = '#d5d9de';
const TINT = '#f3f4f6';

const REGULAR = 'Sans';
const BOLD = 'Sans-Bold';
/** DejaVu Sans's ascent in ems: from the top of a line of text to its baseline */
const DEJAVU_ASCENT = 0.928;

interface Page {
  pdf: Pdf;
  doc: InvoiceDocument;
  t: InvoicePdfLabels;
  brand: string;
  /** the font size style() set last */
  size: number;
  /** the fill colour style() set last on the current page; null when unknown (a new page, another fill) */
  colour: string | null;
  /** text encoded in this document, by font and text (glyph ids are the document's own) */
  encoded: Map<string, EncodedText>;
}

/**
 * The invoice or credit note as an A4 PDF in the document's language, with DejaVu Sans embedded (PDF's
 * built-in fonts have no ā, ķ or Cyrillic). The same document gives the same bytes: the metadata dates are
 * the issue date, and pdfkit derives the file id from the metadata and names font subsets by counter.
 */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const { regular, bold } = parsedFonts();
  const issued = new Date(rigaDayStartMs(doc.issueDate));
  const t = INVOICE_PDF_LABELS[doc.language];
  const pdf = new PDFDocument({
    size: 'A4',
    // Text is placed by hand; a small bottom margin keeps pdfkit from breaking the footer onto a new page.
    margins: { top: TOP, bottom: 10, left: LEFT, right: PAGE_WIDTH - RIGHT },
    bufferPages: true,
    font: null as unknown as string, // no default font: pdfkit would parse Helvetica's metrics for nothing
    lang: doc.language,
    displayTitle: true,
    info: {
      Title: `${doc.kind === 'invoice' ? t.invoice : t.creditNote} ${doc.number}`,
      Author: doc.seller.name,
      Subject: doc.buyer.name,
      Creator: doc.branding.portalName,
      Producer: 'PDFKit',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  pdf.registerFont(REGULAR, regular as unknown as Buffer);
  pdf.registerFont(BOLD, bold as unknown as Buffer);
  startSubsets(pdf, doc.language);
  const page: Page = { pdf, doc, t, brand: brandColour(doc.branding.primaryColor), size: 10, colour: null, encoded: new Map() };

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  let y = drawHeader(page);
  y = drawParties(page, y + 18);
  y = drawFacts(page, y + 16);
  y = drawLines(page, y + 20);
  y = drawSummary(page, y + 14);
  y = drawNotes(page, y + 16);
  if (doc.kind === 'invoice' && doc.totals.payableCents > 0) drawPaymentBox(page, y + 16);
  drawFooters(page);
  pdf.end();
  return done;
}

// ---- drawing ----

function brandColour(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : INK;
}

function title(page: Page): string {
  return page.doc.kind === 'invoice' ? page.t.invoice : page.t.creditNote;
}

function date(page: Page, value: string): string {
  return formatDocumentDate(value, page.doc.language);
}

function money(page: Page, cents: number): string {
  return formatMoney(cents, page.doc.language);
}

/** Sets font, size and colour in one call (the colour only when it changes); returns the pdf for chaining. */
function style(page: Page, font: string, size: number, colour = INK): Pdf {
  page.size = size;
  page.pdf.font(font).fontSize(size);
  if (colour !== page.colour) page.pdf.fillColor(colour);
  page.colour = colour;
  return page.pdf;
}

/** A new page starts with PDF's default graphics state. */
function addPage(page: Page): void {
  page.pdf.addPage();
  page.colour = null;
}

/**
 * One line of text, never wrapped, left or right aligned in `width`, and made smaller when it would run
 * over (a long name must not run into the next column or the QR code).
 */
function textLine(page: Page, text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
  const run = encodeText(page, text);
  let size = page.size;
  let textWidth = (run.advance * size) / 1000;
  let top = y;
  if (textWidth > width) {
    size = page.size * (width / textWidth);
    top += (page.size - size) * DEJAVU_ASCENT; // on the same baseline as at full size
    textWidth = width;
  }
  writeText(page, run, size, align === 'right' ? x + width - textWidth : x, top);
}

/** The glyphs of a string in the current font, as pdfkit's encoder gives them, and its advance in 1/1000 em. */
interface EncodedText {
  text: string;
  font: PdfFontInternals;
  hex: string[];
  positions: GlyphPosition[];
  advance: number;
  /** glyphsShown's TJ operator, once made */
  shown?: string;
}

interface GlyphPosition { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }

/**
 * What this file uses of pdfkit (0.20) beyond its documented API: the current font, its encoder and its embedding.
 * The tests read every document back (pdftotext, the QR code through pdftoppm), so a pdfkit that changes these fails them.
 */
interface PdfFontInternals {
  id: string;
  ascender: number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
  embed(): void;
}

interface PdfInternals {
  _font: PdfFontInternals;
  page: { fonts: Record<string, unknown>; height: number };
}

/** Encoded once per document and font: an invoice repeats most of its cells (units, prices, VAT rates, periods). */
function encodeText(page: Page, text: string): EncodedText {
  const font = (page.pdf as unknown as PdfInternals)._font;
  const key = `${font.id} ${text}`;
  let run = page.encoded.get(key);
  if (!run) {
    const [hex, positions] = font.encode(text);
    let advance = 0;
    for (const position of positions) advance += position.xAdvance;
    run = { text, font, hex, positions, advance };
    page.encoded.set(key, run);
  }
  return run;
}

/**
 * Writes encoded text with its top at (x, y) in one content write: what pdfkit's text() writes with
 * `lineBreak: false` and its default 'top' baseline (kerning as TJ adjustments), but flipped upright by the text
 * matrix in the page's top-down space, not by saving, transforming and restoring the graphics state. text() lays a
 * string out four times (for our width, its width, its glyphs, its advance) and writes each operator separately:
 * a quarter of an invoice's time went there. The rare run with glyph offsets (combining marks) is left to text().
 */
function writeText(page: Page, run: EncodedText, size: number, x: number, y: number): void {
  const { pdf } = page;
  const { font, hex } = run;
  if (hex.length === 0) return;
  run.shown ??= glyphsShown(run);
  if (!run.shown) {
    pdf.fontSize(size).text(run.text, x, y, { lineBreak: false });
    pdf.fontSize(page.size);
    return;
  }
  const internals = pdf as unknown as PdfInternals;
  internals.page.fonts[font.id] ??= font.ref();
  const baseline = y + (font.ascender * size) / 1000;
  addContent(pdf, `BT\n/${font.id} ${pdfNumber(size)} Tf\n1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n${run.shown}\nET`);
}

/**
 * The TJ operator showing a run without glyph offsets (nearly all text): kerning adjustments are in thousandths of
 * an em, the same at every size and place, so it is made once per run. '' when a glyph has an offset.
 */
function glyphsShown(run: EncodedText): string {
  const { hex, positions } = run;
  const segments: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (position.xOffset || position.yOffset) return '';
    const kerning = position.xAdvance - position.advanceWidth;
    if (kerning !== 0 || i === positions.length - 1) {
      segments.push(`<${hex.slice(last, i + 1).join('')}> ${pdfNumber(-kerning)}`);
      last = i + 1;
    }
  }
  return `[${segments.join(' ')}] TJ`;
}

/**
 * Content operators as bytes: pdfkit converts a string to bytes one character at a time (and adds the line
 * break); handed bytes, it takes them as they are. The operators are ASCII.
 */
function addContent(pdf: Pdf, operators: string): void {
  pdf.addContent(Buffer.from(`${operators}\n`, 'latin1'));
}

/** A number as pdfkit writes it: at most six decimals. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The operator's name in its colour and the document's title and number, then a rule in the same colour. */
function drawHeader(page: Page): number {
  const { pdf, doc, brand } = page;
  const titleWidth = style(page, BOLD, 18).widthOfString(title(page));
  textLine(page, title(page), LEFT, TOP, WIDTH, 'right');
  const nameWidth = WIDTH - titleWidth - 24;
  style(page, BOLD, 18, brand);
  textLine(page, doc.seller.name, LEFT, TOP, nameWidth);
  style(page, REGULAR, 8.5, MUTED);
  textLine(page, doc.branding.website.replace(/^https?:\/\//, ''), LEFT, TOP + 26, nameWidth);
  style(page, REGULAR, 10);
  textLine(page, doc.number, LEFT, TOP + 25, WIDTH, 'right');
  const ruleY = TOP + 46;
  pdf.moveTo(LEFT, ruleY).lineTo(RIGHT, ruleY).lineWidth(1.5).strokeColor(brand).stroke();
  return ruleY;
}

/** A slim header on the pages the lines run onto. */
function drawContinuationHeader(page: Page): number {
  const { pdf, doc, brand } = page;
  style(page, BOLD, 10, brand);
  textLine(page, doc.seller.name, LEFT, TOP, WIDTH / 2);
  style(page, REGULAR, 9);
  textLine(page, `${title(page)} ${doc.number}`, LEFT + WIDTH / 2, TOP, WIDTH / 2, 'right');
  const ruleY = TOP + 18;
  pdf.moveTo(LEFT, ruleY).lineTo(RIGHT, ruleY).lineWidth(0.75).strokeColor(brand).stroke();
  return ruleY + 16;
}

function drawParties(page: Page, y: number): number {
  const half = (WIDTH - 30) / 2;
  const sellerEnd = drawParty(page, page.t.seller, page.doc.seller, LEFT, y, half);
  const buyerEnd = drawParty(page, page.t.buyer, page.doc.buyer, LEFT + half + 30, y, half);
  return Math.max(sellerEnd, buyerEnd);
}

function drawParty(page: Page, label: string, party: InvoiceParty, x: number, y: number, width: number): number {
  const { pdf, t } = page;
  const { street, city, postalCode, countryCode } = party.address;
  style(page, REGULAR, 8, MUTED);
  textLine(page, label, x, y, width);
  style(page, BOLD, 10.5).text(party.name, x, y + 13, { width });
  const details = [street, `${city}, ${postalCode}${countryCode === 'LV' ? '' : `, ${countryCode}`}`];
  if (party.registrationNumber) details.push(`${t.registrationNumber} ${party.registrationNumber}`);
  if (party.vatNumber) details.push(`${t.vatNumber} ${party.vatNumber}`);
  style(page, REGULAR, 9).text(details.join('\n'), x, pdf.y + 2, { width, lineGap: 1.5 });
  return pdf.y;
}

const FACT_COLUMNS = 3;
const FACT_ROW = 30;

/** Number, dates, period, customer number and payment reference in a tinted band of label-over-value cells. */
function drawFacts(page: Page, y: number): number {
  const { pdf, doc, t } = page;
  const facts: [string, string][] = [
    [t.number, doc.number],
    [t.issueDate, date(page, doc.issueDate)],
  ];
  if (doc.dueDate) facts.push([t.dueDate, date(page, doc.dueDate)]);
  facts.push([t.period, `${date(page, doc.periodStart)} – ${date(page, doc.periodEnd)}`]);
  if (doc.buyer.customerNumber) facts.push([t.customerNumber, doc.buyer.customerNumber]);
  facts.push([t.paymentReference, doc.paymentReference]);
  const corrects = doc.precedingInvoice
    ? t.correctsInvoice(doc.precedingInvoice.number, date(page, doc.precedingInvoice.issueDate))
    : null;

  const cellWidth = (WIDTH - 24) / FACT_COLUMNS;
  const rows = Math.ceil(facts.length / FACT_COLUMNS);
  const height = 14 + rows * FACT_ROW + (corrects ? 18 : 0);
  pdf.roundedRect(LEFT, y, WIDTH, height, 4).fillColor(TINT).fill();
  page.colour = TINT;
  facts.forEach(([label, value], index) => {
    const x = LEFT + 12 + (index % FACT_COLUMNS) * cellWidth;
    const cellY = y + 10 + Math.floor(index / FACT_COLUMNS) * FACT_ROW;
    style(page, REGULAR, 7.5, MUTED);
    textLine(page, label, x, cellY, cellWidth - 8);
    style(page, BOLD, 9.5);
    textLine(page, value, x, cellY + 11, cellWidth - 8);
  });
  if (corrects) {
    style(page, BOLD, 9.5, page.brand);
    textLine(page, corrects, LEFT + 12, y + 10 + rows * FACT_ROW, WIDTH - 24);
  }
  return y + height;
}

interface Column {
  width: number;
  align: 'left' | 'right';
  header: (t: InvoicePdfLabels) => string;
  cell: (page: Page, line: InvoiceDocumentLine) => string;
}

const GAP = 7;

const COLUMNS: Column[] = [
  { width: 16, align: 'left', header: (t) => t.lineNumber, cell: (_, line) => String(line.lineNumber) },
  { width: 0, align: 'left', header: (t) => t.description, cell: (_, line) => line.description },
  { width: 52, align: 'right', header: (t) => t.quantity, cell: (page, line) => formatDecimal(line.quantity, page.doc.language) },
  { width: 32, align: 'left', header: (t) => t.unit, cell: (page, line) => page.t.units[line.unitCode] },
  { width: 53, align: 'right', header: (t) => t.unitPrice, cell: (page, line) => formatDecimal(line.unitPrice, page.doc.language, 2) },
  { width: 32, align: 'right', header: (t) => t.vatPercent, cell: (page, line) => formatPercent(line.vatRatePercent, page.doc.language) },
  { width: 70, align: 'right', header: (t) => t.net, cell: (page, line) => money(page, line.netCents) },
];
const DESCRIPTION = 1;
// The description takes what the other columns leave.
COLUMNS[DESCRIPTION].width = WIDTH - COLUMNS.reduce((sum, column) => sum + column.width, 0) - GAP * (COLUMNS.length - 1);
const COLUMN_X = COLUMNS.map((_, index) => LEFT + COLUMNS.slice(0, index).reduce((sum, column) => sum + column.width + GAP, 0));

/** The lines table; a line that does not fit starts a new page, which repeats the table's header. */
function drawLines(page: Page, y: number): number {
  const { pdf, doc } = page;
  y = drawLinesHeader(page, y);
  for (const line of doc.lines) {
    const description = measureDescription(page, line);
    const period = linePeriod(page, line);
    const height = lineHeight(page, description, period);
    if (y + height > CONTENT_BOTTOM) {
      addPage(page);
      y = drawLinesHeader(page, drawContinuationHeader(page));
    }
    drawLine(page, line, y, description, period);
    y += height;
    pdf.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  return y;
}

/** Column headings, bottom-aligned, so a heading that wraps grows upwards. */
function drawLinesHeader(page: Page, y: number): number {
  const { pdf, t } = page;
  style(page, BOLD, 7.5, MUTED);
  // most headings fit their column on one line: laid out once (see measureDescription)
  const headings = COLUMNS.map((column) => {
    const text = column.header(t);
    const run = text.includes('\n') ? null : encodeText(page, text);
    const oneLine = run !== null && (run.advance * page.size) / 1000 <= column.width;
    return { text, oneLine, height: oneLine ? pdf.currentLineHeight(true) : pdf.heightOfString(text, { width: column.width }) };
  });
  const height = Math.max(...headings.map((heading) => heading.height));
  COLUMNS.forEach((column, index) => {
    const { text, oneLine, height: own } = headings[index];
    if (oneLine) textLine(page, text, COLUMN_X[index], y + height - own, column.width, column.align);
    else pdf.text(text, COLUMN_X[index], y + height - own, { width: column.width, align: column.align });
  });
  const ruleY = y + height + 4;
  pdf.moveTo(LEFT, ruleY).lineTo(RIGHT, ruleY).lineWidth(0.75).strokeColor(MUTED).stroke();
  return ruleY;
}

const CELL_PADDING = 5;
const LINE_SIZE = 9;
const LINE_PERIOD_SIZE = 7.5;

function linePeriod(page: Page, line: InvoiceDocumentLine): string | null {
  if (!line.periodStart || !line.periodEnd) return null;
  return `${date(page, line.periodStart)} – ${date(page, line.periodEnd)}`;
}

/** A line's description: most fit the column on one line, laid out once; a longer one wraps as pdfkit wraps it. */
interface Description {
  /** null when the text wraps */
  run: EncodedText | null;
  height: number;
}

function measureDescription(page: Page, line: InvoiceDocumentLine): Description {
  const { pdf } = page;
  const width = COLUMNS[DESCRIPTION].width;
  style(page, REGULAR, LINE_SIZE);
  const run = line.description.includes('\n') ? null : encodeText(page, line.description);
  if (run && (run.advance * LINE_SIZE) / 1000 <= width) return { run, height: pdf.currentLineHeight(true) };
  return { run: null, height: pdf.heightOfString(line.description, { width }) };
}

function lineHeight(page: Page, description: Description, period: string | null): number {
  const periodHeight = period ? style(page, REGULAR, LINE_PERIOD_SIZE).currentLineHeight() + 1 : 0;
  return description.height + periodHeight + 2 * CELL_PADDING;
}

/** One line: the description wraps (its period, if any, under it in grey); the other cells are one line each. */
function drawLine(page: Page, line: InvoiceDocumentLine, y: number, description: Description, period: string | null): void {
  const { pdf } = page;
  const top = y + CELL_PADDING;
  style(page, REGULAR, LINE_SIZE);
  COLUMNS.forEach((column, index) => {
    if (index === DESCRIPTION) return;
    textLine(page, column.cell(page, line), COLUMN_X[index], top, column.width, column.align);
  });
  if (description.run) writeText(page, description.run, LINE_SIZE, COLUMN_X[DESCRIPTION], top);
  else pdf.text(line.description, COLUMN_X[DESCRIPTION], top, { width: COLUMNS[DESCRIPTION].width });
  if (period) {
    style(page, REGULAR, LINE_PERIOD_SIZE, MUTED);
    textLine(page, period, COLUMN_X[DESCRIPTION], top + description.height + 1, COLUMNS[DESCRIPTION].width);
  }
}

const SUMMARY_ROW = 15;
const VAT_COLUMNS = [{ width: 110, align: 'left' }, { width: 76, align: 'right' }, { width: 60, align: 'right' }] as const;
const TOTALS_WIDTH = 220;

/** The VAT summary per rate on the left, the totals on the right; both move to a new page together. */
function drawSummary(page: Page, y: number): number {
  const { doc } = page;
  const totals = totalRows(page);
  const height = Math.max(SUMMARY_ROW * (doc.vatBreakdown.length + 2), SUMMARY_ROW * totals.length + 14);
  if (y + height > CONTENT_BOTTOM) {
    addPage(page);
    y = drawContinuationHeader(page);
  }
  return Math.max(drawVatSummary(page, y), drawTotals(page, totals, y));
}

/** Rate | taxable amount | VAT, one row per VAT category and rate. */
function drawVatSummary(page: Page, y: number): number {
  const { doc, t } = page;
  const row = (cells: string[], rowY: number) => {
    let x = LEFT;
    VAT_COLUMNS.forEach((column, index) => {
      textLine(page, cells[index], x, rowY, column.width, column.align);
      x += column.width + GAP;
    });
  };
  style(page, BOLD, 8.5);
  textLine(page, t.vatSummary, LEFT, y, 250);
  let rowY = y + SUMMARY_ROW;
  style(page, REGULAR, 7.5, MUTED);
  row([t.vatRate, t.taxableAmount, t.vat], rowY);
  style(page, REGULAR, 8.5);
  for (const entry of doc.vatBreakdown) {
    rowY += SUMMARY_ROW - 2;
    const rate = formatPercent(entry.vatRatePercent, doc.language);
    const label = entry.vatCategory === 'S' ? rate : `${rate} ${t.vatCategory[entry.vatCategory]}`;
    row([label, money(page, entry.taxableCents), money(page, entry.vatCents)], rowY);
  }
  return rowY + SUMMARY_ROW;
}

interface TotalRow { label: string; value: string; strong?: boolean; emphasis?: boolean }

function totalRows(page: Page): TotalRow[] {
  const { doc, t } = page;
  const { netCents, vatCents, grossCents, prepaidCents, payableCents } = doc.totals;
  const rows: TotalRow[] = [
    { label: t.totalWithoutVat, value: money(page, netCents) },
    { label: t.vat, value: money(page, vatCents) },
  ];
  // A credit note asks for nothing: its total is what it gives back.
  if (doc.kind === 'credit_note') return [...rows, { label: t.total, value: money(page, grossCents), strong: true, emphasis: true }];
  rows.push({ label: t.total, value: money(page, grossCents), strong: true });
  if (prepaidCents !== 0) rows.push({ label: t.paidInAdvance, value: money(page, -prepaidCents) });
  rows.push({ label: t.toPay, value: money(page, payableCents), strong: true, emphasis: true });
  return rows;
}

/** The totals, right-aligned; the last (to pay, or a credit note's total) under a rule, larger. */
function drawTotals(page: Page, rows: TotalRow[], y: number): number {
  const { pdf, doc } = page;
  const x = RIGHT - TOTALS_WIDTH;
  for (const row of rows) {
    if (row.emphasis) {
      pdf.moveTo(x, y + 1).lineTo(RIGHT, y + 1).lineWidth(0.75).strokeColor(INK).stroke();
      y += 6;
    }
    const colour = row.emphasis && doc.kind === 'invoice' ? page.brand : INK;
    style(page, row.strong ? BOLD : REGULAR, row.emphasis ? 11 : 9, colour);
    textLine(page, row.label, x, y, TOTALS_WIDTH);
    textLine(page, row.value, x, y, TOTALS_WIDTH, 'right');
    y += row.emphasis ? SUMMARY_ROW + 2 : SUMMARY_ROW;
  }
  return y;
}

function drawNotes(page: Page, y: number): number {
  const { pdf, doc } = page;
  if (doc.notes.length === 0) return y;
  const text = doc.notes.join('\n');
  style(page, REGULAR, 8, MUTED);
  if (y + pdf.heightOfString(text, { width: WIDTH, lineGap: 1.5 }) > CONTENT_BOTTOM) {
    addPage(page);
    y = drawContinuationHeader(page);
    style(page, REGULAR, 8, MUTED);
  }
  pdf.text(text, LEFT, y, { width: WIDTH, lineGap: 1.5 });
  return pdf.y;
}

const PAYMENT_BOX_HEIGHT = 132;
const QR_SIDE = 88;
const QR_COLUMN = 124;
const PAYMENT_LABEL_WIDTH = 115;

/**
 * The payment details and the EPC QR code, at the foot of the last page like a payment slip (on a page of
 * its own when the content leaves no room). The code is vector squares, sharp at any zoom and in print.
 */
function drawPaymentBox(page: Page, y: number): void {
  const { pdf, doc, t } = page;
  if (y + PAYMENT_BOX_HEIGHT > CONTENT_BOTTOM) {
    addPage(page);
    y = drawContinuationHeader(page);
  } else {
    y = CONTENT_BOTTOM - PAYMENT_BOX_HEIGHT;
  }
  pdf.roundedRect(LEFT, y, WIDTH, PAYMENT_BOX_HEIGHT, 4).lineWidth(0.75).strokeColor(page.brand).stroke();

  const x = LEFT + 16;
  const qrColumnX = RIGHT - 12 - QR_COLUMN;
  const valueWidth = qrColumnX - 12 - (x + PAYMENT_LABEL_WIDTH);
  const rows: [string, string, boolean][] = [
    [t.payTo, doc.payee.name, true],
    ['IBAN', doc.payee.iban.replace(/(.{4})(?=.)/g, '$1 '), false],
    ['BIC', doc.payee.bic, false],
    [t.paymentReference, doc.paymentReference, false],
    [t.amount, money(page, doc.totals.payableCents), true],
  ];
  if (doc.dueDate) rows.push([t.dueDate, date(page, doc.dueDate), false]);
  let rowY = y + 16;
  for (const [label, value, strong] of rows) {
    style(page, REGULAR, 8.5, MUTED);
    textLine(page, label, x, rowY + 0.5, PAYMENT_LABEL_WIDTH);
    style(page, strong ? BOLD : REGULAR, 9);
    textLine(page, value, x + PAYMENT_LABEL_WIDTH, rowY, valueWidth);
    rowY += 16;
  }

  const payload = epcQrPayload({
    bic: doc.payee.bic, name: doc.payee.name, iban: doc.payee.iban,
    amountCents: doc.totals.payableCents, reference: doc.paymentReference,
  });
  drawQrCode(pdf, epcQrModules(payload), qrColumnX + (QR_COLUMN - QR_SIDE) / 2, y + 8, QR_SIDE);
  style(page, REGULAR, 7, MUTED).text(t.scanToPay, qrColumnX, y + QR_SIDE + 10, { width: QR_COLUMN, align: 'center' });
}

/** One filled rectangle per run of dark modules in a row, with the quiet zone of 4 modules inside `side`. */
function drawQrCode(pdf: Pdf, modules: boolean[][], x: number, y: number, side: number): void {
  pdf.save();
  // In module units the rectangles are small integers: a third of the bytes of page coordinates.
  pdf.translate(x, y).scale(side / (modules.length + 8));
  // the rectangles as one content write (pdf.rect() writes each of the ~400 on its own)
  const rectangles: string[] = [];
  modules.forEach((row, r) => {
    let start = -1;
    row.concat(false).forEach((dark, c) => {
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        rectangles.push(`${start + 4} ${r + 4} ${c - start} 1 re`);
        start = -1;
      }
    });
  });
  addContent(pdf, rectangles.join('\n'));
  pdf.fillColor('#000000').fill();
  pdf.restore();
}

/** On every page: the operator's contacts and, when there is more than one page, "page X of Y". */
function drawFooters(page: Page): void {
  const { pdf, doc, t } = page;
  const { start, count } = pdf.bufferedPageRange();
  const { website, supportPhone, supportEmail } = doc.branding;
  const contacts = [website.replace(/^https?:\/\//, ''), supportPhone, supportEmail].join('   ·   ');
  for (let index = 0; index < count; index++) {
    pdf.switchToPage(start + index);
    page.colour = null; // whatever the page's content left
    pdf.moveTo(LEFT, FOOTER_Y - 8).lineTo(RIGHT, FOOTER_Y - 8).lineWidth(0.5).strokeColor(RULE).stroke();
    style(page, REGULAR, 7.5, MUTED);
    textLine(page, contacts, LEFT, FOOTER_Y, WIDTH * 0.75);
    if (count > 1) textLine(page, t.page(index + 1, count), LEFT + WIDTH * 0.75, FOOTER_Y, WIDTH * 0.25, 'right');
  }
}

// ---- fonts ----

/** A font as fontkit (pdfkit's font engine) parses it; pdfkit takes one wherever it takes font bytes. */
interface ParsedFont {
  layout(text: string, features?: unknown): GlyphRun;
  createSubset(): FontSubset;
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[]; _decode?: () => unknown };
}

interface GlyphRun {
  glyphs: unknown[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  readonly advanceWidth: number;
}

let fonts: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * DejaVu Sans regular and bold, read and parsed once per process. Handed font bytes, pdfkit parses the
 * 750 KB files again for every document and decodes each glyph anew: 95 % of the time of a one-page
 * invoice went there. The parsed fonts keep no per-document state (each document makes its own subset).
 */
function parsedFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    // pdfkit's own fontkit, whichever version pdfkit depends on
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): ParsedFont };
    const parse = (file: string) => {
      const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
      return shareSubsets(shareGlyphs(shareLayouts(font)));
    };
    fonts = { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  }
  return fonts;
}

/** fontkit's subset of a font: the glyphs in the order they were first used, and the font file it makes of them */
interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

/**
 * The letters an invoice in a language may use. Each document's subset starts with their glyphs in this order,
 * so most documents (all whose text stays within them) embed the very same subset, and shareSubsets makes its
 * font file once per process instead of once per document. (One string, laid out and cached once: DejaVu Sans
 * gives these letters the same glyphs together as one by one.)
 */
const LATIN = `${Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('')}āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ€–·`;
const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';

function startSubsets(pdf: Pdf, language: InvoiceDocument['language']): void {
  for (const font of [REGULAR, BOLD]) {
    pdf.font(font);
    const embedded = (pdf as unknown as PdfInternals)._font;
    embedded.encode(language === 'ru' ? LATIN + CYRILLIC : LATIN);
    deflateFontFileOnce(pdf, embedded);
  }
}

/** What deflateFontFileOnce uses of pdfkit (0.20): its stream objects, and the document making them. */
interface PdfStream {
  compress: boolean;
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

interface PdfRefs {
  ref(data?: object): PdfStream;
}

const deflatedFiles = new WeakMap<Uint8Array, Uint8Array>();

/**
 * A shared subset's font file is the same bytes in every document, so it is deflated once too (pdfkit deflated
 * it per document: a tenth of an invoice's time), giving the very bytes pdfkit would write. The file's stream is
 * the first object pdfkit's embed() makes; it is handed the deflated file with its filter.
 */
function deflateFontFileOnce(pdf: Pdf, font: PdfFontInternals): void {
  const embed = font.embed.bind(font);
  const refs = pdf as unknown as PdfRefs;
  font.embed = () => {
    const ref = refs.ref;
    refs.ref = (data) => {
      refs.ref = ref;
      const stream = ref.call(pdf, data);
      const end = stream.end.bind(stream);
      stream.end = (file) => {
        if (!file || !stream.compress) return end(file);
        let deflated = deflatedFiles.get(file);
        if (!deflated) {
          deflated = deflateSync(file);
          deflatedFiles.set(file, deflated);
        }
        stream.compress = false;
        stream.data.Filter = 'FlateDecode';
        end(deflated);
      };
      return stream;
    };
    try {
      embed();
    } finally {
      refs.ref = ref;
    }
  };
}

const MAX_SHARED_SUBSETS = 200;

/**
 * Making a subset's font file (fontkit re-encodes each glyph's tables) took an eighth of an invoice's time. The
 * file depends only on the glyphs and their order, so it is kept per glyph list for the process.
 */
function shareSubsets(font: ParsedFont): ParsedFont {
  const createSubset = font.createSubset.bind(font);
  const files = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(' ');
      let file = files.get(key);
      if (!file) {
        if (files.size >= MAX_SHARED_SUBSETS) files.clear();
        file = encode();
        files.set(key, file);
      }
      return file;
    };
    return subset;
  };
  return font;
}

const MAX_SHARED_LAYOUTS = 50_000;

/**
 * Shaping a word (OpenType substitutions and kerning) is costly and pdfkit remembers it per document only,
 * while invoices repeat the same labels and texts. This remembers shaped words for the process; every call
 * gets its own copy of the positions, because pdfkit scales them in place.
 */
function shareLayouts(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, features) => {
    if (features !== undefined) return shape(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_SHARED_LAYOUTS) runs.clear();
      run = shape(text);
      runs.set(text, run);
    }
    const positions = run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((width, position) => width + position.xAdvance, 0);
      },
    };
  };
  return font;
}

/**
 * With the font shared, so are its glyph objects, and two things need care. Each document's subset decodes
 * the outline and hinting of every glyph it embeds: the decoded outline is kept with the glyph (it is only
 * read). And a glyph keeps the code points it was first asked for: one first met as a part of another (Latin
 * c inside Cyrillic с) has none, and every later document's ToUnicode map, which text search and copying
 * read, would miss it; a caller that names the code points gives them back. Without fontkit's private
 * _decode the outlines are simply decoded each time.
 */
function shareGlyphs(font: ParsedFont): ParsedFont {
  const getGlyph = font.getGlyph.bind(font);
  const seen = new WeakSet<object>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints?.length && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    const decode = glyph._decode;
    if (typeof decode === 'function' && !seen.has(glyph)) {
      let outline: unknown;
      let decoded = false;
      glyph._decode = () => {
        if (!decoded) [outline, decoded] = [decode.call(glyph), true];
        return outline;
      };
      seen.add(glyph);
    }
    return glyph;
  };
  return font;
}
