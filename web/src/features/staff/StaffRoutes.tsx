import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink, Outlet, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addResources } from '../../i18n/index.ts';
import { ErrorMessage, Loading, PageHeading } from '../../components/Messages.tsx';
import { useOperator } from '../../api/session.ts';
import { useStaffRole } from './shared.ts';
import { meteringModuleOn } from './metering/metering.ts';
import CustomerSearchPage from './CustomerSearchPage.tsx';
import CustomerDetailPage from './CustomerDetailPage.tsx';
import NewCustomerPage from './NewCustomerPage.tsx';
import ImportPage from './ImportPage.tsx';
import AuditPage from './AuditPage.tsx';
import ErrorReportsPage from './ErrorReportsPage.tsx';
import lv from './staff.lv.json';
import en from './staff.en.json';
import ru from './staff.ru.json';
import { COLLECTIONS_NAMESPACE } from './Collections.i18n.ts';
import { TERM_CHANGES_NAMESPACE } from './TermChange.i18n.ts';
import './staff.css';

addResources('staff', { lv, en, ru });

// Administrator-only pages are split off: customer-service staff never download them.
const TermsPage = lazy(() => import('./TermsPage.tsx'));
const MaintenancePage = lazy(() => import('./MaintenancePage.tsx'));
const JobsPage = lazy(() => import('./JobsPage.tsx'));
// Metering pages (GRD-1 … GRD-4) too: operators without the metering module never download them.
const ObjectSearchPage = lazy(() => import('./metering/ObjectSearchPage.tsx'));
const ObjectDetailPage = lazy(() => import('./metering/ObjectDetailPage.tsx'));
const MeteringImportsPage = lazy(() => import('./metering/MeteringImportsPage.tsx'));
// Billing pages (issue 12) too: operators without the billing module never download them.
const BillingRunsPage = lazy(() => import('./billing/BillingRunsPage.tsx'));
const InvoiceSearchPage = lazy(() => import('./billing/InvoiceSearchPage.tsx'));
const StaffInvoicePage = lazy(() => import('./billing/StaffInvoicePage.tsx'));
const CustomerBillingPage = lazy(() => import('./billing/CustomerBillingPage.tsx'));
const TariffsPage = lazy(() => import('./billing/TariffsPage.tsx'));
const StaffPaymentsPage = lazy(() => import('./payments/StaffPaymentsPage.tsx'));
const ClaimsPage = lazy(() => import('./ClaimsPage.tsx'));
const CollectionsPage = lazy(() => import('./CollectionsPage.tsx'));
const TermChangePage = lazy(() => import('./TermChangePage.tsx'));
const StaffOrdersPage = lazy(() => import('./orders/StaffOrdersPage.tsx'));

/** The back office for staff, mounted by the app shell at /staff/*. */
export default function StaffRoutes() {
  return (
    <Routes>
      <Route element={<StaffLayout />}>
        <Route index element={<CustomerSearchPage />} />
        <Route path="customers/new" element={<NewCustomerPage />} />
        <Route path="customers/:customerId" element={<CustomerDetailPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="metering" element={<MeteringOnly><ObjectSearchPage /></MeteringOnly>} />
        <Route path="metering/objects/:objectId" element={<MeteringOnly><ObjectDetailPage /></MeteringOnly>} />
        <Route path="metering/imports" element={<MeteringOnly><MeteringImportsPage /></MeteringOnly>} />
        <Route path="billing" element={<BillingOnly><BillingRunsPage /></BillingOnly>} />
        <Route path="billing/invoices" element={<BillingOnly><InvoiceSearchPage /></BillingOnly>} />
        <Route path="billing/invoices/:invoiceId" element={<BillingOnly><StaffInvoicePage /></BillingOnly>} />
        <Route path="billing/customers/:customerId" element={<BillingOnly><CustomerBillingPage /></BillingOnly>} />
        <Route path="billing/tariffs" element={<BillingOnly><TariffsPage /></BillingOnly>} />
        <Route path="payments" element={<BillingOnly><StaffPaymentsPage /></BillingOnly>} />
        <Route path="claims" element={<BillingOnly><ClaimsPage /></BillingOnly>} />
        <Route path="collections" element={<BillingOnly><CollectionsPage /></BillingOnly>} />
        <Route path="orders" element={<StaffOrdersPage />} />
        <Route path="term-changes" element={<TermChangePage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="error-reports" element={<ErrorReportsPage />} />
        <Route path="terms" element={<AdministratorOnly><TermsPage /></AdministratorOnly>} />
        <Route path="maintenance" element={<AdministratorOnly><MaintenancePage /></AdministratorOnly>} />
        <Route path="jobs" element={<AdministratorOnly><JobsPage /></AdministratorOnly>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function StaffLayout() {
  const { t } = useTranslation('staff');
  const { role, isLoading, secondFactorSetupRequired } = useStaffRole();
  const operator = useOperator().data;
  const metering = meteringModuleOn(operator);
  const billing = Boolean(operator?.modules.includes('billing'));
  if (isLoading) return <Loading />;
  if (!role) return <ErrorMessage>{t('common.notStaff')}</ErrorMessage>;
  if (secondFactorSetupRequired) return <SecondFactorFirst />;
  return (
    <div className="staff">
      {/* Absolute links: under the /staff/* splat, React Router resolves this layout's relative links from
          the whole current path (on /staff/audit, "import" would lead to /staff/audit/import). */}
      <nav className="staff-nav" aria-label={t('nav.label')}>
        <ul>
          <li><NavLink to="/staff" end>{t('nav.customers')}</NavLink></li>
          <li><NavLink to="/staff/customers/new">{t('nav.newCustomer')}</NavLink></li>
          <li><NavLink to="/staff/import">{t('nav.import')}</NavLink></li>
          <li><NavLink to="/staff/orders">{t('nav.orders')}</NavLink></li>
          {metering ? (
            <>
              <li><NavLink to="/staff/metering" end>{t('nav.meteringObjects')}</NavLink></li>
              <li><NavLink to="/staff/metering/imports">{t('nav.meteringImports')}</NavLink></li>
            </>
          ) : null}
          {billing ? (
            <>
              <li><NavLink to="/staff/billing" end>{t('nav.staffBillingRuns', { ns: 'translation' })}</NavLink></li>
              <li><NavLink to="/staff/billing/invoices">{t('nav.staffInvoices', { ns: 'translation' })}</NavLink></li>
              <li><NavLink to="/staff/payments">{t('nav.staffPayments', { ns: 'translation' })}</NavLink></li>
              <li><NavLink to="/staff/claims">{t('nav.staffClaims', { ns: 'translation' })}</NavLink></li>
              <li><NavLink to="/staff/collections">{t('title', { ns: COLLECTIONS_NAMESPACE })}</NavLink></li>
              <li><NavLink to="/staff/billing/tariffs">{t('nav.staffTariffs', { ns: 'translation' })}</NavLink></li>
            </>
          ) : null}
          <li><NavLink to="/staff/term-changes">{t('title', { ns: TERM_CHANGES_NAMESPACE })}</NavLink></li>
          <li><NavLink to="/staff/audit">{t('nav.audit')}</NavLink></li>
          <li><NavLink to="/staff/error-reports">{t('nav.errorReports')}</NavLink></li>
          {role === 'administrator' ? (
            <>
              <li><NavLink to="/staff/terms">{t('nav.terms')}</NavLink></li>
              <li><NavLink to="/staff/maintenance">{t('nav.maintenance')}</NavLink></li>
              <li><NavLink to="/staff/jobs">{t('nav.jobs')}</NavLink></li>
            </>
          ) : null}
        </ul>
        <p className="muted staff-role">{t(`staffRole.${role}`)}</p>
      </nav>
      <div className="staff-page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}

/** The operator requires a second factor for staff, and this staff member has none yet. */
function SecondFactorFirst() {
  const { t } = useTranslation('staff');
  return (
    <section className="card" aria-labelledby="staff-second-factor-title">
      <PageHeading id="staff-second-factor-title">{t('secondFactorFirst.title')}</PageHeading>
      <p>{t('secondFactorFirst.text')}</p>
      <p><Link className="button" to="/profile">{t('secondFactorFirst.link')}</Link></p>
    </section>
  );
}

function AdministratorOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('staff');
  const { role } = useStaffRole();
  if (role !== 'administrator') return <ErrorMessage>{t('common.adminOnly')}</ErrorMessage>;
  return <>{children}</>;
}

/** The metering pages, where the operator profile turns the metering (or permits) module on. */
function MeteringOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('staff');
  const operator = useOperator();
  const on = meteringModuleOn(operator.data);
  if (on === null && operator.isPending) return <Loading />;
  if (on === false) return <ErrorMessage>{t('common.meteringOff')}</ErrorMessage>;
  return <>{children}</>;
}

/** The billing pages, where the operator profile turns the billing module on. */
function BillingOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('staff');
  const operator = useOperator();
  if (!operator.data) return operator.isPending ? <Loading /> : <>{children}</>;
  if (!operator.data.modules.includes('billing')) return <ErrorMessage>{t('common.notFound')}</ErrorMessage>;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation('staff');
  return <p role="alert">{t('common.notFound')}</p>;
}
