import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireUser } from './components/RequireUser.tsx';
import LoginPage from './features/auth/LoginPage.tsx';

// Only the login page is in the first bundle; every other page loads when it is opened.
const RegisterPage = lazy(() => import('./features/auth/RegisterPage.tsx'));
const ActivatePage = lazy(() => import('./features/auth/ActivatePage.tsx'));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage.tsx'));
const ReportRegistrationPage = lazy(() => import('./features/auth/ReportRegistrationPage.tsx'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.tsx'));
const TermsPage = lazy(() => import('./features/terms/TermsPage.tsx'));
const AcceptTermsPage = lazy(() => import('./features/terms/AcceptTermsPage.tsx'));
const OverviewPage = lazy(() => import('./features/overview/OverviewPage.tsx'));
const ContractsPage = lazy(() => import('./features/contracts/ContractsPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const ContactPage = lazy(() => import('./features/contact/ContactPage.tsx'));
const OrdersPage = lazy(() => import('./features/orders/OrdersPage.tsx'));
const NoticesPage = lazy(() => import('./features/notices/NoticesPage.tsx'));
const ProfilePage = lazy(() => import('./features/profile/ProfilePage.tsx'));
const ActivityPage = lazy(() => import('./features/activity/ActivityPage.tsx'));
const ObjectsPage = lazy(() => import('./features/consumption/ObjectsPage.tsx'));
const ObjectConsumptionPage = lazy(() => import('./features/consumption/ObjectConsumptionPage.tsx'));
const InvoicesPage = lazy(() => import('./features/invoices/InvoicesPage.tsx'));
const InvoicePage = lazy(() => import('./features/invoices/InvoicePage.tsx'));
const InvoiceLinePage = lazy(() => import('./features/invoices/InvoiceLinePage.tsx'));
const PaymentsPage = lazy(() => import('./features/payments/PaymentsPage.tsx'));
const ClaimsPage = lazy(() => import('./features/invoices/ClaimsPage.tsx'));
const MailboxPage = lazy(() => import('./features/dev/MailboxPage.tsx'));
const NotFoundPage = lazy(() => import('./features/NotFoundPage.tsx'));
const StaffRoutes = lazy(() => import('./features/staff/StaffRoutes'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="activate" element={<ActivatePage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="report-registration" element={<ReportRegistrationPage />} />
        <Route path="terms" element={<TermsPage />} />
        <Route path="terms/:version" element={<TermsPage />} />
        <Route path="dev/mailbox" element={<MailboxPage />} />

        <Route element={<RequireUser />}>
          <Route index element={<OverviewPage />} />
          <Route path="change-password" element={<ChangePasswordPage />} />
          <Route path="accept-terms" element={<AcceptTermsPage />} />
          <Route path="contracts" element={<ContractsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="contact" element={<ContactPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="notices" element={<NoticesPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="activity" element={<ActivityPage />} />
          <Route path="objects" element={<ObjectsPage />} />
          <Route path="objects/:objectId" element={<ObjectConsumptionPage />} />
          <Route path="invoices" element={<InvoicesPage />} />
          <Route path="invoices/:invoiceId" element={<InvoicePage />} />
          <Route path="invoices/:invoiceId/lines/:lineNumber" element={<InvoiceLinePage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="claims" element={<ClaimsPage />} />
        </Route>

        <Route element={<RequireUser skipTerms />}>
          <Route path="staff/*" element={<StaffRoutes />} />
        </Route>

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
