import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { formatMoney } from '@up/common/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { ublSchemaErrors } from '../../test/ubl-schema.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { deliverIssuedInvoices } from './invoice-delivery.service.js';
import { buildApp } from '../../app.js';
import { householdInvoice } from './invoice-document.sample.js';
import { createInvoicePdfPool } from './invoice-pdf-pool.js';

/** The invoice routes over the demo's year of invoices (computed by the real run): BIL-15, ACC-10, the documents. */
const t = await createTestApp({ demoYear: true });
afterAll(async () => { await t.close(); });

let janis: TestClient;
let marta: TestClient;
let service: TestClient;
const ids = { household: '', company: '', martaMembership: '' };

beforeAll(async () => {
  const customer = async (number: string) => (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  ids.household = await customer('C-100001');
  ids.company = await customer('C-100003');
  const martaUser = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow();
  ids.martaMembership = (await t.deps.db.selectFrom('memberships').select('id').where('user_id', '=', martaUser.id).where('customer_id', '=', ids.household).executeTakeFirstOrThrow()).id;
  janis = t.client('10.0.2.1');
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  marta = t.client('10.0.2.2');
  await marta.login('marta@demo.example', DEMO_PASSWORD);
  service = t.client('10.0.2.3');
  await service.login('service@demo.example', DEMO_PASSWORD);
});

/**
 * .ci/run sets EINVOICE_SAMPLES_DIR and runs the official EN 16931 and Peppol BIS 3.0 rules
 * (../shared/tools/einvoice-validator) over the e-invoices the real run issued here.
 */
function keepForTheValidator(fileName: string, xml: string) {
  const dir = process.env.EINVOICE_SAMPLES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, fileName), xml);
}

const invoicesOf = async (client: TestClient, customerId: string) => (await client.get(`/api/customers/${customerId}/invoices`)).json();

describe('the customer\'s invoices', () => {
  it('BIL-15: the invoices are shown in the portal, newest first, with the balance from the ledger', async () => {
    const list = await invoicesOf(janis, ids.household);
    expect(list.invoices).toHaveLength(12);
    expect(list.invoices.map((invoice: { period: string }) => invoice.period)).toEqual([...list.invoices.map((invoice: { period: string }) => invoice.period)].sort().reverse());
    // every invoice but the newest was paid in the demo: the balance is what the newest asks for
    expect(list.balanceCents).toBe(list.invoices[0].payableCents);
  });

  it('BIL-9: one invoice combines supply, grid, the capacity fee and the instalment of the customer\'s contracts', async () => {
    const [latest] = (await invoicesOf(janis, ids.household)).invoices;
    const detail = (await janis.get(`/api/customers/${ids.household}/invoices/${latest.id}`)).json();
    expect(new Set(detail.lines.map((line: { source: string }) => line.source))).toEqual(new Set(['energy', 'grid_energy', 'capacity_fee', 'fixed_fee', 'instalment']));
    expect(detail.netCents).toBe(detail.lines.reduce((sum: number, line: { netCents: number }) => sum + line.netCents, 0));
    expect(detail.hasEInvoice).toBe(false);
  });

  it('the bill explained: an energy line opens as its kWh and money by day, with the tariff version applied', async () => {
    const [latest] = (await invoicesOf(janis, ids.household)).invoices;
    const detail = (await janis.get(`/api/customers/${ids.household}/invoices/${latest.id}`)).json();
    const energy = detail.lines.find((line: { source: string }) => line.source === 'energy');
    expect(energy.explained).toBe(true);
    const explanation = (await janis.get(`/api/customers/${ids.household}/invoices/${latest.id}/lines/${energy.lineNumber}`)).json();
    const wh = explanation.days.reduce((sum: number, day: { wh: number }) => sum + day.wh, 0);
    expect(wh / 1000).toBe(Number(energy.quantity));
    const cents = explanation.days.reduce((sum: number, day: { amountCents: number }) => sum + day.amountCents, 0);
    expect(Math.abs(cents - energy.netCents)).toBeLessThan(1);
    expect(explanation.tariff.code).toBe('HOME');
    expect(explanation.tariff.version.elements[0].priceComponents[0]).toMatchObject({ type: 'ENERGY', price: energy.unitPrice });
    expect((await janis.get(`/api/customers/${ids.household}/invoices/${latest.id}/lines/999`)).json().error.code).toBe('INVOICE_LINE_NOT_FOUND');
  });

  it('the PDF reads back with the customer\'s name, the number and the amount intact', async () => {
    const [latest] = (await invoicesOf(janis, ids.household)).invoices;
    const response = await janis.get(`/api/customers/${ids.household}/invoices/${latest.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${latest.number}.pdf"`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'invoice-')), 'invoice.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Jānis Bērziņš');
    expect(text).toContain(latest.number);
    expect(text).toContain(formatMoney(latest.payableCents, 'lv'));
  });

  it('the e-invoice is issued to a legal entity, schema-valid UBL 2.1; a person\'s invoice has none', async () => {
    const [household] = (await invoicesOf(janis, ids.household)).invoices;
    const refused = await janis.get(`/api/customers/${ids.household}/invoices/${household.id}/xml`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'E_INVOICE_NOT_ISSUED']);
    const [company] = (await invoicesOf(janis, ids.company)).invoices;
    const response = await janis.get(`/api/customers/${ids.company}/invoices/${company.id}/xml`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(response.body).toContain(`<cbc:ID>${company.number}</cbc:ID>`);
    expect(await ublSchemaErrors(response.body, 'Invoice')).toEqual([]);
    keepForTheValidator('invoice-company.xml', response.body);
  });

  it('BIL-2: a legal entity\'s invoice e-mail carries the e-invoice XML beside the PDF', async () => {
    t.mail.messages.length = 0;
    await deliverIssuedInvoices(t.deps);
    const [company] = (await invoicesOf(janis, ids.company)).invoices;
    const mail = t.mail.messages.find((message) => message.subject === `Rēķins ${company.number}`)!;
    expect(mail.to).toBe('birojs@demobuve.example');
    expect(mail.attachments.map((file) => file.fileName)).toEqual([`${company.number}.pdf`, `${company.number}.xml`]);
  });

  it('another customer\'s invoice answers 404 as if it did not exist', async () => {
    const [company] = (await invoicesOf(janis, ids.company)).invoices;
    const response = await janis.get(`/api/customers/${ids.household}/invoices/${company.id}`);
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'INVOICE_NOT_FOUND']);
  });

  it('the overview\'s estimate rates this month so far with the same tariffs', async () => {
    const estimate = (await janis.get(`/api/customers/${ids.household}/billing/estimate`)).json();
    expect(estimate.period).toBe('2026-11');
    expect(estimate.grossCents).toBeGreaterThan(0);
    expect(estimate.netCents).toBe(estimate.lines.reduce((sum: number, line: { netCents: number }) => sum + line.netCents, 0));
  });

  it('BIL-8: the customer sees the tariffs of its contracts with every version', async () => {
    const tariffs = (await marta.get(`/api/customers/${ids.household}/tariffs`)).json();
    expect(tariffs.map((tariff: { code: string }) => tariff.code).sort()).toEqual(['GRID-1F', 'GRID-3F', 'HOME']);
    const home = tariffs.find((tariff: { code: string }) => tariff.code === 'HOME');
    expect(home.versions.map((version: { validUntil: string | null }) => version.validUntil)).toEqual([home.versions[1].validFrom, null]);
  });
});

describe('who sees invoices (ACC-10)', () => {
  const invoiceRoutes = async () => {
    const [latest] = (await invoicesOf(janis, ids.household)).invoices;
    return ['', `/${latest.id}`, `/${latest.id}/lines/1`, `/${latest.id}/pdf`].map((tail) => `/api/customers/${ids.household}/invoices${tail}`)
      .concat(`/api/customers/${ids.household}/billing/estimate`);
  };

  it('ACC-10: an additional user with the see_invoices right sees them; without it every invoice route refuses', async () => {
    for (const url of await invoiceRoutes()) expect((await marta.get(url)).statusCode, url).toBe(200);
    const changed = await janis.patch(`/api/customers/${ids.household}/users/${ids.martaMembership}`, { rights: [] });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    for (const url of await invoiceRoutes()) {
      const response = await marta.get(url);
      expect([response.statusCode, response.json().error.code], url).toEqual([403, 'RIGHT_MISSING']);
    }
    // she still sees the contracts and the tariffs (ACC-10: additional users see contracts)
    expect((await marta.get(`/api/customers/${ids.household}/contracts`)).statusCode).toBe(200);
  });

  it('ACC-10: where the operator lets additional users see invoices, no grant is needed', async () => {
    const open = await createTestApp({ operator: { rules: { additionalUsersSeeInvoices: true } } });
    try {
      const user = await open.deps.db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow();
      await open.deps.db.updateTable('memberships').set({ rights: sql<string[]>`'{}'::text[]` }).where('user_id', '=', user.id).execute();
      const client = open.client('10.0.3.1');
      await client.login('marta@demo.example', DEMO_PASSWORD);
      const household = await open.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow();
      expect((await client.get(`/api/customers/${household.id}/invoices`)).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('the back office', () => {
  it('finds invoices by number and by customer, voids with a reissue, issues a credit note with its own e-invoice', async () => {
    const [company] = (await invoicesOf(janis, ids.company)).invoices;
    const found = (await service.get(`/api/staff/invoices?q=${encodeURIComponent(company.number)}`)).json();
    expect(found.map((row: { id: string }) => row.id)).toEqual([company.id]);
    expect((await service.get('/api/staff/invoices?q=Demo%20B')).json().length).toBe(12);

    const note = await service.post(`/api/staff/invoices/${company.id}/credit-notes`, { reason: 'Claim accepted', lines: [{ description: 'Korekcija', netCents: 1000, vatPercent: '21' }] });
    expect(note.statusCode, note.body).toBe(201);
    const xml = await service.get(`/api/staff/invoices/${note.json().id}/xml`);
    expect(xml.body).toContain('<CreditNote');
    expect(xml.body).toContain(`<cbc:ID>${company.number}</cbc:ID>`);
    expect(await ublSchemaErrors(xml.body, 'CreditNote')).toEqual([]);
    keepForTheValidator('credit-note-company.xml', xml.body);

    const tooMuch = await service.post(`/api/staff/invoices/${company.id}/credit-notes`, { reason: 'x', lines: [{ description: 'x', netCents: 100_000_000, vatPercent: '21' }] });
    expect([tooMuch.statusCode, tooMuch.json().error.details.field]).toEqual([400, 'lines']);

    const [household] = (await invoicesOf(janis, ids.household)).invoices;
    const voided = await service.post(`/api/staff/invoices/${household.id}/void`, { reason: 'Wrong address', reissue: true });
    expect(voided.statusCode, voided.body).toBe(200);
    const after = (await invoicesOf(janis, ids.household)).invoices;
    expect(after.find((row: { id: string }) => row.id === household.id).status).toBe('void');
    expect(after.find((row: { id: string }) => row.id === voided.json().id).replacesInvoiceNumber).toBe(household.number);
  });

  it('the administrator starts a run; a month not over is refused with its reason', async () => {
    const admin = t.client('10.0.2.4');
    await admin.login('admin@demo.example', DEMO_PASSWORD);
    const refused = await admin.post('/api/staff/billing/runs', { period: '2026-11' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'PERIOD_NOT_OVER']);
    const again = await admin.post('/api/staff/billing/runs', { period: '2026-10' });
    expect([again.statusCode, again.json().status]).toEqual([202, 'done']);
    expect((await admin.get('/api/staff/billing/runs')).json()).toHaveLength(12);
  });
});

describe('the PDFs on worker threads (PDF_WORKERS)', () => {
  it('the customer\'s and the staff download render through the app\'s PDF pool, the same bytes as in the request\'s thread', async () => {
    const [latest] = (await invoicesOf(janis, ids.household)).invoices;
    const customerPath = `/api/customers/${ids.household}/invoices/${latest.id}/pdf`;
    const staffPath = `/api/staff/invoices/${latest.id}/pdf`;
    const inThread = [(await janis.get(customerPath)).rawPayload, (await service.get(staffPath)).rawPayload];
    const pool = createInvoicePdfPool({ workers: 1 });
    t.deps.invoicePdfs = pool; // the routes read deps when they answer
    try {
      const customer = await janis.get(customerPath);
      expect(pool.runningWorkers).toBe(1);
      const staff = await service.get(staffPath);
      expect([customer.statusCode, customer.headers['content-type'], staff.statusCode]).toEqual([200, 'application/pdf', 200]);
      expect(customer.rawPayload.equals(inThread[0]!)).toBe(true);
      expect(staff.rawPayload.equals(inThread[1]!)).toBe(true);
    } finally {
      delete t.deps.invoicePdfs;
      await pool.close();
    }
  });

  it('the pool closes with the app', async () => {
    const pool = createInvoicePdfPool({ workers: 1 });
    const app = await buildApp({ ...t.deps, invoicePdfs: pool }, { serveWeb: false });
    await app.ready();
    expect((await pool.render(householdInvoice)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pool.runningWorkers).toBe(1);
    await app.close();
    expect(pool.runningWorkers).toBe(0);
    await expect(pool.render(householdInvoice)).rejects.toThrow('The invoice PDF pool is closed');
  });
});
