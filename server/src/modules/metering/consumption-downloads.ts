import ExcelJS from 'exceljs';
import type { Consumption } from '@up/common/contracts/metering';
import { rigaWallClock } from '@up/common/riga-days';

/**
 * GRD-3: the consumption answer as a download. Both have one row per entry with its UTC and Riga times (on
 * the 25-hour day two rows share a Riga hour; the UTC column tells them apart), kWh with a decimal point,
 * the quality and the missing count; an empty cell where nothing is known, never 0.
 */
const COLUMNS = [
  'interval_start_utc', 'interval_end_utc', 'interval_start_riga', 'interval_end_riga', 'import_kwh', 'export_kwh',
  'quality', 'missing_intervals', 'spot_eur_per_mwh', 'spot_value_eur',
] as const;

const QUALITY_WORDS: Record<string, string> = {
  m: 'measured', e: 'estimated', c: 'corrected', x: 'missing', u: 'unusable', p: 'partly missing',
};

function kwh(wh: number | null): string {
  if (wh === null) return '';
  const sign = wh < 0 ? '-' : '';
  const magnitude = Math.abs(wh);
  return `${sign}${Math.floor(magnitude / 1000)}.${String(magnitude % 1000).padStart(3, '0')}`;
}

function euros(cents: number | null): string {
  if (cents === null) return '';
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

function rowsOf(consumption: Consumption): string[][] {
  const s = consumption.intervals;
  const rows: string[][] = [];
  for (let i = 0; i < s.start.length; i++) {
    const start = s.start[i] * 1000;
    const end = s.end[i] * 1000;
    rows.push([
      new Date(start).toISOString(), new Date(end).toISOString(), rigaWallClock(start), rigaWallClock(end),
      kwh(s.importWh[i]), kwh(s.exportWh[i]), QUALITY_WORDS[s.quality[i]] ?? s.quality[i], String(s.missing[i]),
      s.spotEurPerMwh[i] === null ? '' : String(s.spotEurPerMwh[i]), euros(s.spotValueCents[i]),
    ]);
  }
  return rows;
}

/** RFC 4180: CRLF line ends; no field here holds a comma or a quote, so none is quoted. */
export function consumptionCsv(consumption: Consumption): string {
  const lines = [COLUMNS.join(','), ...rowsOf(consumption).map((row) => row.join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export async function consumptionXlsx(consumption: Consumption, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Consumption');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([`${consumption.from} – ${consumption.to} (to exclusive), ${consumption.resolution}, times in UTC and Europe/Riga`]);
  sheet.addRow([]);
  const header = sheet.addRow([...COLUMNS]);
  header.font = { bold: true };
  const s = consumption.intervals;
  for (let i = 0; i < s.start.length; i++) {
    const start = s.start[i] * 1000;
    const end = s.end[i] * 1000;
    sheet.addRow([
      new Date(start).toISOString(), new Date(end).toISOString(), rigaWallClock(start), rigaWallClock(end),
      s.importWh[i] === null ? null : s.importWh[i]! / 1000, s.exportWh[i] === null ? null : s.exportWh[i]! / 1000,
      QUALITY_WORDS[s.quality[i]] ?? s.quality[i], s.missing[i], s.spotEurPerMwh[i], s.spotValueCents[i] === null ? null : s.spotValueCents[i]! / 100,
    ]);
  }
  const totals = consumption.totals;
  sheet.addRow([]);
  sheet.addRow(['total', '', '', '', totals.importWh / 1000, totals.exportWh / 1000, '', totals.missingIntervals, '', totals.spotValueCents === null ? null : totals.spotValueCents / 100]).font = { bold: true };
  sheet.getColumn(5).numFmt = '0.000';
  sheet.getColumn(6).numFmt = '0.000';
  sheet.getColumn(10).numFmt = '0.00';
  for (const [index, width] of [[1, 26], [2, 26], [3, 18], [4, 18], [5, 12], [6, 12], [7, 16], [8, 10], [9, 14], [10, 12]] as const) {
    sheet.getColumn(index).width = width;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
