/**
 * Runs the demo bank / eID identity provider on its own for local development:
 *   npx tsx server/src/modules/accounts/demo-identity-provider.main.ts
 * Env: DEMO_IDP_PORT (default 3001), OIDC_CLIENT_ID (default utility-portal),
 * OIDC_CLIENT_SECRET (default demo-secret).
 */
import { startDemoIdentityProvider } from './demo-identity-provider.ts';

const port = Number(process.env.DEMO_IDP_PORT ?? 3001);
const clientId = process.env.OIDC_CLIENT_ID ?? 'utility-portal';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'demo-secret';

const provider = await startDemoIdentityProvider({
  port,
  clients: [{ clientId, clientSecret, redirectUris: ['http://localhost:3000/api/auth/bank/callback'] }],
});

console.log(`Demo identity provider (issuer ${provider.issuer}) for client "${clientId}"`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void provider.close().then(() => process.exit(0));
  });
}
