/** Rights a main user can grant an additional user beyond the default (ACC-10). */
export const GRANTABLE_RIGHTS = ['see_invoices', 'sign_orders', 'ev_charging'] as const;
