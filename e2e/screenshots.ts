/**
 * Screenshots for the README: starts the portal like the browser tests do (fresh demo data, free ports),
 * drives it in Debian's Chromium and saves PNGs to docs/screenshots/.
 *
 *   npm run build:web && npx tsx e2e/screenshots.ts
 *   npx tsx e2e/screenshots.ts --only=metering    (only the objects, consumption, data-token and metering-import pictures)
 *   npx tsx e2e/screenshots.ts --only=billing     (only the invoices, an invoice, a line explained and the billing runs)
 *   npx tsx e2e/screenshots.ts --only=payments    (only the payments, an invoice's payments, an online payment's return and the back office's payments)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, REPO_ROOT, startPortal, type Portal } from './support/portal.js';
import { chooseEnglish, launchBrowser, newContext, visibleText, waitForPath } from './support/browser.js';
import { openStaffCustomer, tryLogIn } from './support/ui.js';
import { camt053Statement } from './support/camt.js';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const MOBILE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // no focus ring or blinking caret from the last click in the picture
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function shoot(page: Page, file: string, fullPage = true) {
  await settle(page);
  await page.screenshot({ path: join(OUT, file), fullPage });
  console.log(`  docs/screenshots/${file}`);
}

/** The page from the top down to the end of the card holding `heading` (long pages, for a readable picture). */
async function shootDownTo(page: Page, file: string, heading: Locator) {
  await settle(page);
  const bottom = await heading.evaluate((el) => {
    const card = el.closest('section, .card') ?? el;
    return Math.ceil(card.getBoundingClientRect().bottom + window.scrollY + 24);
  });
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: join(OUT, file), fullPage: true, clip: { x: 0, y: 0, width, height: bottom } });
  console.log(`  docs/screenshots/${file}`);
}

/** A new visitor who reads `lang` and has put away the cookie note. */
async function visitor(browser: Browser, portal: Portal, options: BrowserContextOptions, lang: 'EN' | 'RU' = 'EN') {
  const context = await newContext(browser, portal.url, options);
  const page = await context.newPage();
  await page.goto('/login');
  if (lang === 'EN') await chooseEnglish(page);
  else await page.getByRole('button', { name: new RegExp(`^${lang}\\b`) }).click();
  await page.getByRole('region', { name: /^(Cookies|Sīkdatnes|Файлы cookie)$/ }).getByRole('button').click();
  await visibleText(page.getByRole('heading', { level: 1 }));
  return { context, page };
}

/** `--only=metering`, `--only=billing` or `--only=payments` shoots only those pictures (the full run starts with the account pages). */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? null;
const SECTIONS = ['metering', 'billing', 'payments'];

async function main() {
  if (ONLY !== null && !SECTIONS.includes(ONLY)) throw new Error(`--only takes ${SECTIONS.map((name) => `"${name}"`).join(' or ')}, not "${ONLY}"`);
  await mkdir(OUT, { recursive: true });
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    if (ONLY === null) {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      await shoot(page, 'login.png');
      expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
      await waitForPath(page, '/');
      await visibleText(page.getByRole('region', { name: 'Jānis Bērziņš' }));
      await shoot(page, 'overview.png');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).click();
      await visibleText(page.getByRole('heading', { level: 2, name: /^Users of / }));
      await page.getByRole('heading', { level: 3, name: 'Marta Bērziņa' }).waitFor();
      await shoot(page, 'users.png');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile and security' }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Profile and security' }));
      await page.getByRole('table').first().waitFor();
      await shootDownTo(page, 'profile.png', page.getByRole('heading', { level: 2, name: 'Active sessions' }));
      await context.close();
    }
    if (ONLY === null) {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
      await waitForPath(page, '/staff');
      await openStaffCustomer(page, 'Bērziņš', 'Jānis Bērziņš');
      await page.getByRole('table', { name: 'Portal users of the customer' }).waitFor();
      await shootDownTo(page, 'staff-customer.png', page.getByRole('heading', { level: 2, name: 'Portal users' }));
      await context.close();
    }
    if (ONLY === null) {
      const { context, page } = await visitor(browser, portal, MOBILE);
      await shoot(page, 'mobile-login.png', false);
      await context.close();
    }
    if (ONLY === null) {
      const { context, page } = await visitor(browser, portal, DESKTOP, 'RU');
      await shoot(page, 'login-ru.png');
      await context.close();
    }
    if (ONLY === null || ONLY === 'metering') await shootMeteringPages(browser, portal);
    if (ONLY === null || ONLY === 'billing') await shootBillingPages(browser, portal);
    if (ONLY === null || ONLY === 'payments') await shootPaymentsPages(browser, portal);
  } finally {
    await browser.close();
    await portal.stop();
  }
}

// ---- metering (issue 11): objects, consumption, settlement, data tokens, the back office's imports ----------

const HOUSE = 'Priežu iela 7, Mārupe, Mārupes nov., LV-2167';

const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The newest June or July wholly inside the demo's year of data (the 365 days before today): a sunny month. */
function summerMonth(): string {
  const today = rigaToday();
  const first = addDays(today, -365);
  for (let year = Number(today.slice(0, 4)); year >= Number(first.slice(0, 4)); year--) {
    for (const month of ['07', '06']) {
      const start = `${year}-${month}-01`;
      const end = month === '07' ? `${year}-08-01` : `${year}-07-01`;
      if (start >= first && end <= today) return start;
    }
  }
  return `${addDays(today, -1).slice(0, 7)}-01`;
}

/** The last Sunday of October inside the demo's data: the 25-hour day. */
function autumnClockChange(): string {
  const today = rigaToday();
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1]) {
    const last = new Date(Date.UTC(year, 10, 0));
    const day = addDays(last.toISOString().slice(0, 10), -last.getUTCDay());
    if (day < today && day >= addDays(today, -365)) return day;
  }
  throw new Error('no 25-hour day in the demo data');
}

/** An element alone in the picture, after the page settled. */
async function shootElement(page: Page, file: string, element: Locator) {
  await settle(page);
  await element.screenshot({ path: join(OUT, file) });
  console.log(`  docs/screenshots/${file}`);
}

/** Waits until the consumption chart of the section is drawn (uPlot writes data-draw-ms after its first drawing). */
async function chartDrawn(page: Page) {
  await page.locator('.consumption [data-draw-ms]').waitFor({ state: 'attached', timeout: 30_000 });
  await settle(page);
}

/** Warns (the picture is still taken) when the page is wider than the phone: something scrolls sideways. */
async function checkNoSideways(page: Page, what: string) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  const viewport = page.viewportSize()!.width;
  if (width > viewport) console.warn(`  ! ${what}: the page is ${width}px wide at ${viewport}px (horizontal scroll)`);
}

async function shootMeteringPages(browser: Browser, portal: Portal) {
  const housePath = async (page: Page) => {
    await page.goto('/objects');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: HOUSE, exact: true }) });
    return new URL((await card.getByRole('link', { name: 'Consumption and readings' }).evaluate((a: HTMLAnchorElement) => a.href))).pathname;
  };
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
    await waitForPath(page, '/');
    await page.goto('/objects');
    await page.getByRole('heading', { level: 2, name: HOUSE }).waitFor();
    await shoot(page, 'objects.png');

    const path = await housePath(page);
    const month = summerMonth();
    // a summer month by hour: consumed above the axis, fed in below, the spot price on the right axis, the month before in grey
    await page.goto(`${path}?view=month&date=${month}&resolution=hour`);
    await chartDrawn(page);
    await shootDownTo(page, 'consumption-month.png', page.getByRole('heading', { level: 2, name: 'Consumption' }));
    await page.goto(`${path}?view=year&resolution=hour`);
    await chartDrawn(page);
    await shootElement(page, 'consumption-year.png', page.getByRole('region', { name: 'Consumption', exact: true }));

    const day = autumnClockChange();
    await page.goto(`${path}?view=day&date=${day}&resolution=hour&show=table`);
    await page.getByRole('table', { name: /^Consumption \(/ }).waitFor();
    await shootElement(page, 'consumption-table-25h.png', page.getByRole('region', { name: 'Consumption', exact: true }));

    const settlement = page.getByRole('region', { name: 'Micro-generator settlement' });
    await settlement.getByLabel('Month', { exact: true }).selectOption(month.slice(0, 7));
    await settlement.getByRole('heading', { level: 3 }).filter({ hasText: new RegExp(`${month.slice(0, 4)}$`) }).waitFor();
    await settlement.getByText('Value of the energy fed in').waitFor();
    await shootElement(page, 'settlement.png', settlement);

    // a data token: one for the house, its one-time panel put away, so the list and the form show
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile and security' }).click();
    const tokens = page.getByRole('region', { name: 'Access keys for reading data (API)' });
    const form = tokens.getByRole('form', { name: 'New access key' });
    await form.getByLabel('Name', { exact: true }).fill('Home energy app');
    await form.getByRole('radio', { name: 'Only the chosen objects' }).check();
    await form.getByRole('checkbox', { name: new RegExp(`^${HOUSE}`) }).check();
    await form.getByRole('button', { name: 'Create the key' }).click();
    await tokens.getByRole('button', { name: 'Done — hide the key' }).click();
    await tokens.getByRole('cell', { name: HOUSE }).waitFor();
    await shootElement(page, 'data-tokens.png', tokens);
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, MOBILE);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (phone)');
    await waitForPath(page, '/');
    const path = await housePath(page);
    await page.goto(`${path}?view=month&date=${summerMonth()}&resolution=day`);
    await chartDrawn(page);
    await checkNoSideways(page, 'the consumption page at 360 px');
    await shootDownTo(page, 'mobile-consumption.png', page.getByRole('heading', { level: 2, name: 'Consumption' }));
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
    await waitForPath(page, '/staff');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Meter data import' }).click();
    await waitForPath(page, '/staff/metering/imports');
    await page.getByRole('table', { name: /^Latest imports, newest first/ }).waitFor();
    await shoot(page, 'staff-metering-imports.png');
    await context.close();
  }
}

// ---- billing (issue 12): the invoices, an invoice, a line explained, the back office's billing runs -------------

async function shootBillingPages(browser: Browser, portal: Portal) {
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
    await waitForPath(page, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices', exact: true }).click();
    const table = page.getByRole('table', { name: /^Invoices and credit notes of / });
    await table.waitFor();
    await shoot(page, 'invoices.png');

    // the newest invoice, and its energy line explained by day
    await table.locator('tbody tr').first().getByRole('rowheader').getByRole('link').click();
    await page.getByRole('table', { name: /^Lines of invoice / }).waitFor();
    await shoot(page, 'invoice.png');
    await page.getByRole('link', { name: /^Why €[\d,]+\.\d{2}\? Line \d+: Electricity \(/ }).first().click();
    await page.locator('[data-draw-ms]').waitFor({ state: 'attached', timeout: 30_000 });
    await shootDownTo(page, 'invoice-line.png', page.getByRole('heading', { level: 2, name: 'The tariff applied' }));
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, MOBILE);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (phone)');
    await waitForPath(page, '/');
    await page.goto('/invoices');
    await page.locator('.invoice-card').first().waitFor();
    await checkNoSideways(page, 'the invoices page at 360 px');
    await shootDownTo(page, 'mobile-invoices.png', page.getByRole('heading', { level: 2, name: 'Invoice amounts by month' }));
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'admin@demo.example', DEMO_PASSWORD), 200, 'admin login');
    await waitForPath(page, '/staff');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Billing runs' }).click();
    await waitForPath(page, '/staff/billing');
    await page.getByRole('table', { name: 'Billing runs by month, newest first' }).waitFor();
    await shoot(page, 'staff-billing-runs.png');
    await context.close();
  }
}

// ---- payments (issue 13): the customer's payments, an invoice's payments, the back office's statement import -------


async function shootPaymentsPages(browser: Browser, portal: Portal) {
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
    await waitForPath(page, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments', exact: true }).click();
    const history = page.getByRole('table', { name: /^Payments of / });
    await history.waitFor();
    await shoot(page, 'payments.png');
    // the invoice that carried the late interest of the one paid late: its line and what paid it
    const interest = history.locator('li').filter({ hasText: '· late interest ·' }).first();
    await interest.getByRole('link').click();
    const payments = page.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByRole('table').waitFor();
    await shootElement(page, 'invoice-payments.png', payments);
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, MOBILE);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (phone)');
    await waitForPath(page, '/');
    await page.goto('/payments');
    await page.locator('.payment-card').first().waitFor();
    await checkNoSideways(page, 'the payments page at 360 px');
    await shootDownTo(page, 'mobile-payments.png', page.getByRole('heading', { level: 2, name: 'Unpaid invoices' }));
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
    await waitForPath(page, '/staff');
    // a statement paying Jānis' newest invoice by its RF reference
    const [found] = (await (await page.request.get('/api/staff/invoices?q=C-100001')).json()) as { id: string; customerId: string }[];
    const invoice = (await (await page.request.get(`/api/staff/invoices/${found.id}`)).json()) as { paymentReference: string; openCents: number };
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Payments' }).click();
    await waitForPath(page, '/staff/payments');
    const upload = page.getByRole('region', { name: 'Import a bank statement (camt.053)' });
    await upload.getByLabel('Statement file (XML)', { exact: true }).setInputFiles({
      name: 'statement.xml', mimeType: 'application/xml', buffer: Buffer.from(camt053Statement({ reference: invoice.paymentReference, cents: invoice.openCents, day: rigaToday(), id: 'SHOT' }), 'utf8'),
    });
    await upload.getByRole('button', { name: 'Import the statement' }).click();
    await upload.getByRole('list', { name: 'Counts' }).waitFor();
    await page.getByRole('table', { name: 'Payments waiting for a customer, oldest first' }).waitFor();
    await shoot(page, 'staff-payments.png');

    // the waiting transfer allocated to Jānis: his credit, on the customer's billing page with the payments
    const row = page.getByRole('table', { name: 'Payments waiting for a customer, oldest first' }).locator('tbody tr').filter({ hasText: 'A. Ozols' });
    await row.getByRole('textbox').fill('C-100001');
    await row.getByRole('button', { name: 'Allocate' }).click();
    await page.getByText('allocated to customer C-100001').waitFor();
    await page.goto(`/staff/billing/customers/${found.customerId}`);
    const payments = page.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByRole('table').waitFor();
    await shootElement(page, 'staff-customer-payments.png', payments);
    await context.close();
  }
  {
    // BIL-15: acting for SIA "Demo Būve" (its newest invoice open; Jānis' household keeps its pictures' data), Jānis
    // pays everything open online at the demo payment provider and is back on Payments with the thanks
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (online payment)');
    await waitForPath(page, '/');
    const session = async () => ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string; customers: { id: string; name: string }[] } }).user;
    const company = (await session()).customers.find((customer) => customer.name === 'SIA "Demo Būve"');
    if (!company) throw new Error('no SIA "Demo Būve" among Jānis\' customers');
    await page.getByLabel('Acting for', { exact: true }).selectOption(company.id);
    for (let tries = 0; (await session()).activeCustomerId !== company.id; tries++) {
      if (tries > 50) throw new Error('the switch to SIA "Demo Būve" did not happen');
      await page.waitForTimeout(100);
    }
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Where you stand today' });
    await summary.getByRole('button', { name: /^Pay .+ now$/ }).click();
    await page.waitForURL((url) => url.origin !== portal.url && url.pathname.startsWith('/pay/'));
    await page.getByRole('button', { name: 'Apmaksāt / Pay' }).click();
    await waitForPath(page, /^\/payments\?online=/);
    await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    await page.getByRole('table', { name: /^Payments of / }).waitFor();
    await shoot(page, 'payments-online-paid.png', false);
    await context.close();
  }
}

function expecting(actual: number, expected: number, what: string) {
  if (actual !== expected) throw new Error(`${what}: expected HTTP ${expected}, got ${actual}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
