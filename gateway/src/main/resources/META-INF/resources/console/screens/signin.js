// Sign-in: the organisation's OpenID Connect provider and the local run's demo identities, each offered only when the
// gateway's console-config.json names it.

import { apiGet } from '../api.js';
import { h, problemBox } from '../dom.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { beginSignIn, completeSignIn, endProviderSession, isProviderAnswer, renewTokens, SignInRefused } from '../oidc.js';
import { currentSession, endSession, renewSession, startSession, stopRenewal } from '../session.js';

/** How long before the bearer expires the console renews it with the refresh token. */
const RENEW_BEFORE_MS = 60_000;
let sessionTimer = null;

let config;
/** What the gateway says about signing in (GET /console-config.json), fetched once. */
async function consoleConfig() {
  config ??= await (await fetch('console-config.json')).json();
  return config;
}

/** A role in words: 部委分析员, 江苏省填报员, 江苏省审核员 … */
export function roleLabel(role, province) {
  const of = { submitter: 'role.submitterOf', reviewer: 'role.reviewerOf' }[role];
  return of ? t(of, { province: t(`province.${province}`) }) : t(`role.${role}`);
}

/** Who is signed in, in words, from what /api/v1/me says: the strongest role, then the subject. */
export function callerLabel(caller) {
  const role = ['admin', 'analyst', 'reviewer', 'submitter'].find(candidate => caller.roles.includes(candidate));
  return role ? `${roleLabel(role, caller.province)} (${caller.subject})` : caller.subject;
}

export async function render(main) {
  const expired = sessionStorage.getItem('console.expired') === 'true';
  sessionStorage.removeItem('console.expired');
  const heading = h('h1', {}, t('signin.title'));
  main.append(heading);
  if (expired) {
    main.append(h('div', { class: 'notice', role: 'alert' }, t('signin.expired')));
  }
  const config = await consoleConfig();
  if (config.oidc) {
    await renderProvider(main, config.oidc);
  }
  if (!config.demoIdentitiesUrl) {
    if (!config.oidc) {
      main.append(h('p', {}, t('signin.notConfigured')));
    }
    return;
  }
  const section = h('section', { 'aria-labelledby': 'demo-heading' }, h('h2', { id: 'demo-heading' }, t('signin.demo')),
    h('p', { class: 'hint' }, t('signin.demoHint')));
  main.append(section);
  let identities;
  try {
    identities = await (await fetch(config.demoIdentitiesUrl)).json();
  } catch (error) {
    section.append(problemBox({ status: 0 }));
    return;
  }
  const list = h('ul', { class: 'identities' });
  for (const identity of identities) {
    list.append(h('li', {}, h('button', {
      type: 'button', class: 'button identity', 'data-subject': identity.subject,
      onclick: () => signIn(identity.token, section),
    }, roleLabel(identity.role, identity.province))));
  }
  section.append(list);
}

/** The provider's sign-in button; on the provider's way back, completes the sign-in or says why it was refused. */
async function renderProvider(main, oidc) {
  const section = h('section', { 'aria-labelledby': 'oidc-heading' }, h('h2', { id: 'oidc-heading' }, t('signin.oidc')),
    h('p', { class: 'hint' }, t('signin.oidcHint')));
  main.append(section);
  if (isProviderAnswer()) {
    const progress = h('p', { class: 'loading', role: 'status' }, t('signin.oidcCompleting'));
    section.append(progress);
    try {
      const { accessToken, ...tokens } = await completeSignIn(oidc);
      progress.remove();
      await signIn(accessToken, section, tokens);
      return;
    } catch (error) {
      progress.remove();
      section.append(error instanceof SignInRefused ? refusal(error) : problemBox({ status: 0 }));
    }
  }
  section.append(h('button', {
    type: 'button', class: 'button', id: 'oidc-sign-in',
    onclick: () => beginSignIn(oidc).catch(error => section.append(refusal(error))),
  }, t('signin.oidcButton')));
}

function refusal(error) {
  const reason = error instanceof SignInRefused ? error.reason : 'provider';
  return h('div', { class: 'problem', role: 'alert', id: 'oidc-refused' },
    h('p', { class: 'problem-title' }, t(`signin.oidcRefused.${reason}`)),
    error.detail ? h('p', {}, error.detail) : null);
}

/** Ends the session, at the provider too when the session came from it and it offers an end_session_endpoint. */
export async function signOut() {
  const session = currentSession();
  endSession();
  const { oidc } = await consoleConfig();
  if (!(session?.idToken && oidc && await endProviderSession(oidc, session.idToken).catch(() => false))) {
    navigate('signin');
  }
}

async function signIn(token, section, tokens = {}) {
  try {
    const caller = await apiGet('/me', {}, token);
    startSession(token, caller, tokens);
    navigate('overview');
  } catch (problem) {
    section.append(problemBox(problem));
  }
}

/** The session has run out (its bearer expired or the API refused it): back to sign-in, which says so. */
export function sessionExpired() {
  clearTimeout(sessionTimer);
  endSession();
  sessionStorage.setItem('console.expired', 'true');
  navigate('signin');
}

/**
 * Looks after the session's bearer: renews it with the refresh token shortly before it expires, when the provider
 * gave one; otherwise, or when the provider refuses, ends the session at expiry and goes back to sign-in. Called on
 * every screen, so it follows the session as it is stored now.
 */
export function watchSession() {
  clearTimeout(sessionTimer);
  const session = currentSession();
  if (!session?.expiresAt) {
    return;
  }
  const left = session.expiresAt - Date.now();
  if (session.refreshToken) {
    sessionTimer = setTimeout(renew, Math.max(0, left - RENEW_BEFORE_MS));
  } else {
    sessionTimer = setTimeout(sessionExpired, Math.max(0, left));
  }
}

async function renew() {
  const session = currentSession();
  const { oidc } = await consoleConfig();
  if (!session?.refreshToken || !oidc) {
    return;
  }
  try {
    renewSession(await renewTokens(oidc, session.refreshToken));
  } catch (error) {
    // the provider no longer renews (the refresh token expired or was revoked): the bearer runs to its expiry
    stopRenewal();
  }
  watchSession();
}
