import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { Loading } from './Messages.tsx';

/**
 * Pages behind login. Sends the user to log in, to finish the second factor, to change the password
 * or to accept new terms (OPS-1) before anything else. Staff pages skip the customer terms.
 */
export function RequireUser({ skipTerms = false }: { skipTerms?: boolean }) {
  const { data, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  const user = data?.user;
  if (!user || user.secondFactorPending) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  // The server asks for the terms on customer routes only, so a user acting for no customer (staff) is not held up.
  const termsDue = Boolean(user.mustAcceptTermsVersion) && user.customers.length > 0 && !skipTerms;
  if (termsDue && !user.mustChangePassword && location.pathname !== '/accept-terms') {
    return <Navigate to="/accept-terms" replace />;
  }
  return <Outlet />;
}
