// Signing in with the organisation's OpenID Connect provider as a public client: authorisation code with PKCE (S256),
// state and nonce checked. The provider's access token is the bearer for /api/v1; the platform verifies it like any.

const PENDING = 'console.oidc.pending';

/** Sign-in that did not complete: what went wrong (state, provider, token, nonce) and the provider's words if any. */
export class SignInRefused extends Error {
  constructor(reason, detail = '') {
    super(detail || reason);
    this.reason = reason;
    this.detail = detail;
  }
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new SignInRefused('provider', `HTTP ${response.status}`);
  }
  return response.json();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function s256(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function fromBase64url(text) {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
}

/** The JWS algorithms an ID token may be signed with, as Web Crypto imports the key and verifies. */
const ALGORITHMS = {
  RS256: { kty: 'RSA', key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: { kty: 'RSA', key: { name: 'RSA-PSS', hash: 'SHA-256' }, verify: { name: 'RSA-PSS', saltLength: 32 } },
  ES256: { kty: 'EC', key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
};

/**
 * The claims of a JWT whose signature verifies with the provider's key (its JWKS, the key its header names); throws
 * SignInRefused('signature') otherwise. The ID token comes straight from the token endpoint over TLS, which alone
 * would let the console trust it (OpenID Connect Core 3.1.3.7); checking the signature too costs one request.
 */
export async function verifiedClaims(jwt, jwksUri) {
  const [header64, payload64, signature64] = jwt.split('.');
  try {
    const header = JSON.parse(new TextDecoder().decode(fromBase64url(header64)));
    const algorithm = ALGORITHMS[header.alg];
    const response = await fetch(jwksUri);
    const keys = response.ok ? (await response.json()).keys ?? [] : [];
    const jwk = keys.find(candidate => candidate.kty === algorithm?.kty && (candidate.use ?? 'sig') === 'sig'
      && (header.kid === undefined || candidate.kid === header.kid));
    if (!jwk) {
      throw new SignInRefused('signature', `${header.alg} ${header.kid ?? ''}`.trim());
    }
    const key = await crypto.subtle.importKey('jwk', jwk, algorithm.key, false, ['verify']);
    const valid = await crypto.subtle.verify(algorithm.verify, key, fromBase64url(signature64),
      new TextEncoder().encode(`${header64}.${payload64}`));
    if (!valid) {
      throw new SignInRefused('signature');
    }
    return JSON.parse(new TextDecoder().decode(fromBase64url(payload64)));
  } catch (error) {
    throw error instanceof SignInRefused ? error : new SignInRefused('signature', error.message);
  }
}

/** The console's own page, without query or route: where the provider sends the browser back. */
function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Goes to the provider's sign-in page; it comes back to this page with ?code=…&state=… */
export async function beginSignIn(oidc) {
  const provider = await discover(oidc.issuer);
  const pending = { state: randomString(), nonce: randomString(), verifier: randomString() };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: [...new Set(['openid', ...oidc.scopes])].join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
  });
  location.assign(url);
}

/** Is this page the provider's answer to a sign-in? */
export function isProviderAnswer() {
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Completes the sign-in this tab began: the state must be the one sent, the code is exchanged with the PKCE verifier
 * and the ID token must carry the nonce sent. Returns the access and ID tokens; throws SignInRefused otherwise.
 */
export async function completeSignIn(oidc) {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  // the code is for one use: take it out of the address and the history
  history.replaceState(null, '', redirectUri());
  if (!pending || params.get('state') !== pending.state) {
    throw new SignInRefused('state');
  }
  if (params.has('error')) {
    throw new SignInRefused('provider', params.get('error_description') || params.get('error'));
  }
  const provider = await discover(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token || !tokens.id_token) {
    throw new SignInRefused('token', tokens.error_description || tokens.error || `HTTP ${response.status}`);
  }
  const id = await verifiedClaims(tokens.id_token, provider.jwks_uri);
  const audiences = [].concat(id.aud);
  if (id.nonce !== pending.nonce || id.iss !== provider.issuer || !audiences.includes(oidc.clientId)) {
    throw new SignInRefused('nonce');
  }
  return { accessToken: tokens.access_token, idToken: tokens.id_token, refreshToken: tokens.refresh_token ?? null,
    expiresIn: tokens.expires_in ?? null };
}

/**
 * A new access token for the refresh token (the provider's refresh_token grant, as a public client without a secret);
 * the provider may rotate the refresh token and send a new ID token. Throws SignInRefused when it refuses.
 */
export async function renewTokens(oidc, refreshToken) {
  const provider = await discover(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: oidc.clientId }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new SignInRefused('token', tokens.error_description || tokens.error || `HTTP ${response.status}`);
  }
  return { token: tokens.access_token, idToken: tokens.id_token ?? null, refreshToken: tokens.refresh_token ?? null,
    expiresIn: tokens.expires_in ?? null };
}

/** Ends the provider's session too, when it offers an end_session_endpoint; returns false when it does not. */
export async function endProviderSession(oidc, idToken) {
  const provider = await discover(oidc.issuer);
  if (!provider.end_session_endpoint) {
    return false;
  }
  const url = new URL(provider.end_session_endpoint);
  url.search = new URLSearchParams({ id_token_hint: idToken, client_id: oidc.clientId, post_logout_redirect_uri: redirectUri() });
  location.assign(url);
  return true;
}
