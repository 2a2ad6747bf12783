import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Download, Locator, Page, Response } from 'playwright-core';
import { withFreshPage, newContext, visibleText, waitForPath } from './support/browser.js';
import { logInAs, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';

/**
 * Issue 11, "Done when": Jānis (demo customer C-100001, English UI) sees his objects (GRD-1), a year of hourly
 * data of the solar house as a chart, the month's net billing settlement (GRD-3, GRD-4), the 23- and 25-hour
 * days, downloads CSV and XLSX; submits a reading refused for being below the last one and then one that is
 * accepted (GRD-2); creates a data token, reads with it from outside the browser, revokes it and is refused.
 * The demo (server/src/db/demo-metering.ts) seeds a year of 15-minute data ending yesterday (Riga).
 */

const JANIS = 'janis@demo.example';
const FLAT = { address: 'Brīvības iela 1-1, Rīga, LV-1010', oldMeter: 'LV10042871', newMeter: 'LV26031544', replacedOn: '15/03/2026' };
const HOUSE = { address: 'Priežu iela 7, Mārupe, Mārupes nov., LV-2167', meter: 'LV24052093' };
/** uPlot drew a year of quarter-hours in ~70 ms on the issue author's machine; the bound is 300 ms. */
const DRAW_BOUND_MS = 300;

const the = usePortalAndBrowser();

/** A fresh browser profile for one test, closed afterwards; the page's own scripts must not throw. */
async function withPage(run: (page: Page, errors: string[]) => Promise<void>, options: Parameters<typeof newContext>[2] = {}) {
  await withFreshPage(the.browser, the.portal.url, run, options);
}

/** The card of an object on /objects, found by its heading (the address). */
function objectCard(page: Page, address: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: address, exact: true }) });
}

/** Main navigation → "Objects and consumption" → the object's "Consumption and readings"; gives back its path. */
async function openObject(page: Page, address: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Objects and consumption' }).click();
  await waitForPath(page, '/objects');
  await objectCard(page, address).getByRole('link', { name: 'Consumption and readings' }).click();
  await waitForPath(page, /^\/objects\/[^/]+$/);
  await visibleText(page.getByRole('heading', { level: 1, name: address }));
  return new URL(page.url()).pathname;
}

/** The customer Jānis is acting for (his session's active customer). */
async function activeCustomerId(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string } };
  return session.user.activeCustomerId;
}

interface ConsumptionAnswer {
  from: string;
  to: string;
  resolution: string;
  intervals: { start: number[]; end: number[]; importWh: (number | null)[]; exportWh: (number | null)[]; spotEurPerMwh: (number | null)[] };
}

/** Waits for the page's GET …/consumption (JSON, not a download) of the period starting `from` at `resolution`. */
function consumptionAnswer(page: Page, from: string, resolution: string): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname.endsWith('/consumption') && url.searchParams.get('from') === from
      && url.searchParams.get('resolution') === resolution && !url.searchParams.has('format') && response.request().method() === 'GET';
  }, { timeout: 30_000 });
}

/** The value of the term in a list of facts (<dl> of <div><dt/><dd/></div>) inside `container`. */
function fact(container: Locator, term: string): Locator {
  return container.locator('dl > div').filter({ has: container.page().locator('dt').getByText(term, { exact: true }) }).locator('dd');
}

/**
 * Clicks "Year" in the period picker (the view is kept in the address, so the radio is checked once the router
 * has moved) and steps back to `year` when it is the year before the one of the last data.
 */
async function chooseYearView(section: Locator, year: string) {
  const radio = section.getByRole('radio', { name: 'Year' });
  await radio.click();
  await expect.poll(() => radio.isChecked()).toBe(true);
  if (year !== addDays(rigaToday(), -1).slice(0, 4)) await section.getByRole('button', { name: 'Previous year' }).click();
  await expect.poll(async () => (await section.getByRole('paragraph').filter({ hasText: 'Period shown:' }).innerText()).replace(/\s+/g, ' ')).toBe(`Period shown: ${year}`);
}

/** Share of the chart canvas' pixels that are painted: axes and grid alone are ~4 %, a year of data ~30 %. */
async function inkOf(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const pixels = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return painted / (element.width * element.height);
  });
}

// ---- Riga calendar days of the demo's year of data ------------------------------------------------------------

const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last Sunday of March (23 hours in Riga) or October (25 hours) inside the demo's data: the 365 days before today. */
function clockChangeDay(month: 3 | 10): string {
  const today = rigaToday();
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1]) {
    const lastOfMonth = new Date(Date.UTC(year, month, 0));
    const day = addDays(lastOfMonth.toISOString().slice(0, 10), -lastOfMonth.getUTCDay());
    if (day < today && day >= addDays(today, -365)) return day;
  }
  throw new Error(`no clock-change day of month ${month} in the year before ${today}`);
}

/**
 * The calendar year holding most of the demo's data (the 365 days before today): the year of yesterday, or the
 * one before while the new year is young. `days`: the days of data in it.
 */
function dataYear(): { year: string; days: number } {
  const today = rigaToday();
  const first = addDays(today, -365);
  const daysIn = (year: number) => {
    const from = [`${year}-01-01`, first].sort()[1];
    const to = [`${year + 1}-01-01`, today].sort()[0];
    return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  };
  const last = Number(addDays(today, -1).slice(0, 4));
  const year = daysIn(last) >= daysIn(last - 1) ? last : last - 1;
  return { year: String(year), days: daysIn(year) };
}

const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

describe('objects (GRD-1)', () => {
  it('GRD-1: /objects shows Jānis both objects with their meters — the flat\'s replaced meter and the new one, the house\'s day/night meter and its 9.9 kW micro-generator on net billing; no serious axe violation', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Objects and consumption' }).click();
      await waitForPath(page, '/objects');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Objects and consumption' }));
      const cards = page.locator('main').getByRole('list').first().locator(':scope > li');
      await objectCard(page, HOUSE.address).waitFor();
      expect(await cards.count()).toBe(2);

      const meterRows = async (address: string) => {
        const table = objectCard(page, address).getByRole('table', { name: `Meters of ${address}` });
        const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
        const texts: string[][] = [];
        for (let i = 0; i < await rows.count(); i++) {
          const row = rows.nth(i);
          texts.push([await row.getByRole('rowheader').innerText(), ...(await row.getByRole('cell').allInnerTexts())].map((text) => text.trim()));
        }
        return texts;
      };
      // a replacement keeps both meters, the new one in use and the old one with its removal date
      expect(await meterRows(FLAT.address)).toEqual([
        [FLAT.newMeter, 'electronic', 'Yes', 'total', FLAT.replacedOn, 'in use'],
        [FLAT.oldMeter, 'electronic', 'Yes', 'total', '01/06/2015', `replaced on ${FLAT.replacedOn}`],
      ]);
      expect(await meterRows(HOUSE.address)).toEqual([[HOUSE.meter, 'electronic', 'Yes', 'day, night', '20/05/2024', 'in use']]);

      const facts = async (card: Locator) => {
        const terms = (await card.locator('dt').allInnerTexts()).map((text) => text.trim());
        const values = (await card.locator('dd').allInnerTexts()).map((text) => text.trim());
        return terms.map((term, i) => `${term}: ${values[i]}`);
      };
      const house = objectCard(page, HOUSE.address);
      expect(await facts(house)).toEqual(expect.arrayContaining([
        'EIC code: 38ZEELV00100002V', 'Connection capacity: 32 A', 'Phases: 3', 'Voltage: 400 V',
        'Power: 9.9 kW', 'Scheme: net billing', 'Since: 01/06/2024',
      ]));
      await house.getByRole('heading', { level: 3, name: 'Micro-generator' }).waitFor();
      const flat = objectCard(page, FLAT.address);
      expect(await flat.getByRole('heading', { level: 3, name: 'Micro-generator' }).count()).toBe(0);
      expect(await facts(flat)).toEqual(expect.arrayContaining(['EIC code: 38ZEELV00100001X', 'Connection capacity: 25 A', 'Phases: 1']));
      // "data available until" a Riga midnight: today's, the demo's data end yesterday
      expect(await facts(house)).toContain(`Data available until: ${ddmmyyyy(rigaToday())} 00:00`);
      await expectNoSeriousA11yViolations(page, 'the objects page');
    }, { axe: true });
  });
});

describe('consumption of the solar house (GRD-3, GRD-4)', () => {
  it('GRD-3, GRD-4: the house\'s year by hour is drawn as a chart (consumed, fed in, spot price on a second axis) and the month\'s net billing settlement shows the fed-in energy\'s value in €', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const path = await openObject(page, HOUSE.address);
      const section = page.getByRole('region', { name: 'Consumption', exact: true });
      const { year, days } = dataYear();

      // the year view, then "By hour" in the resolution list (a year of hours is allowed)
      await chooseYearView(section, year);
      const hourly = consumptionAnswer(page, `${year}-01-01`, 'hour');
      await section.getByLabel('Resolution', { exact: true }).selectOption({ label: 'By hour' });
      const answer = (await (await hourly).json()) as ConsumptionAnswer;
      expect(new URL(page.url()).searchParams.get('view')).toBe('year');
      expect(new URL(page.url()).searchParams.get('resolution')).toBe('hour');
      // one interval an hour, and every hour of the year's data days there (the demo lost one day of the house)
      const { start } = answer.intervals;
      const hoursOfData = answer.intervals.importWh.filter((wh) => wh !== null).length;
      expect(start.slice(1).every((s, i) => s - start[i] === 3600)).toBe(true);
      expect(hoursOfData).toBeGreaterThanOrEqual((days - 2) * 24);
      expect(start.length).toBeGreaterThanOrEqual(hoursOfData);
      expect(answer.intervals.exportWh.some((wh) => wh !== null && wh > 0)).toBe(true);

      // drawn: a canvas inside the chart, named for screen readers, with the energy and the price on it
      const chart = section.getByRole('img', { name: new RegExp(`^Consumption chart \\(${year}, by hour\\)`) });
      await chart.waitFor();
      const canvas = chart.locator('canvas');
      await canvas.waitFor();
      await expect.poll(() => chart.getAttribute('data-draw-ms'), { timeout: 15_000 }).not.toBeNull();
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(200);
      expect(await inkOf(canvas)).toBeGreaterThan(0.15);
      const legend = (await section.locator('figcaption li').allInnerTexts()).map((text) => text.trim());
      expect(legend).toEqual(expect.arrayContaining(['Consumed', 'Fed in', 'Spot price, €/MWh']));
      expect(await visibleText(fact(section, 'Estimated cost at the spot price'))).toMatch(/^€[\d,]+\.\d{2}\b/);

      // GRD-4: the settlement panel of the latest complete month, under net billing
      const settlement = page.getByRole('region', { name: 'Micro-generator settlement' });
      const month = await settlement.getByLabel('Month', { exact: true }).inputValue();
      expect(month).toMatch(/^\d{4}-\d{2}$/);
      expect(await visibleText(settlement.getByText('Scheme: net billing.'))).toBe('Scheme: net billing.');
      const value = await visibleText(fact(settlement, 'Value of the energy fed in'));
      expect(value).toMatch(/^€[\d,]+\.\d{2}$/);
      // the same value the API settles (fed-in energy at the spot price less the margin, per interval)
      const objectId = path.split('/').pop()!;
      const api = await page.request.get(`/api/customers/${await activeCustomerId(page)}/objects/${objectId}/settlement?month=${month}`);
      expect(api.status()).toBe(200);
      const body = (await api.json()) as { scheme: string; exportWh: number; netBilling: { fedInValueCents: number; marginEurPerKwh: string } };
      expect(body.scheme).toBe('net_billing');
      expect(body.exportWh).toBeGreaterThan(0);
      expect(body.netBilling.fedInValueCents).toBeGreaterThan(0);
      expect(value).toBe(new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(Math.round(body.netBilling.fedInValueCents) / 100));
      expect(await visibleText(fact(settlement, 'Trader’s margin'))).toBe('0.02 €/kWh');
    });
  });

  it('GRD-3: in the table view by hour the spring clock-change day has 23 hours (no 03:00) and the autumn one 25 (03:00 twice, told apart by the offset); the table view passes axe', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const path = await openObject(page, HOUSE.address);
      const table = page.getByRole('region', { name: 'Consumption', exact: true }).getByRole('table', { name: /^Consumption \(/ });
      const hours = async (day: string) => {
        await page.goto(`${path}?view=day&date=${day}&resolution=hour&show=table`);
        await expect.poll(() => table.locator('caption').innerText().catch(() => ''), { timeout: 20_000 }).toBe(`Consumption (${ddmmyyyy(day)}, by hour)`);
        return (await table.locator('tbody th[scope="row"]').allInnerTexts()).map((text) => text.trim());
      };

      const spring = await hours(clockChangeDay(3));
      expect(spring).toHaveLength(23);
      expect(spring.slice(0, 4)).toEqual(['00:00–01:00', '01:00–02:00', '02:00–04:00', '04:00–05:00']);
      expect(spring.some((hour) => hour.startsWith('03:00'))).toBe(false);
      expect(spring.at(-1)).toBe('23:00–00:00');

      const autumn = await hours(clockChangeDay(10));
      expect(autumn).toHaveLength(25);
      expect(autumn.slice(2, 5)).toEqual(['02:00–03:00 (UTC+3)', '03:00 (UTC+3)–03:00 (UTC+2)', '03:00 (UTC+2)–04:00']);
      expect(autumn.at(-1)).toBe('23:00–00:00');
      // the table's own toggle says it is the table that is shown
      expect(await page.getByRole('button', { name: 'Table', exact: true }).getAttribute('aria-pressed')).toBe('true');
      await expectNoSeriousA11yViolations(page, 'the consumption table of the 25-hour day');
    }, { axe: true });
  });

  it('GRD-3: the 25-hour day by hour downloads as CSV (header interval_start_utc,…; 25 data rows, UTC and Riga times) and as XLSX (a real zip-based spreadsheet)', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const path = await openObject(page, HOUSE.address);
      const day = clockChangeDay(10);
      await page.goto(`${path}?view=day&date=${day}&resolution=hour&show=table`);
      const downloads = page.getByRole('group', { name: 'Download' });
      await downloads.waitFor();
      const fetchDownload = async (name: string): Promise<{ download: Download; bytes: Buffer }> => {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), downloads.getByRole('link', { name }).click()]);
        expect(await download.failure()).toBeNull();
        return { download, bytes: await readFile((await download.path())!) };
      };

      const csv = await fetchDownload('Download CSV');
      expect(csv.download.suggestedFilename()).toBe(`consumption-${day}-${addDays(day, 1)}-hour.csv`);
      const lines = csv.bytes.toString('utf8').split('\r\n');
      expect(lines.pop()).toBe(''); // RFC 4180: every line ends with CRLF
      expect(lines[0]).toBe('interval_start_utc,interval_end_utc,interval_start_riga,interval_end_riga,import_kwh,export_kwh,quality,missing_intervals,spot_eur_per_mwh,spot_value_eur');
      const rows = lines.slice(1).map((line) => line.split(','));
      expect(rows).toHaveLength(25);
      expect(rows.every((row) => row.length === 10)).toBe(true);
      // the Riga day runs from 21:00 UTC (summer time) to 22:00 UTC (winter time); 03:00 Riga twice
      expect(rows[0].slice(0, 3)).toEqual([`${addDays(day, -1)}T21:00:00.000Z`, `${addDays(day, -1)}T22:00:00.000Z`, `${day} 00:00`]);
      expect(rows[24].slice(0, 4)).toEqual([`${day}T21:00:00.000Z`, `${day}T22:00:00.000Z`, `${day} 23:00`, `${addDays(day, 1)} 00:00`]);
      expect(rows.filter((row) => row[2] === `${day} 03:00`)).toHaveLength(2);
      expect(rows.every((row) => row[4] === '' || /^\d+\.\d{3}$/.test(row[4]))).toBe(true);

      const xlsx = await fetchDownload('Download XLSX');
      expect(xlsx.download.suggestedFilename()).toBe(`consumption-${day}-${addDays(day, 1)}-hour.xlsx`);
      expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4": a zip
      // an Office Open XML workbook (the zip's directory names its parts uncompressed)
      expect(xlsx.bytes.includes('[Content_Types].xml')).toBe(true);
      expect(xlsx.bytes.includes('xl/workbook.xml')).toBe(true);
      expect(xlsx.bytes.includes('xl/worksheets/sheet1.xml')).toBe(true);
    });
  });

  it('GRD-3: a year of 15-minute data of the house is drawn in under 300 ms (the chart\'s data-draw-ms, printed for docs/BENCHMARKS.md)', async () => {
    await withPage(async (page) => {
      // every value the chart writes into data-draw-ms, in order (the first drawing, then with the previous year beside it)
      await page.addInitScript(() => {
        const seen: number[] = [];
        (window as unknown as { drawMs: number[] }).drawMs = seen;
        new MutationObserver((mutations) => {
          for (const mutation of mutations) {
            const value = (mutation.target as HTMLElement).dataset.drawMs;
            if (value !== undefined) seen.push(Number(value));
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draw-ms'] });
      });
      await logInAs(page, JANIS, '/');
      await openObject(page, HOUSE.address);
      const section = page.getByRole('region', { name: 'Consumption', exact: true });
      const { year, days } = dataYear();
      // the page offers quarter-hours for a year: choose it as a person would
      await chooseYearView(section, year);
      const current = consumptionAnswer(page, `${year}-01-01`, '15min');
      const previous = consumptionAnswer(page, `${Number(year) - 1}-01-01`, '15min');
      // from here on only the quarter-hour drawings count (the year by month was drawn before)
      await page.evaluate(() => { (window as unknown as { drawMs: number[] }).drawMs.length = 0; });
      await section.getByLabel('Resolution', { exact: true }).selectOption({ label: 'By 15 minutes' });
      const answer = (await (await current).json()) as ConsumptionAnswer;
      await previous;
      const points = answer.intervals.start.length;
      const measured = answer.intervals.importWh.filter((wh) => wh !== null).length;
      expect(answer.intervals.start.slice(1).every((s, i) => s - answer.intervals.start[i] === 900)).toBe(true);
      const chart = section.getByRole('img', { name: new RegExp(`^Consumption chart \\(${year}, by 15 minutes\\)`) });
      await chart.locator('canvas').waitFor();
      // drawn with the previous year beside it (its legend entry), then settled
      await section.locator('figcaption li').filter({ hasText: `Consumed: ${Number(year) - 1}` }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await expect.poll(() => chart.getAttribute('data-draw-ms'), { timeout: 15_000 }).not.toBeNull();
      const drawMs = Number(await chart.getAttribute('data-draw-ms'));
      const all = await page.evaluate(() => (window as unknown as { drawMs: number[] }).drawMs);
      console.log(`[metering.e2e] a year (${year}) of 15-minute data: ${points} intervals (${measured} with data), draw ${drawMs} ms with the previous year beside it (every quarter-hour drawing: ${all.join(', ')} ms; bound ${DRAW_BOUND_MS} ms)`);
      expect(await inkOf(chart.locator('canvas'))).toBeGreaterThan(0.15);
      expect(measured).toBeGreaterThanOrEqual((days - 2) * 96); // at least half a year of quarter-hours, whatever the date
      expect(all.length).toBeGreaterThan(0);
      expect(Math.max(...all, drawMs)).toBeLessThan(DRAW_BOUND_MS);
    });
  });
});

describe('meter readings (GRD-2)', () => {
  it('GRD-2: on the flat, a reading below the last one is refused with the last reading in the message; one above it is accepted, appears in the history and as a "Meter reading" order', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await openObject(page, FLAT.address);
      const readings = page.getByRole('region', { name: 'Meter readings' });
      const history = readings.getByRole('region', { name: 'Reading history' }).getByRole('table');
      await history.waitFor();
      const rowsOf = async () => {
        const rows = history.locator('tbody tr');
        const result: string[][] = [];
        for (let i = 0; i < await rows.count(); i++) {
          const row = rows.nth(i);
          result.push([await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())].map((text) => text.trim()));
        }
        return result;
      };
      // newest first: the last operator reading of the meter now on the flat (the replaced one has its own history)
      const before = await rowsOf();
      const last = before.find((row) => row[1] === FLAT.newMeter && row[2] === 'total');
      expect(last, JSON.stringify(before.slice(0, 4))).toBeDefined();
      const [lastDate, , , lastText, lastSource] = last!;
      expect(lastSource).toBe('operator');
      expect(before.some((row) => row[1] === FLAT.oldMeter)).toBe(true);
      const lastKwh = Number(lastText.replace(/,/g, ''));
      expect(lastKwh).toBeGreaterThan(100);

      const form = readings.getByRole('region', { name: 'Submit a reading' });
      // the form offers only the meter in use
      expect((await form.getByLabel('Meter', { exact: true }).locator('option').allInnerTexts()).map((text) => text.trim())).toEqual([`${FLAT.newMeter} (electronic)`]);
      const today = rigaToday();
      expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(today);
      const field = form.getByLabel('Reading, kWh', { exact: true });
      const submit = async (kwh: number) => {
        await field.fill(String(kwh));
        const [response] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/readings') && r.request().method() === 'POST'),
          form.getByRole('button', { name: 'Submit the reading' }).click(),
        ]);
        return response.status();
      };

      expect(await submit(lastKwh - 7)).toBe(400);
      const refusal = `The reading is below the last one (${lastText} kWh on ${lastDate}).`;
      expect(await visibleText(form.getByText(refusal, { exact: true }))).toBe(refusal);
      // the message is the field's own, tied to it for screen readers
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await rowsOf()).toEqual(before);

      const accepted = lastKwh + 3;
      expect(await submit(accepted)).toBe(201);
      await visibleText(form.getByText('The reading has been submitted.'));
      expect(await form.getByText(refusal, { exact: true }).count()).toBe(0);
      await expect.poll(async () => (await rowsOf())[0], { timeout: 10_000 })
        .toEqual([ddmmyyyy(today), FLAT.newMeter, 'total', accepted.toLocaleString('en-GB'), 'customer']);

      // a reading is an order: it is listed on /orders with its type
      await form.getByRole('link', { name: 'See your orders' }).click();
      await waitForPath(page, '/orders');
      const orders = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Order type' }) });
      const reading = orders.locator('tbody tr').filter({ hasText: 'Meter reading' });
      await reading.first().waitFor();
      expect(await reading.count()).toBe(1);
      expect(await reading.first().innerText()).toContain('Jānis Bērziņš');
    });
  });
});

describe('customer data API', () => {
  it('data token (GRD-1, GRD-3): Jānis creates a named token for the house only in his profile; from outside the browser it reads the objects (the house alone) and the house\'s consumption; revoked in the page, the same request gets 401', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const customerId = await activeCustomerId(page);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile and security' }).click();
      await waitForPath(page, '/profile');
      const section = page.getByRole('region', { name: 'Access keys for reading data (API)' });
      await visibleText(section.getByText('No access keys yet.'));
      const name = 'Energy app (e2e)';
      const form = section.getByRole('form', { name: 'New access key' });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByRole('radio', { name: 'Only the chosen objects' }).check();
      await form.getByRole('checkbox', { name: new RegExp(`^${HOUSE.address}`) }).check();
      await form.getByRole('button', { name: 'Create the key' }).click();

      const created = section.getByRole('region', { name: `The key “${name}” is created` });
      const token = await created.getByLabel('Access key', { exact: true }).inputValue();
      expect(token).toMatch(/^upd_\S{20,}$/);

      // a third party: Node's fetch in this process, no cookies, no CSRF header
      const read = (path: string) => fetch(`${the.portal.url}/api/customers/${customerId}/${path}`, { headers: { authorization: `Bearer ${token}` } });
      const objects = await read('objects');
      expect(objects.status).toBe(200);
      const list = (await objects.json()) as { id: string; address: string; meters: { number: string }[]; microGenerator: { scheme: string } | null }[];
      expect(list.map((object) => object.address)).toEqual([HOUSE.address]);
      expect(list[0].meters.map((meter) => meter.number)).toEqual([HOUSE.meter]);
      expect(list[0].microGenerator?.scheme).toBe('net_billing');
      const day = clockChangeDay(10);
      const consumption = await read(`objects/${list[0].id}/consumption?from=${day}&to=${addDays(day, 1)}&resolution=hour`);
      expect(consumption.status).toBe(200);
      expect(((await consumption.json()) as ConsumptionAnswer).intervals.start).toHaveLength(25);
      // read-only: the token changes nothing
      const write = await fetch(`${the.portal.url}/api/customers/${customerId}/data-tokens`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', objectIds: null, expiresOn: addDays(rigaToday(), 30) }),
      });
      expect(write.status).toBe(401);

      await created.getByRole('button', { name: 'Done — hide the key' }).click();
      // the key's panel leaves on the next render: wait for it rather than count at once
      await created.waitFor({ state: 'detached' });
      const table = section.getByRole('table', { name: 'Access keys created, newest first' });
      // the row header is the token's name, then when and by whom it was created
      const startsWithName = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
      const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: startsWithName }) });
      await page.reload();
      await row.waitFor();
      // the objects column names the object (by its address, once the objects are loaded)
      await expect.poll(() => row.locator('td').first().innerText()).toBe(HOUSE.address);
      expect(await row.getByText('Valid', { exact: true }).count()).toBe(1);
      // its last use is shown
      expect(await row.locator('td').nth(2).innerText()).not.toBe('never');

      await row.getByRole('button', { name: `Revoke the key “${name}”` }).click();
      const dialog = page.getByRole('dialog', { name: `Revoke the key “${name}”?` });
      await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
      await visibleText(section.getByText(`The key “${name}” is revoked; it can no longer read data.`));
      await row.getByText('Revoked', { exact: true }).waitFor();
      expect(await row.getByRole('button', { name: `Revoke the key “${name}”` }).count()).toBe(0);

      const refused = await read('objects');
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('DATA_TOKEN_INVALID');
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    });
  });
});
