// A real OpenID Connect issuer (oidc-provider) in its own process, as a regency's single sign-on would be: the
// end-to-end suites start, stop and restart it (test/support/oidc-issuer.ts). Settings arrive as JSON in
// OIDC_ISSUER_SETTINGS; the issuer URL is printed as one JSON line once it listens. Test use only.
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_ISSUER_SETTINGS);
// The test runner's end closes stdin: the issuer never outlives it.
process.stdin.on('end', () => process.exit(0)).resume();

let handle = (_request, response) => response.writeHead(503).end();
const server = createServer((request, response) => handle(request, response));
server.listen(settings.port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration());
  handle = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

function configuration() {
  return {
    jwks: { keys: settings.keys },
    cookies: { keys: ['test-only-cookie-key'] },
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [settings.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: settings.alg,
      },
    ],
    // Whoever signs in at the development login form is that person; their groups come from the settings.
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    extraTokenClaims: (_ctx, token) => settings.people[token.accountId] ?? {},
    // A first-party client: the grant is given without a consent screen.
    loadExistingGrant: async (ctx) => {
      const { clientId } = ctx.oidc.client;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid');
      for (const resource of settings.resources) grant.addResourceScope(resource, 'api');
      await grant.save();
      return grant;
    },
    features: {
      resourceIndicators: {
        enabled: true,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!settings.resources.includes(resource)) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: settings.alg } },
          };
        },
      },
    },
  };
}
