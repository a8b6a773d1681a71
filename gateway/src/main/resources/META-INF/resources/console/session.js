// Who is signed in: the bearer token and when it expires, what /api/v1/me says about it and, after an OpenID Connect
// sign-in, the ID token (to end the provider's session) and the refresh token (to renew the bearer), kept for this
// browser tab only.

const KEY = 'console.session';

export function currentSession() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored) : null;
}

/** The tokens of a sign-in: the bearer, and from a provider the ID and refresh tokens and the bearer's lifetime. */
export function startSession(token, caller, { idToken = null, refreshToken = null, expiresIn = null } = {}) {
  sessionStorage.setItem(KEY, JSON.stringify({ token, caller, idToken, refreshToken,
    expiresAt: expiresAt(token, expiresIn) }));
}

/** The renewed tokens of the same person: a new bearer, and the refresh and ID tokens if the provider sent new ones. */
export function renewSession({ token, idToken, refreshToken, expiresIn }) {
  const session = currentSession();
  if (session) {
    startSession(token, session.caller, { idToken: idToken ?? session.idToken,
      refreshToken: refreshToken ?? session.refreshToken, expiresIn });
  }
}

/** Keeps the session but gives up renewing it (the provider refused the refresh token): it runs to its expiry. */
export function stopRenewal() {
  const session = currentSession();
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify({ ...session, refreshToken: null }));
  }
}

export function endSession() {
  sessionStorage.removeItem(KEY);
}

export function hasRole(...roles) {
  const session = currentSession();
  return !!session && session.caller.roles.some(role => roles.includes(role));
}

/**
 * When a bearer expires (milliseconds since 1970): the provider's expires_in where it gave one, else the token's own
 * exp claim; null for a token that says neither (the API's 401 still ends such a session).
 */
function expiresAt(token, expiresIn) {
  if (Number.isFinite(expiresIn)) {
    return Date.now() + expiresIn * 1000;
  }
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(payload)).exp;
    return Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
