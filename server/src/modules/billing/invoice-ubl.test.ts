import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '@up/common/money';
import type { InvoiceDocument } from './invoice-document.js';
import { companyInvoice, creditNote, householdInvoice, lateInterestInvoice } from './invoice-document.sample.js';
import { ublSchemaErrors } from '../../test/ubl-schema.js';
import { CUSTOMIZATION_ID, PROFILE_ID, escapeXml, formatCents, renderUbl } from './invoice-ubl.js';

/**
 * The UBL 2.1 / Peppol BIS Billing 3.0 e-invoice: the OASIS schema, the EN 16931 and Peppol rules the document
 * relies on (computed here from the XML itself, so they run without the validator), and a golden file.
 */

/**
 * Peppol BIS Billing 3.0's Electronic Address Scheme codes (PEPPOL-EN16931-CL008, release 3.0.19): 'EM' (e-mail) is
 * in EN 16931's list but not here.
 */
const PEPPOL_EAS = ('0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0154 0158 0170 0177 0183 0184 0188 0190 '
  + '0191 0192 0193 0194 0195 0196 0198 0199 0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 0216 0217 0218 0221 '
  + '0225 0230 0235 0240 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 '
  + '9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959').split(' ');

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenPath = path.join(here, '__golden__/household-invoice.xml');

const samples: [string, InvoiceDocument][] = [
  ['household invoice', householdInvoice],
  ['company invoice', companyInvoice],
  ['credit note', creditNote],
  ['household invoice with late interest', lateInterestInvoice],
];

// ---------------------------------------------------------------------------------------------------------
// A tiny XML reader: enough for the documents renderUbl writes (elements, attributes, text; no mixed content).

interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const [, close, name, attrs, selfClose, text] of body.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (text !== undefined) { top.text += unescapeXml(text); continue; }
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const node: XmlNode = { name, attributes: {}, children: [], text: '' };
    for (const [, key, value] of attrs.matchAll(/([\w:]+)="([^"]*)"/g)) node.attributes[key] = unescapeXml(value);
    top.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root.children[0];
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** All nodes at a '/'-separated path of element names below `node`. */
function all(node: XmlNode, pathText: string): XmlNode[] {
  return pathText.split('/').reduce<XmlNode[]>((nodes, name) => nodes.flatMap((n) => n.children.filter((c) => c.name === name)), [node]);
}

function one(node: XmlNode, pathText: string): XmlNode {
  const found = all(node, pathText);
  if (found.length !== 1) throw new Error(`expected one ${pathText} in <${node.name}>, found ${found.length}`);
  return found[0];
}

function textAt(node: XmlNode, pathText: string): string {
  return one(node, pathText).text.trim();
}

/** An amount as integer cents; BR-DEC-*: at most two decimals (we always write exactly two). */
function cents(node: XmlNode, pathText: string): number {
  const value = textAt(node, pathText);
  expect(value, `${pathText} has two decimals`).toMatch(/^-?\d+\.\d{2}$/);
  return Number(value.replace('.', ''));
}

function optionalCents(node: XmlNode, pathText: string): number {
  return all(node, pathText).length ? cents(node, pathText) : 0;
}

/** An exact decimal as an integer and its scale: '-1520.250' → { units: -1520250n, scale: 3 }. */
function decimal(value: string): { units: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal: ${value}`);
  const [, minus, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: minus ? -units : units, scale: fraction.length };
}

function lineNodes(xml: XmlNode): XmlNode[] {
  return [...all(xml, 'cac:InvoiceLine'), ...all(xml, 'cac:CreditNoteLine')];
}

function quantityOf(line: XmlNode): XmlNode {
  return one(line, line.name === 'cac:InvoiceLine' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity');
}

// ---------------------------------------------------------------------------------------------------------

/**
 * .ci/run sets EINVOICE_SAMPLES_DIR and runs the official EN 16931 and Peppol BIS 3.0 rules
 * (../shared/tools/einvoice-validator) over the e-invoices the tests leave there: here every kind of document the
 * writer makes, a household's included (billing-routes and payments-scenarios add those of real runs).
 */
function keepForTheValidator(name: string, xml: string): void {
  const dir = process.env.EINVOICE_SAMPLES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `sample-${name.replace(/ /g, '-')}.xml`), xml);
}

describe('UBL 2.1 schema (OASIS XSD)', () => {
  it.each(samples)('the %s is schema-valid', async (name, doc) => {
    const xml = renderUbl(doc);
    expect(await ublSchemaErrors(xml, doc.kind === 'invoice' ? 'Invoice' : 'CreditNote')).toEqual([]);
    keepForTheValidator(name, xml);
  });
});

describe.each(samples)('business rules: %s', (_, doc) => {
  const xml = parseXml(renderUbl(doc));
  const totals = one(xml, 'cac:LegalMonetaryTotal');
  const lines = lineNodes(xml);

  it('is a Peppol BIS Billing 3.0 document of the right type', () => {
    expect(xml.name).toBe(doc.kind === 'invoice' ? 'Invoice' : 'CreditNote');
    expect(textAt(xml, 'cbc:CustomizationID')).toBe(CUSTOMIZATION_ID);
    expect(textAt(xml, 'cbc:ProfileID')).toBe(PROFILE_ID);
    expect(textAt(xml, 'cbc:ID')).toBe(doc.number);
    if (doc.kind === 'invoice') expect(textAt(xml, 'cbc:InvoiceTypeCode')).toBe('380');
    else expect(textAt(xml, 'cbc:CreditNoteTypeCode')).toBe('381');
    expect(lines).toHaveLength(doc.lines.length);
  });

  it('BR-CO-10: the sum of the line net amounts is the LineExtensionAmount', () => {
    const sum = lines.reduce((s, line) => s + cents(line, 'cbc:LineExtensionAmount'), 0);
    expect(cents(totals, 'cbc:LineExtensionAmount')).toBe(sum);
    expect(sum).toBe(doc.totals.netCents);
  });

  it('BR-CO-13: tax exclusive = line total − allowances + charges', () => {
    const expected = cents(totals, 'cbc:LineExtensionAmount')
      - optionalCents(totals, 'cbc:AllowanceTotalAmount') + optionalCents(totals, 'cbc:ChargeTotalAmount');
    expect(cents(totals, 'cbc:TaxExclusiveAmount')).toBe(expected);
  });

  it('BR-CO-14, BR-CO-15: VAT total = Σ subtotals; tax inclusive = tax exclusive + VAT', () => {
    const vat = cents(xml, 'cac:TaxTotal/cbc:TaxAmount');
    expect(vat).toBe(all(xml, 'cac:TaxTotal/cac:TaxSubtotal').reduce((s, sub) => s + cents(sub, 'cbc:TaxAmount'), 0));
    expect(cents(totals, 'cbc:TaxInclusiveAmount')).toBe(cents(totals, 'cbc:TaxExclusiveAmount') + vat);
  });

  it('BR-CO-16: payable = tax inclusive − prepaid (+ rounding)', () => {
    const prepaid = optionalCents(totals, 'cbc:PrepaidAmount');
    expect(prepaid).toBe(doc.totals.prepaidCents);
    expect(cents(totals, 'cbc:PayableAmount'))
      .toBe(cents(totals, 'cbc:TaxInclusiveAmount') - prepaid + optionalCents(totals, 'cbc:PayableRoundingAmount'));
  });

  it('BR-CO-17: the VAT of each rate is its taxable amount × rate, rounded to the cent', () => {
    const subtotals = all(xml, 'cac:TaxTotal/cac:TaxSubtotal');
    expect(subtotals).toHaveLength(doc.vatBreakdown.length);
    for (const sub of subtotals) {
      const rate = decimal(textAt(sub, 'cac:TaxCategory/cbc:Percent'));
      const taxable = cents(sub, 'cbc:TaxableAmount');
      const expected = roundHalfUp(taxable * Number(rate.units), 100 * 10 ** rate.scale);
      expect(cents(sub, 'cbc:TaxAmount')).toBe(expected);
    }
  });

  it('BR-S-08: each rate\'s taxable amount is the sum of its lines', () => {
    for (const sub of all(xml, 'cac:TaxTotal/cac:TaxSubtotal')) {
      const category = textAt(sub, 'cac:TaxCategory/cbc:ID');
      const percent = textAt(sub, 'cac:TaxCategory/cbc:Percent');
      const ofRate = lines.filter((line) => textAt(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID') === category
        && textAt(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent') === percent);
      expect(cents(sub, 'cbc:TaxableAmount')).toBe(ofRate.reduce((s, line) => s + cents(line, 'cbc:LineExtensionAmount'), 0));
    }
  });

  it('PEPPOL-EN16931-R120: each line net = quantity × price (within 0.02)', () => {
    for (const line of lines) {
      const quantity = decimal(quantityOf(line).text);
      const price = decimal(textAt(line, 'cac:Price/cbc:PriceAmount'));
      expect(all(line, 'cac:Price/cbc:BaseQuantity')).toHaveLength(0);
      const productScale = quantity.scale + price.scale;
      const product = quantity.units * price.units;
      const net = BigInt(cents(line, 'cbc:LineExtensionAmount')) * 10n ** BigInt(productScale - 2);
      const difference = product > net ? product - net : net - product;
      expect(difference <= 2n * 10n ** BigInt(productScale - 2), `line ${textAt(line, 'cbc:ID')}`).toBe(true);
    }
  });

  it('BR-27: no line has a negative price (a correction carries the sign on its quantity)', () => {
    for (const line of lines) expect(decimal(textAt(line, 'cac:Price/cbc:PriceAmount')).units >= 0n).toBe(true);
  });

  it('PEPPOL-EN16931-R130 and friends: quantities and prices are the exact decimals, with the line\'s unit', () => {
    doc.lines.forEach((line, i) => {
      expect(quantityOf(lines[i]).text).toBe(line.quantity);
      expect(quantityOf(lines[i]).attributes.unitCode).toBe(line.unitCode);
      expect(textAt(lines[i], 'cac:Price/cbc:PriceAmount')).toBe(line.unitPrice);
    });
  });

  it('every amount is in EUR', () => {
    const amounts: XmlNode[] = [];
    const walk = (n: XmlNode) => { if (/Amount$/.test(n.name)) amounts.push(n); n.children.forEach(walk); };
    walk(xml);
    expect(amounts.length).toBeGreaterThan(5);
    for (const a of amounts) expect(a.attributes.currencyID, a.name).toBe('EUR');
    expect(textAt(xml, 'cbc:DocumentCurrencyCode')).toBe('EUR');
  });

  it('0218: the seller is addressed and identified by its registration number, plus its VAT number', () => {
    const seller = one(xml, 'cac:AccountingSupplierParty/cac:Party');
    expect(textAt(seller, 'cbc:EndpointID')).toBe(doc.seller.registrationNumber);
    expect(one(seller, 'cbc:EndpointID').attributes.schemeID).toBe('0218');
    expect(textAt(seller, 'cac:PartyLegalEntity/cbc:CompanyID')).toBe(doc.seller.registrationNumber);
    expect(one(seller, 'cac:PartyLegalEntity/cbc:CompanyID').attributes.schemeID).toBe('0218');
    expect(textAt(seller, 'cac:PartyLegalEntity/cbc:RegistrationName')).toBe(doc.seller.name);
    expect(textAt(seller, 'cac:PartyTaxScheme/cbc:CompanyID')).toBe(doc.seller.vatNumber);
    expect(textAt(seller, 'cac:PartyTaxScheme/cac:TaxScheme/cbc:ID')).toBe('VAT');
  });

  it('PEPPOL-EN16931-R010, CL008: the buyer has an electronic address in a Peppol scheme (0218; a natural person is reached at the operator\'s portal)', () => {
    const buyer = one(xml, 'cac:AccountingCustomerParty/cac:Party');
    const endpoint = one(buyer, 'cbc:EndpointID');
    expect(PEPPOL_EAS).toContain(endpoint.attributes.schemeID);
    expect(textAt(buyer, 'cac:PartyLegalEntity/cbc:RegistrationName')).toBe(doc.buyer.name);
    expect(textAt(buyer, 'cac:PartyIdentification/cbc:ID')).toBe(doc.buyer.customerNumber);
    expect(textAt(buyer, 'cac:Contact/cbc:ElectronicMail')).toBe(doc.buyer.email);
    if (doc.buyer.registrationNumber) {
      expect(endpoint.attributes.schemeID).toBe('0218');
      expect(endpoint.text).toBe(doc.buyer.registrationNumber);
      expect(one(buyer, 'cac:PartyLegalEntity/cbc:CompanyID').attributes.schemeID).toBe('0218');
      expect(textAt(buyer, 'cac:PartyLegalEntity/cbc:CompanyID')).toBe(doc.buyer.registrationNumber);
      expect(textAt(buyer, 'cac:PartyTaxScheme/cbc:CompanyID')).toBe(doc.buyer.vatNumber);
      expect(textAt(buyer, 'cac:PartyTaxScheme/cac:TaxScheme/cbc:ID')).toBe('VAT');
    } else {
      // the operator's own address: no identifier is made up for the person, and their e-mail stays the contact
      expect(endpoint.attributes.schemeID).toBe('0218');
      expect(endpoint.text).toBe(doc.seller.registrationNumber);
      expect(all(buyer, 'cac:PartyLegalEntity/cbc:CompanyID')).toHaveLength(0);
      expect(all(buyer, 'cac:PartyTaxScheme')).toHaveLength(0);
    }
  });

  it('PEPPOL-EN16931-R002, R003: one note at most; the customer number as BuyerReference', () => {
    expect(all(xml, 'cbc:Note').length).toBeLessThanOrEqual(1);
    expect(textAt(xml, 'cbc:Note')).toBe(doc.notes.join('\n'));
    expect(textAt(xml, 'cbc:BuyerReference')).toBe(doc.buyer.customerNumber);
  });

  it('PEPPOL-EN16931-R110, R111: the invoice period, and line periods only inside it', () => {
    expect(textAt(xml, 'cac:InvoicePeriod/cbc:StartDate')).toBe(doc.periodStart);
    expect(textAt(xml, 'cac:InvoicePeriod/cbc:EndDate')).toBe(doc.periodEnd);
    for (const line of lines) {
      for (const period of all(line, 'cac:InvoicePeriod')) {
        expect(textAt(period, 'cbc:StartDate') >= doc.periodStart).toBe(true);
        expect(textAt(period, 'cbc:EndDate') <= doc.periodEnd).toBe(true);
      }
    }
  });

  if (doc.kind === 'invoice') {
    it('BR-CO-25, BR-61: due date; SEPA credit transfer (58) to the payee\'s IBAN with the payment reference', () => {
      expect(textAt(xml, 'cbc:DueDate')).toBe(doc.dueDate);
      const means = one(xml, 'cac:PaymentMeans');
      expect(textAt(means, 'cbc:PaymentMeansCode')).toBe('58');
      expect(textAt(means, 'cbc:PaymentID')).toBe(doc.paymentReference);
      expect(textAt(means, 'cac:PayeeFinancialAccount/cbc:ID')).toBe(doc.payee.iban);
      expect(textAt(means, 'cac:PayeeFinancialAccount/cbc:Name')).toBe(doc.payee.name);
      expect(textAt(means, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID')).toBe(doc.payee.bic);
    });
  } else {
    it('BR-55: the credit note references the invoice it corrects; its amounts and quantities are positive', () => {
      expect(textAt(xml, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toBe(doc.precedingInvoice!.number);
      expect(textAt(xml, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate')).toBe(doc.precedingInvoice!.issueDate);
      for (const line of lines) {
        expect(cents(line, 'cbc:LineExtensionAmount')).toBeGreaterThan(0);
        expect(decimal(quantityOf(line).text).units > 0n).toBe(true);
      }
      expect(cents(totals, 'cbc:PayableAmount')).toBeGreaterThan(0);
      // The operator's account would ask the buyer to pay: no payment means on a credit note.
      expect(all(xml, 'cac:PaymentMeans')).toHaveLength(0);
    });
  }
});

describe('the correction line of the company invoice', () => {
  const xml = parseXml(renderUbl(companyInvoice));
  const correction = lineNodes(xml)[2];

  it('PEPPOL-EN16931-R120, BR-27: −1 × 5.000000 = −5.00', () => {
    expect(quantityOf(correction).text).toBe('-1');
    expect(textAt(correction, 'cac:Price/cbc:PriceAmount')).toBe('5.000000');
    expect(textAt(correction, 'cbc:LineExtensionAmount')).toBe('-5.00');
  });

  it('PEPPOL-EN16931-R110: its September period, outside the invoice period, goes into the line note', () => {
    expect(all(correction, 'cac:InvoicePeriod')).toHaveLength(0);
    expect(textAt(correction, 'cbc:Note')).toBe('2026-09-01/2026-09-30');
  });

  it('a line period inside the invoice period is the line\'s InvoicePeriod', () => {
    const doc: InvoiceDocument = {
      ...companyInvoice,
      lines: companyInvoice.lines.map((l) => (l.lineNumber === 2 ? { ...l, periodStart: '2026-10-15', periodEnd: '2026-10-31' } : l)),
    };
    const line = lineNodes(parseXml(renderUbl(doc)))[1];
    expect(textAt(line, 'cac:InvoicePeriod/cbc:StartDate')).toBe('2026-10-15');
    expect(textAt(line, 'cac:InvoicePeriod/cbc:EndDate')).toBe('2026-10-31');
    expect(all(line, 'cbc:Note')).toHaveLength(0);
  });
});

describe('values and escaping', () => {
  it('formats cents without floats', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(-500)).toBe('-5.00');
    expect(formatCents(4218)).toBe('42.18');
    expect(formatCents(900719925474099)).toBe('9007199254740.99');
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it('escapes the five XML specials and drops characters XML cannot carry', () => {
    expect(escapeXml(`A & B <c> "d" 'e'`)).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeXml('a\u0001b\tc')).toBe('ab\tc');
    const doc = { ...companyInvoice, buyer: { ...companyInvoice.buyer, name: `Kalns & Dēls "<SIA>"` } };
    const xml = parseXml(renderUbl(doc));
    expect(textAt(xml, 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName')).toBe(doc.buyer.name);
  });

  it('joins several notes into the one note Peppol allows, a line each', () => {
    const xml = parseXml(renderUbl({ ...householdInvoice, notes: ['Pirmā.', 'Otrā.'] }));
    expect(all(xml, 'cbc:Note')).toHaveLength(1);
    expect(textAt(xml, 'cbc:Note')).toBe('Pirmā.\nOtrā.');
  });

  it('is deterministic and UTF-8 with the declaration', () => {
    const xml = renderUbl(householdInvoice);
    expect(renderUbl(structuredClone(householdInvoice))).toBe(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice ')).toBe(true);
    expect(xml).toContain('Jānis Bērziņš');
  });
});

describe('golden file', () => {
  it('the household invoice matches __golden__/household-invoice.xml (UPDATE_GOLDEN=1 rewrites it)', () => {
    const xml = renderUbl(householdInvoice);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(goldenPath), { recursive: true });
      writeFileSync(goldenPath, xml);
    }
    expect(xml).toBe(readFileSync(goldenPath, 'utf8'));
  });
});

describe('render rate', () => {
  it('logs how many documents per second renderUbl renders (target ≥ 1,000 a second; not asserted)', () => {
    const docs = [householdInvoice, companyInvoice, creditNote];
    const started = performance.now();
    let count = 0;
    let bytes = 0;
    while (performance.now() - started < 2_000) {
      bytes += renderUbl(docs[count % docs.length]).length;
      count++;
    }
    const perSecond = Math.round(count / ((performance.now() - started) / 1000));
    console.log(`renderUbl: ${perSecond} documents/s (${count} in 2 s, ${Math.round(bytes / count)} characters each)`);
    expect(count).toBeGreaterThan(0);
  });
});
