import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StaffObject } from '@up/common/contracts/metering-staff';
import {
  detectIntervalFormat,
  importOutcome,
  importSummary,
  INTERVAL_CSV_HEADER,
  meteringModuleOn,
  OBJECT_IMPORT_COLUMNS,
  objectChanges,
  objectFormValues,
  rejectionPlace,
  SPOT_PRICE_CSV_HEADER,
} from './metering.ts';

const serverFile = (name: string) => readFileSync(new URL(`../../../../../server/src/modules/metering/${name}`, import.meta.url), 'utf8');

const object: Pick<StaffObject, 'address' | 'capacityAmperes' | 'phases' | 'voltageVolts' | 'status'> = {
  address: 'Rīga, Brīvības iela 1-2',
  capacityAmperes: 25,
  phases: 3,
  voltageVolts: 400,
  status: 'active',
};

describe('the formats the help shows', () => {
  it('GRD-1: the objects CSV columns are the server importer\'s', () => {
    const source = serverFile('object-import.service.ts');
    const list = /export const OBJECT_IMPORT_COLUMNS = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    expect([...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1])).toEqual([...OBJECT_IMPORT_COLUMNS]);
  });

  it('GRD-3, GRD-4: the interval and spot price CSV headers are the server parsers\'', () => {
    expect(serverFile('interval-csv.ts')).toContain(`export const INTERVAL_CSV_HEADER = '${INTERVAL_CSV_HEADER}';`);
    expect(serverFile('spot-prices.service.ts')).toContain(`export const SPOT_PRICE_CSV_HEADER = '${SPOT_PRICE_CSV_HEADER}';`);
  });
});

describe('meteringModuleOn', () => {
  it('is on for the metering and the permits module, off otherwise, unknown without the profile', () => {
    expect(meteringModuleOn({ modules: ['accounts', 'metering'] })).toBe(true);
    expect(meteringModuleOn({ modules: ['accounts', 'permits', 'billing'] })).toBe(true);
    expect(meteringModuleOn({ modules: ['accounts', 'billing'] })).toBe(false);
    expect(meteringModuleOn(undefined)).toBeNull();
  });
});

describe('detectIntervalFormat', () => {
  it('takes JSON for the Sadales tīkls answer and CSV for the portal\'s file, by type or name', () => {
    expect(detectIntervalFormat({ name: 'export.JSON', type: '' })).toBe('sadales_json');
    expect(detectIntervalFormat({ name: 'x', type: 'application/json' })).toBe('sadales_json');
    expect(detectIntervalFormat({ name: 'values.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(detectIntervalFormat({ name: 'values', type: 'text/csv' })).toBe('csv');
    expect(detectIntervalFormat({ name: 'values.txt', type: 'text/plain' })).toBeNull();
  });
});

describe('objectChanges', () => {
  it('GRD-1: sends only the parameters that changed', () => {
    const values = { ...objectFormValues(object), capacityAmperes: ' 32 ', status: 'disconnected' };
    expect(objectChanges(object, values)).toEqual({ body: { capacityAmperes: 32, status: 'disconnected' }, errors: {} });
  });

  it('answers no body when nothing changed (spaces in the address aside)', () => {
    expect(objectChanges(object, { ...objectFormValues(object), address: '  Rīga,  Brīvības iela 1-2 ' })).toEqual({ body: null, errors: {} });
  });

  it('clears a parameter to "not stated" with an empty field', () => {
    const values = { ...objectFormValues(object), capacityAmperes: '', phases: '', voltageVolts: '' };
    expect(objectChanges(object, values).body).toEqual({ capacityAmperes: null, phases: null, voltageVolts: null });
  });

  it('sets a parameter that was not stated', () => {
    const unstated = { ...object, capacityAmperes: null, phases: null, voltageVolts: null };
    const values = { ...objectFormValues(unstated), phases: '1', voltageVolts: '230' };
    expect(objectFormValues(unstated)).toMatchObject({ capacityAmperes: '', phases: '', voltageVolts: '' });
    expect(objectChanges(unstated, values).body).toEqual({ phases: 1, voltageVolts: 230 });
  });

  it('refuses what the server refuses, naming each field, and sends nothing', () => {
    const values = { address: 'ab', capacityAmperes: '0', phases: '2', voltageVolts: '400001', status: 'gone' };
    expect(objectChanges(object, values)).toEqual({
      body: null,
      errors: { address: 'address', capacityAmperes: 'capacityAmperes', phases: 'phases', voltageVolts: 'voltageVolts', status: 'status' },
    });
    expect(objectChanges(object, { ...objectFormValues(object), capacityAmperes: '2.5' }).errors).toEqual({ capacityAmperes: 'capacityAmperes' });
    expect(objectChanges(object, { ...objectFormValues(object), capacityAmperes: '10000' }).body).toEqual({ capacityAmperes: 10_000 });
    expect(objectChanges(object, { ...objectFormValues(object), address: 'x'.repeat(201) }).errors).toEqual({ address: 'address' });
  });
});

describe('importSummary', () => {
  it('lists the known counts in order, then other numbers, and the period; leaves out texts', () => {
    const summary = importSummary({
      importId: 'i1', format: 'csv', unchanged: 3, values: 10, inserted: 5, corrected: 1, rejectedTotal: 1, zeta: 2, alpha: 1,
      days: 2, from: '2026-01-31T22:00:00.000Z', until: '2026-02-01T22:00:00.000Z',
    });
    expect(summary.counts).toEqual([
      { key: 'values', known: true, value: 10 },
      { key: 'inserted', known: true, value: 5 },
      { key: 'corrected', known: true, value: 1 },
      { key: 'unchanged', known: true, value: 3 },
      { key: 'rejectedTotal', known: true, value: 1 },
      { key: 'days', known: true, value: 2 },
      { key: 'alpha', known: false, value: 1 },
      { key: 'zeta', known: false, value: 2 },
    ]);
    expect(summary).toMatchObject({ from: '2026-01-31T22:00:00.000Z', until: '2026-02-01T22:00:00.000Z' });
  });

  it('answers nothing for an import without counts (still running or broken off)', () => {
    expect(importSummary(null)).toEqual({ counts: [], from: null, until: null });
    expect(importSummary({ from: null, until: null })).toEqual({ counts: [], from: null, until: null });
  });
});

describe('importOutcome', () => {
  it('GRD-3: tells an import whose values all landed from one with some or all refused, and an empty file', () => {
    expect(importOutcome({ values: 10, rejectedTotal: 0 })).toBe('done');
    expect(importOutcome({ values: 10, rejectedTotal: 3 })).toBe('partly');
    expect(importOutcome({ values: 3, rejectedTotal: 3 })).toBe('refused');
    expect(importOutcome({ values: 0, rejectedTotal: 0 })).toBe('empty');
  });
});

describe('rejectionPlace', () => {
  it('names a CSV row by its line and a JSON value by its index path', () => {
    expect(rejectionPlace({ line: 7 })).toBe('7');
    expect(rejectionPlace({ path: '[0].mList[1].cList[17]' })).toBe('[0].mList[1].cList[17]');
    expect(rejectionPlace({})).toBe('');
  });
});
