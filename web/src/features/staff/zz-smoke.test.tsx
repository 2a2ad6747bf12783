import { describe, it, expect, beforeAll, vi } from 'vitest';
vi.mock('../../i18n/index.ts', async () => {
  const i18next = (await import('i18next')).default;
  const { initReactI18next } = await import('react-i18next');
  const inst = i18next.createInstance();
  await inst.use(initReactI18next).init({ lng: 'en', fallbackLng: 'lv', resources: {}, interpolation: { escapeValue: false } });
  return {
    default: inst,
    LANGUAGES: ['lv', 'en', 'ru'],
    addResources: (ns: string, r: any) => { for (const l of ['lv', 'en', 'ru']) inst.addResourceBundle(l, ns, r[l], true, true); },
  };
});
import { renderToString } from 'react-dom/server';

const store: Record<string, string> = {};
(globalThis as any).localStorage = { getItem: (k: string) => store[k] ?? null, setItem: (k: string, v: string) => { store[k] = v; } };
(globalThis as any).document = { documentElement: {}, cookie: '' };

let StaffRoutes: any, MemoryRouter: any, QueryClient: any, QueryClientProvider: any, i18n: any;
beforeAll(async () => {
  i18n = (await import('../../i18n/index.ts')).default;
  StaffRoutes = (await import('./StaffRoutes.tsx')).default;
  ({ MemoryRouter } = await import('react-router'));
  ({ QueryClient, QueryClientProvider } = await import('@tanstack/react-query'));
});

function render(path: string, role: string, lang = 'en', extra: [unknown[], unknown][] = []) {
  void i18n.changeLanguage(lang);
  const qc = new QueryClient();
  qc.setQueryData(['session'], { csrfToken: 'x', user: { id: 'u', email: 'a@b.lv', fullName: 'A', staffRole: role, customers: [] } });
  for (const [k, v] of extra) qc.setQueryData(k, v);
  return renderToString(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[path]}>
        <StaffRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const detail = {
  customer: { id: 'c1', name: 'Jānis Bērziņš', kind: 'person', identityCode: '150385-12346', customerNumber: 'K-1', email: 'j@b.lv', phone: null, postalAddress: 'Rīga' },
  contracts: [{ id: 'k1', type: 'electricity_supply', number: 'E-1', status: 'active', startsOn: '2024-01-01', endsOn: null }],
  users: [
    { membershipId: 'm1', userId: 'u1', fullName: 'Jānis', email: 'j@b.lv', role: 'main', status: 'active', lockedUntil: '2099-01-01T10:00:00Z', blockedReason: null },
    { membershipId: 'm2', userId: 'u2', fullName: 'Anna', email: 'a@b.lv', role: 'additional', status: 'blocked', lockedUntil: null, blockedReason: 'fraud' },
  ],
};

describe('staff smoke', () => {
  it('renders pages', () => {
    const search = render('/?q=jan', 'customer_service', 'lv', [[['staff', 'customers', 'jan'], [{ id: 'c1', name: 'Jānis', kind: 'person', identityCode: 'x', customerNumber: 'K', email: null }]]]);
    expect(search).toContain('href="/customers/c1"');
    expect(search).toContain('Meklēt klientu');
    expect(search).not.toContain('href="/terms"');
    const d = render('/customers/c1', 'administrator', 'en', [[['staff', 'customer', 'c1'], detail]]);
    expect(d).toContain('Login locked until 01/01/2099 12:00');
    expect(d).toContain('Reason: fraud');
    expect(d).toContain('href="/audit?customerId=c1"');
    expect(d).toContain('href="/terms"');
    console.log(d.replace(/></g, '>\n<'));
    for (const p of ['/customers/new', '/import', '/audit?customerId=c1&from=2026-01-01', '/error-reports', '/nope']) {
      const html = render(p, 'customer_service', 'ru');
      expect(html.length).toBeGreaterThan(100);
    }
    expect(render('/terms', 'customer_service')).toContain('Only administrators');
    expect(render('/audit', 'administrator', 'en', [[['staff', 'audit', ''], [{ seq: 1, occurredAt: '2026-06-01T10:00:00Z', actorUserId: 'u', actorRole: 'customer_service', customerId: 'c1', action: 'customer.update', objectType: 'customer', objectId: 'c1', ip: '1.2.3.4', details: { a: 1 } }]]])).toContain('01/06/2026 13:00');
    expect(render('/error-reports', 'administrator', 'en', [[['staff', 'error-reports'], [{ id: 'e', createdAt: '2026-06-01T10:00:00Z', page: '/x', message: 'm', contactEmail: null }]]])).toContain('/x');
  });
});
