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

/**
 * The claims of a JWT, unverified: the ID token comes straight from the provider's token endpoint over TLS, in answer
 * to this tab's code and PKCE verifier, so no one else can have made it (OpenID Connect Core 3.1.3.7 lets a client
 * rely on TLS there instead of the signature). The API verifies every access token's signature itself.
 */
function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
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
  const id = claims(tokens.id_token);
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
