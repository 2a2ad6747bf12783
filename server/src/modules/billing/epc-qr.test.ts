import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import qrcode from 'qrcode-generator';
import { epcQrModules, epcQrPayload, type EpcQrInput } from './epc-qr.js';
import { householdInvoice } from './invoice-document.sample.js';

const household: EpcQrInput = {
  bic: householdInvoice.payee.bic,
  name: householdInvoice.payee.name,
  iban: householdInvoice.payee.iban,
  amountCents: householdInvoice.totals.payableCents,
  reference: householdInvoice.paymentReference,
};

/** Draws the matrix with a quiet zone of 4 modules, `scale` pixels each, and lets jsQR read the bytes back. */
function readModules(modules: boolean[][], scale = 4): Uint8Array | null {
  const side = (modules.length + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = (((y + 4) * scale + dy) * side + (x + 4) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }));
  const code = jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' });
  return code ? Uint8Array.from(code.binaryData) : null;
}

describe('epcQrPayload (EPC069-12 version 002)', () => {
  it('writes the household sample exactly: RF reference as structured remittance, no trailing LF', () => {
    expect(epcQrPayload(household)).toBe(
      'BCD\n002\n1\nSCT\nHABALV22\nDemo Enerģija SIA\nLV80BANK0000435195001\nEUR42.18\n\nRF582026000101',
    );
  });

  it('puts a reference that is not an RF reference into the unstructured remittance', () => {
    expect(epcQrPayload({ ...household, reference: 'DE-2026-000101' })).toBe(
      'BCD\n002\n1\nSCT\nHABALV22\nDemo Enerģija SIA\nLV80BANK0000435195001\nEUR42.18\n\n\nDE-2026-000101',
    );
    expect(epcQrPayload({ ...household, reference: 'DE-2026-000101', text: 'Rēķins DE-2026-000101' }).split('\n')[10])
      .toBe('Rēķins DE-2026-000101');
  });

  it('with an RF reference, a text becomes the note to the payer (element 12)', () => {
    expect(epcQrPayload({ ...household, text: 'Paldies!' }).split('\n').slice(9)).toEqual(['RF582026000101', '', 'Paldies!']);
  });

  it('normalises spaces and case of BIC, IBAN and reference', () => {
    expect(epcQrPayload({ ...household, bic: 'habalv22', iban: 'LV80 BANK 0000 4351 9500 1', reference: 'rf58 2026 0001 01' }))
      .toBe(epcQrPayload(household));
  });

  it('writes amounts from EUR0.01 to EUR999999999.99 and leaves the amount out at 0', () => {
    expect(epcQrPayload({ ...household, amountCents: 1 }).split('\n')[7]).toBe('EUR0.01');
    expect(epcQrPayload({ ...household, amountCents: 100 }).split('\n')[7]).toBe('EUR1.00');
    expect(epcQrPayload({ ...household, amountCents: 99_999_999_999 }).split('\n')[7]).toBe('EUR999999999.99');
    expect(epcQrPayload({ ...household, amountCents: 0 }).split('\n')[7]).toBe('');
  });

  it('leaves the BIC out when it is empty', () => {
    expect(epcQrPayload({ ...household, bic: '' }).split('\n')[4]).toBe('');
  });

  it('rejects bad input with a RangeError naming the field', () => {
    const bad: [Partial<EpcQrInput>, string][] = [
      [{ amountCents: 100_000_000_000 }, 'amountCents'],
      [{ amountCents: -1 }, 'amountCents'],
      [{ amountCents: 12.5 }, 'amountCents'],
      [{ iban: 'LV81BANK0000435195001' }, 'iban'],
      [{ iban: 'not an iban' }, 'iban'],
      [{ bic: 'HABA' }, 'bic'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(71) }, 'name'],
      [{ name: 'Demo\nEnerģija' }, 'name'],
      [{ reference: '' }, 'reference'],
      [{ reference: 'x'.repeat(141) }, 'reference'],
      [{ reference: 'DE-1', text: 'x'.repeat(141) }, 'text'],
      [{ text: 'x'.repeat(71) }, 'text'],
    ];
    for (const [change, field] of bad) {
      expect(() => epcQrPayload({ ...household, ...change }), field).toThrow(RangeError);
      expect(() => epcQrPayload({ ...household, ...change }), field).toThrow(new RegExp(`\\b${field}\\b`));
    }
  });

  it('takes a name of 70 and a text of 140 characters, but no payload over 331 bytes', () => {
    const longest = epcQrPayload({ ...household, name: 'N'.repeat(70), reference: 'DE', text: 'T'.repeat(140) });
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(331);
    // Cyrillic letters take two bytes each in UTF-8: 70 + 140 of them are too many bytes.
    expect(() => epcQrPayload({ ...household, name: 'Ж'.repeat(70), reference: 'DE', text: 'Ж'.repeat(140) }))
      .toThrow(/payload .* more than 331/);
  });
});

describe('epcQrModules', () => {
  it('gives a square matrix that a QR reader decodes back to the payload bytes (UTF-8)', () => {
    const payload = epcQrPayload(household);
    const modules = epcQrModules(payload);
    expect(modules.every((row) => row.length === modules.length)).toBe(true);
    expect(readModules(modules)).toEqual(Uint8Array.from(Buffer.from(payload, 'utf8')));
  });

  it('uses error correction level M (the household payload fits version 6, 41 modules a side)', () => {
    // 88 bytes: version 5-M holds 84 bytes, 6-M 106 (5-L would hold 106, so L would give 37 modules).
    expect(Buffer.byteLength(epcQrPayload(household))).toBe(88);
    expect(epcQrModules(epcQrPayload(household)).length).toBe(41);
  });

  it('chooses the same mask as qrcode-generator itself (the standard\'s lowest penalty), for payloads of every size', () => {
    const sizes = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const payload = epcQrPayload({
        ...household, amountCents: 1 + i * 7_919, name: `Enerģija ${'Ā'.repeat(i % 30)}`, reference: 'DE', text: 'ž'.repeat(i),
      });
      const library = qrcode(0, 'M');
      library.addData(Buffer.from(payload, 'utf8').toString('latin1'), 'Byte');
      library.make();
      const count = library.getModuleCount();
      const own = Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, column) => library.isDark(row, column)));
      const modules = epcQrModules(payload);
      sizes.add(modules.length);
      expect(modules, payload).toEqual(own);
      if (i % 10 === 0) expect(readModules(modules)).toEqual(Uint8Array.from(Buffer.from(payload, 'utf8')));
    }
    expect(Math.min(...sizes)).toBeLessThan(45); // below version 7 …
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(45); // … and from version 7 on (with version information)
  });
});
