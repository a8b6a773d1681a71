// Sign-in: the local run's demo identities, offered only when the gateway's console-config.json names where they are.

import { apiGet } from '../api.js';
import { h, problemBox } from '../dom.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { startSession } from '../session.js';

/** A role in words: 部委分析员, 江苏省填报员 … */
export function roleLabel(role, province) {
  return role === 'submitter' ? t('role.submitterOf', { province: t(`province.${province}`) }) : t(`role.${role}`);
}

/** Who is signed in, in words, from what /api/v1/me says: the strongest role, then the subject. */
export function callerLabel(caller) {
  const role = ['admin', 'analyst', 'submitter'].find(candidate => caller.roles.includes(candidate));
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
  const config = await (await fetch('console-config.json')).json();
  if (!config.demoIdentitiesUrl) {
    main.append(h('p', {}, t('signin.notConfigured')));
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

async function signIn(token, section) {
  try {
    const caller = await apiGet('/me', {}, token);
    startSession(token, caller);
    navigate('overview');
  } catch (problem) {
    section.append(problemBox(problem));
  }
}
