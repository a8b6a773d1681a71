// Who is signed in: the bearer token, what /api/v1/me says about it and, after an OpenID Connect sign-in, the ID token
// (to end the provider's session), kept for this browser tab only.

const KEY = 'console.session';

export function currentSession() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored) : null;
}

export function startSession(token, caller, idToken = null) {
  sessionStorage.setItem(KEY, JSON.stringify({ token, caller, idToken }));
}

export function endSession() {
  sessionStorage.removeItem(KEY);
}

export function hasRole(...roles) {
  const session = currentSession();
  return !!session && session.caller.roles.some(role => roles.includes(role));
}
