const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The key set URL of an issuer, from its discovery document (OpenID Connect Discovery 1.0 §4): no redirects, a
 * deadline for the whole answer, and the document must name exactly the configured issuer.
 */
export async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<URL> {
  const address = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(address, {
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (response.status !== 200) throw new Error(`${address} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document?.issuer !== issuer)
    throw new Error(`${address} names the issuer ${JSON.stringify(document?.issuer)}, not "${issuer}"`);
  return jwksUriOf(document.jwks_uri, new URL(issuer));
}

function jwksUriOf(value: unknown, issuer: URL): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  // Plain http only when the issuer itself is a local development one, and only to this machine.
  const local =
    issuer.protocol === 'http:' && url?.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
  if (!url || (url.protocol !== 'https:' && !local))
    throw new Error(`the discovery document's jwks_uri ${JSON.stringify(value)} is not an https URL`);
  return url;
}
