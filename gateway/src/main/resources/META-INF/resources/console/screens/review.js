// The reviewer's queue: the returns of the reviewer's province (an administrator's: every province) whose newest
// revision waits for review, with how many plausibility warnings and open queries each has; a return opens its review.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { currentLanguage, t } from '../i18n.js';
import { navigate, PERIODS, routeHash } from '../router.js';
import { hasRole } from '../session.js';
import { select } from './controls.js';

/** The largest page the queue operation serves. */
const MAX_PAGE = 500;

export async function render(main, route) {
  main.append(h('h1', {}, t('review.title')));
  if (!hasRole('reviewer', 'admin')) {
    main.append(h('div', { class: 'notice', role: 'alert', id: 'review-refused' }, t('review.notAllowed')));
    return;
  }
  const period = PERIODS.includes(route.params.get('period')) ? route.params.get('period') : '';
  const queue = h('section', { 'aria-labelledby': 'queue-heading' });
  main.append(
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('queue-period', 'control.period', [['', t('control.all')], ...PERIODS.map(year => [year, year])], period,
        year => navigate('review', { period: year }))),
    h('h2', { id: 'queue-heading' }, t('review.queue')), queue);
  await fill(queue, () => apiGet('/reviews/queue', { period, size: MAX_PAGE }), page => queueTable(page));
}

function queueTable(page) {
  if (page.items.length === 0) {
    return empty('review.queueEmpty');
  }
  return [h('p', { class: 'summary', id: 'queue-summary' }, t('review.waiting', { count: page.total })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'queue-table' },
      h('caption', { class: 'visually-hidden' }, t('review.queue')),
      h('thead', {}, h('tr', {}, ['entry.zone', 'control.province', 'control.period', 'entry.revision',
        'entry.receivedAt', 'review.warnings', 'review.openQueries'].map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, page.items.map(item => h('tr', { 'data-zone': item.zone, 'data-period': item.period },
        h('th', { scope: 'row' }, h('a', { href: routeHash('return', { period: item.period }, item.zone) },
          item.zoneName), h('span', { class: 'code' }, ` ${item.zone}`)),
        h('td', {}, t(`province.${item.province}`)),
        h('td', {}, item.period),
        h('td', { class: 'number' }, String(item.revision)),
        h('td', {}, new Date(item.submission.receivedAt).toLocaleString(currentLanguage())),
        h('td', { class: 'number', 'data-count': 'warnings' }, String(item.submission.warnings.length)),
        h('td', { class: 'number', 'data-count': 'queries' }, String(item.openQueries.length)))))))];
}
