// The console's shell: hash routes (#/screen/arg?period=…&zoneType=…), the header, sign-in state and language.

import { loadMessages, otherLanguage, switchLanguage, t, translateStatic } from './i18n.js';
import { currentSession, hasRole } from './session.js';
import { whenUnauthorised } from './api.js';
import { h, loading } from './dom.js';
import { currentRoute, navigate, ZONE_TYPES } from './router.js';
import { loadScoredPeriods } from './periods.js';
import * as signin from './screens/signin.js';
import { callerLabel, sessionExpired, signOut, watchSession } from './screens/signin.js';
import * as overview from './screens/overview.js';
import * as ranking from './screens/ranking.js';
import * as zone from './screens/zone.js';
import * as provinces from './screens/provinces.js';
import * as entry from './screens/entry.js';
import * as whatif from './screens/whatif.js';
import * as compare from './screens/compare.js';
import * as review from './screens/review.js';
import * as returnScreen from './screens/return.js';
import * as robustness from './screens/robustness.js';

const SCREENS = { signin, overview, ranking, zone, provinces, whatif, entry, compare, review, return: returnScreen, robustness };

async function render() {
  const route = currentRoute();
  const session = currentSession();
  const screen = session ? (SCREENS[route.screen] && route.screen !== 'signin' ? route.screen : 'overview') : 'signin';
  renderHeader(session, screen);
  const main = document.getElementById('main');
  document.title = `${t(`nav.${screen}`)} — ${t('app.title')}`;
  watchSession();
  if (session) {
    // every screen's period choice needs them: a loading line until they are known (once per page load)
    main.replaceChildren(loading());
    await loadScoredPeriods(ZONE_TYPES);
  }
  main.replaceChildren();
  await SCREENS[screen].render(main, route);
  // when the screen's data is shown: read by the load-time benchmark through the User Timing API
  performance.mark(`console:${screen}:ready`);
}

function renderHeader(session, screen) {
  translateStatic();
  document.querySelector('.masthead-nav').hidden = !session;
  document.querySelectorAll('.masthead-nav a').forEach(link => {
    // a screen for some roles only (data-roles) is not offered to the others
    link.hidden = !!link.dataset.roles && !hasRole(...link.dataset.roles.split(' '));
    link.toggleAttribute('aria-current', link.dataset.screen === screen);
    if (link.dataset.screen === screen) {
      link.setAttribute('aria-current', 'page');
    }
  });
  document.getElementById('who').textContent = session ? t('signin.signedInAs', { who: callerLabel(session.caller) }) : '';
  document.getElementById('sign-out').hidden = !session;
  const language = document.getElementById('language');
  language.textContent = t('language.switch');
  language.lang = otherLanguage();
}

async function start() {
  await loadMessages();
  whenUnauthorised(sessionExpired);
  document.getElementById('language').addEventListener('click', async () => {
    await switchLanguage();
    await render();
  });
  document.getElementById('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', render);
  await render();
}

start().catch(error => {
  document.getElementById('main').replaceChildren(h('p', { class: 'problem', role: 'alert' }, String(error)));
});
