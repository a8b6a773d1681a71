// A period's state for new revisions (open, closed, reopened), from GET /periods, shown wherever data is entered; the
// controls that would submit a revision of a closed period are disabled, and the notice says why.

import { apiGet } from './api.js';
import { h } from './dom.js';
import { currentLanguage, t } from './i18n.js';

/** The period's state as the API lists it; a period the API does not list has never been closed, so it is open. */
export async function periodState(period) {
  const periods = await apiGet('/periods');
  return periods.find(item => item.period === period) ?? { period, state: 'OPEN' };
}

/** The notice of a period's state; a closed period's says who closed it, when and why, and that nothing is taken. */
export function periodNotice(view) {
  const closed = view.state === 'CLOSED';
  return h('div', { class: closed ? 'notice notice-closed' : 'notice', id: 'period-state', 'data-state': view.state,
    role: closed ? 'alert' : null },
  h('p', {}, t(`period.state.${view.state}`, { period: view.period })),
  view.changedAt ? h('p', {}, t('period.changed', { who: view.changedBy ?? '—',
    when: new Date(view.changedAt).toLocaleString(currentLanguage()), reason: view.reason ?? '—' })) : null);
}

/** Disables the controls of a closed period and describes each by the notice, so a screen reader says why. */
export function disableWhenClosed(view, controls) {
  for (const control of controls.filter(Boolean)) {
    control.disabled = view.state === 'CLOSED';
    control.toggleAttribute('aria-describedby', false);
    if (view.state === 'CLOSED') {
      control.setAttribute('aria-describedby', 'period-state');
    }
  }
}
