/**
 * Screenshots for the README: starts the portal like the browser tests do (fresh demo data, free ports),
 * drives it in Debian's Chromium and saves PNGs to docs/screenshots/.
 *
 *   npm run build:web && npx tsx e2e/screenshots.ts
 *   npx tsx e2e/screenshots.ts --only=metering    (only the objects, consumption, data-token and metering-import pictures)
 *   npx tsx e2e/screenshots.ts --only=billing     (only the invoices, an invoice, a line explained and the billing runs)
 *   npx tsx e2e/screenshots.ts --only=payments    (only the payments, an invoice's payments, an online payment's return and the back office's payments)
 *   npx tsx e2e/screenshots.ts --only=account     (only the login, overview, users, profile and back office customer pictures)
 *   npx tsx e2e/screenshots.ts --only=lifecycle   (only the contracts, claims, suspension, collections and money-limit pictures)
 *   npx tsx e2e/screenshots.ts --only=billing,lifecycle,payments   (several sections from one portal: their invoice numbers agree)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, REPO_ROOT, startPortal, type Portal } from './support/portal.js';
import { chooseEnglish, launchBrowser, newContext, visibleText, waitForPath } from './support/browser.js';
import { apiLogin, openStaffCustomer, tryLogIn } from './support/ui.js';
import { camt053Statement } from './support/camt.js';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const MOBILE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // a section still asking the server ("Loading…", the overview's "Estimating…") is not what the page shows
  await page.waitForFunction(() => !/Loading…|Estimating…/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 30_000 })
    .catch(() => console.warn(`  ! ${page.url()}: still loading after 30 s`));
  await page.evaluate(() => document.fonts.ready);
  // no focus ring or blinking caret from the last click in the picture, no hover underline where the mouse was
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
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

/** `--only=<section>[,<section>…]` shoots only those sections' pictures, from one portal (the full run shoots them all, in this order). */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const SECTIONS = ['account', 'metering', 'billing', 'lifecycle', 'payments'];
const shoots = (section: string) => ONLY === null || ONLY.includes(section);

async function main() {
  const unknown = ONLY?.find((section) => !SECTIONS.includes(section));
  if (unknown !== undefined) throw new Error(`--only takes ${SECTIONS.map((name) => `"${name}"`).join(', ')} (or several, with commas), not "${unknown}"`);
  await mkdir(OUT, { recursive: true });
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    if (shoots('account')) {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      await shoot(page, 'login.png');
      expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
      await waitForPath(page, '/');
      await visibleText(page.getByRole('region', { name: 'Jānis Bērziņš' }));
      // the estimate's card comes with its own code, after the rest of the page
      await page.getByRole('region', { name: 'This month so far' }).locator('.estimate-card__amount').waitFor();
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
    if (shoots('account')) {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
      await waitForPath(page, '/staff');
      await openStaffCustomer(page, 'Bērziņš', 'Jānis Bērziņš');
      await page.getByRole('table', { name: 'Portal users of the customer' }).waitFor();
      await shootDownTo(page, 'staff-customer.png', page.getByRole('heading', { level: 2, name: 'Portal users' }));
      await context.close();
    }
    if (shoots('account')) {
      const { context, page } = await visitor(browser, portal, MOBILE);
      await shoot(page, 'mobile-login.png', false);
      await context.close();
    }
    if (shoots('account')) {
      const { context, page } = await visitor(browser, portal, DESKTOP, 'RU');
      await shoot(page, 'login-ru.png');
      await context.close();
    }
    if (shoots('metering')) await shootMeteringPages(browser, portal);
    if (shoots('billing')) await shootBillingPages(browser, portal);
    // before payments: the online payment there pays what SIA "Demo Būve" owes, which lifts its suspension
    if (shoots('lifecycle')) await shootLifecyclePages(browser, portal);
    if (shoots('payments')) await shootPaymentsPages(browser, portal);
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
    await actFor(page, COMPANY);
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

// ---- lifecycle (issue 13 points 5–7): contracts, claims, suspension and collections, money limits -------------

const COMPANY = 'SIA "Demo Būve"';

type SessionUser = { activeCustomerId: string; customers: { id: string; name: string }[] };
const sessionUser = async (page: Page) => ((await (await page.request.get('/api/session')).json()) as { user: SessionUser }).user;

/** Switches the logged-in user to act for the customer named `name` and waits until the server has it. */
async function actFor(page: Page, name: string): Promise<string> {
  const customer = (await sessionUser(page)).customers.find((candidate) => candidate.name === name);
  if (!customer) throw new Error(`no ${name} among the user's customers`);
  const select = page.getByLabel('Acting for', { exact: true });
  // on a phone the choice is in the menu
  if (!(await select.isVisible())) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await select.selectOption(customer.id);
  for (let tries = 0; (await sessionUser(page)).activeCustomerId !== customer.id; tries++) {
    if (tries > 50) throw new Error(`the switch to ${name} did not happen`);
    await page.waitForTimeout(100);
  }
  return customer.id;
}

type ClaimableInvoice = { id: string; number: string; kind: string; status: string; claimPeriod: { open: boolean } | null };

/**
 * Jānis' newest invoice, which may be claimed against for 10 days after its issue (the run day is the 5th); on a
 * later day customer service void it and issue it again today, as the claims browser test does, so that the
 * picture has the form whatever the day.
 */
async function claimableInvoice(page: Page, portal: Portal, customerId: string): Promise<ClaimableInvoice> {
  const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
  const { invoices } = await get<{ invoices: { id: string }[] }>(`/api/customers/${customerId}/invoices`);
  for (const { id } of invoices.slice(0, 3)) {
    const invoice = await get<ClaimableInvoice>(`/api/customers/${customerId}/invoices/${id}`);
    if (invoice.kind !== 'invoice' || invoice.status !== 'issued') continue;
    if (invoice.claimPeriod?.open) return invoice;
    const { api, csrf } = await apiLogin(portal.url, 'service@demo.example', DEMO_PASSWORD);
    const voided = await api.post(`/api/staff/invoices/${invoice.id}/void`, { data: { reason: 'screenshots: issued again today', reissue: true }, headers: { 'x-csrf-token': csrf } });
    await api.dispose();
    expecting(voided.status(), 200, `voiding ${invoice.number} to issue it again today`);
    return claimableInvoice(page, portal, customerId);
  }
  throw new Error('Jānis has no issued invoice among his newest three');
}

async function shootLifecyclePages(browser: Browser, portal: Portal) {
  {
    // BIL-11..14: Jānis acting for the suspended company: the banner on every page; its contracts with the notice's
    // end day, the new EV contract's withdrawal right and the announced change of the EV charging terms
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (company)');
    await waitForPath(page, '/');
    await actFor(page, COMPANY);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts', exact: true }).click();
    await waitForPath(page, '/contracts');
    await visibleText(page.getByRole('region', { name: 'Your service is suspended' }));
    await page.getByRole('region', { name: 'Right of withdrawal' }).getByRole('button', { name: 'Withdraw from EV-300003' }).waitFor();
    await page.getByRole('region', { name: 'Changes of contract terms' }).getByText(/new terms EV-2 from /).first().waitFor();
    await page.getByRole('region', { name: 'End a contract' }).getByText(/^Notice given today ends contract /).waitFor();
    await shoot(page, 'contracts.png');
    await context.close();
  }
  {
    const { context, page } = await visitor(browser, portal, MOBILE);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (company, phone)');
    await waitForPath(page, '/');
    await actFor(page, COMPANY);
    await page.goto('/');
    await visibleText(page.getByRole('region', { name: 'Your service is suspended' }));
    await page.getByRole('region', { name: COMPANY }).waitFor();
    await checkNoSideways(page, 'the overview with the suspension banner at 360 px');
    await shoot(page, 'mobile-suspended.png', false);
    await context.close();
  }
  {
    // BIL-7: a claim against Jānis' newest invoice within its 10 days; then his claims, the demo year's accepted one below
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login (claims)');
    await waitForPath(page, '/');
    const invoice = await claimableInvoice(page, portal, (await sessionUser(page)).activeCustomerId);
    await page.goto(`/invoices/${invoice.id}`);
    const claim = page.getByRole('region', { name: 'Claim', exact: true });
    await claim.getByLabel('What is wrong', { exact: true }).fill('The meter was read as 1234 kWh, but the photo of the meter shows 1134 kWh.');
    await claim.getByLabel('Amount you dispute, € (optional)', { exact: true }).fill('17.42');
    await shootElement(page, 'invoice-claim.png', claim);
    await claim.getByRole('button', { name: 'File the claim' }).click();
    await claim.getByRole('status').filter({ hasText: 'Your claim is filed.' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.getByRole('link', { name: 'Claims against invoices' }).click();
    await waitForPath(page, '/claims');
    await page.getByRole('table', { name: /^Claims of / }).locator('tbody tr').nth(1).waitFor();
    await shoot(page, 'claims.png');
    await context.close();
  }
  {
    // customer service: the claims queue with that claim, the collections list, the company's collections, a money limit (BIL-6)
    const { context, page } = await visitor(browser, portal, DESKTOP);
    expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
    await waitForPath(page, '/staff');
    const nav = page.getByRole('navigation', { name: 'Back office' });
    await nav.getByRole('link', { name: 'Claims', exact: true }).click();
    await waitForPath(page, '/staff/claims');
    await page.getByRole('table', { name: 'Claims, open first, the oldest first' }).locator('tbody tr').first().waitFor();
    await shoot(page, 'staff-claims.png');

    await nav.getByRole('link', { name: 'Collections' }).click();
    await waitForPath(page, '/staff/collections');
    const row = page.getByRole('table', { name: /^Late and suspended customers on / }).locator('tr').filter({ hasText: COMPANY });
    await row.waitFor();
    await shoot(page, 'staff-collections.png');
    await row.getByRole('link', { name: `Suspend, restore or end: ${COMPANY}` }).click();
    const collections = page.getByRole('region', { name: 'Collections' });
    await collections.getByText(/^Suspended: late payment since /).waitFor();
    await collections.getByLabel(/^Note \(why it is restored\)/).fill('Paid at the service centre, receipt 4411');
    await shootElement(page, 'staff-customer-collections.png', collections);

    const [found] = (await (await page.request.get('/api/staff/invoices?q=C-100003')).json()) as { customerId: string }[];
    await page.goto(`/staff/billing/customers/${found!.customerId}`);
    const limit = page.getByRole('region', { name: 'Money limit' });
    await limit.getByText('No limit is set for this period.').waitFor();
    await limit.getByLabel('Limit, €', { exact: true }).fill('1500.00');
    await limit.getByRole('button', { name: 'Set the limit' }).click();
    await limit.getByRole('status').filter({ hasText: /^The limit for .+ is €1,500\.00\.$/ }).waitFor();
    await shootElement(page, 'staff-money-limit.png', limit);
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
