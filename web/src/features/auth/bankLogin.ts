/** Full-page navigation to the bank/eID login (ACC-9); stepUp asks for a fresh strong login (ACC-18). */
export function bankLoginUrl(returnTo: string, stepUp = false): string {
  const params = new URLSearchParams();
  if (stepUp) params.set('stepUp', '1');
  params.set('returnTo', returnTo);
  return `/api/auth/bank/start?${params.toString()}`;
}
