// A return under review: the newest revision's values beside the previous revision's, its plausibility warnings, what
// changed against the previous revision, the open queries and the decisions so far; the province's reviewer (or an
// administrator) approves it, or returns it with a comment on the whole return and on single values, and raises
// queries on values — typed, or from a warning in one step.

import { apiGet, apiPost } from '../api.js';
import { empty, fill, h, loading, problemBox } from '../dom.js';
import { currentLanguage, formatNumber, localName, t } from '../i18n.js';
import { navigate, PERIODS, routeHash } from '../router.js';
import { hasRole } from '../session.js';

const MAX_PAGE = 500;

/** The i-th value of a revision a warning's field names (values[3].value), or null. */
export function warnedIndicator(warning, values) {
  const index = /^values\[(\d+)\]/.exec(warning.field ?? '')?.[1];
  return index === undefined ? null : values[Number(index)]?.indicator ?? null;
}

export async function render(main, route) {
  const zone = route.arg;
  const period = PERIODS.includes(route.params.get('period')) ? route.params.get('period') : PERIODS[0];
  main.append(h('h1', {}, t('return.title', { zone, period })),
    h('p', {}, h('a', { href: routeHash('review', { period }) }, t('return.toQueue'))));
  if (!hasRole('reviewer', 'admin')) {
    main.append(h('div', { class: 'notice', role: 'alert', id: 'review-refused' }, t('review.notAllowed')));
    return;
  }
  const state = h('section', { 'aria-labelledby': 'return-state-heading', id: 'return-state' });
  const values = h('section', { 'aria-labelledby': 'return-values-heading', id: 'return-values' });
  const queries = h('section', { 'aria-labelledby': 'return-queries-heading', id: 'return-queries' });
  main.append(h('h2', { id: 'return-state-heading' }, t('return.state')), state,
    h('h2', { id: 'return-values-heading' }, t('return.values')), values,
    h('h2', { id: 'return-queries-heading' }, t('return.queries')), queries);
  const path = `/reviews/returns/${encodeURIComponent(zone)}/${period}`;
  const showQueries = () => fill(queries, () => apiGet('/reviews/queries', { zone, period, status: 'OPEN', size: MAX_PAGE }),
    page => queryList(page.items));
  await Promise.all([
    fill(state, () => apiGet(path), review => decisionTrail(review)),
    fill(values, () => Promise.all([apiGet(path), apiGet('/submissions', { zone, period, size: MAX_PAGE }),
      apiGet(`/zones/${encodeURIComponent(zone)}/revisions`, { period }), apiGet('/indicators')]),
    ([review, submissions, history, indicators]) => reviewForm({ zone, period, path, review, submissions: submissions.items,
      history, indicators, onQuery: showQueries })),
    showQueries(),
  ]);
}

function stateTag(state) {
  return h('span', { class: `tag review-${state}`, id: 'review-state' }, t(`review.state.${state}`));
}

function decisionTrail(review) {
  return [h('p', {}, t('return.newest', { revision: review.revision }), ' ', stateTag(review.state)),
    review.decisions.length === 0 ? empty('return.noDecisions') : h('ol', { class: 'decisions', id: 'decisions' },
      [...review.decisions].reverse().map(decision => h('li', {},
        `${t('entry.revision')} ${decision.revision}: `, h('span', { class: `tag review-${decision.state}` },
          t(`review.state.${decision.state}`)),
        ` ${decision.decidedBy} · ${new Date(decision.decidedAt).toLocaleString(currentLanguage())}`,
        decision.comment ? h('q', {}, decision.comment) : null)))];
}

/** The newest revision's values with the previous revision's, the change, the warnings and an input per comment. */
function reviewForm({ zone, period, path, review, submissions, history, indicators, onQuery }) {
  const byRevision = Object.fromEntries(submissions.map(submission => [submission.revision, submission]));
  const newest = byRevision[review.revision];
  if (!newest) {
    return empty('return.noRevision');
  }
  const previous = byRevision[review.revision - 1];
  const names = Object.fromEntries(indicators.map(indicator => [indicator.code, localName(indicator)]));
  const nameOf = code => names[code] ?? code;
  const changes = history.find(revision => revision.revision === review.revision)?.changes ?? [];
  const changeOf = Object.fromEntries(changes.map(change => [change.indicator, change]));
  const comments = new Map();
  const outcome = h('div', { id: 'decision-outcome', 'aria-live': 'polite' });
  const queryOutcome = h('div', { id: 'query-outcome', 'aria-live': 'polite' });

  const raise = async body => {
    queryOutcome.replaceChildren(loading());
    try {
      await apiPost('/reviews/queries', { zone, period, revision: review.revision, ...body });
      queryOutcome.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('return.queryRaised')));
      await onQuery();
    } catch (problem) {
      queryOutcome.replaceChildren(problemBox(problem));
    }
  };

  const rows = newest.values.map(value => {
    const before = previous?.values.find(item => item.indicator === value.indicator);
    const warnings = newest.warnings.filter(warning => warnedIndicator(warning, newest.values) === value.indicator);
    const input = h('input', { type: 'text', id: `comment-${value.indicator}`, maxlength: '2000', autocomplete: 'off',
      'aria-label': t('return.valueComment', { indicator: nameOf(value.indicator) }) });
    comments.set(value.indicator, input);
    return h('tr', { 'data-indicator': value.indicator },
      h('th', { scope: 'row' }, nameOf(value.indicator)),
      h('td', { class: 'number' }, formatNumber(value.value, 2),
        value.provisional ? h('span', { class: 'tag' }, t('entry.provisionalMark')) : null,
        value.note ? h('q', {}, value.note) : null),
      h('td', { class: 'number' }, before ? formatNumber(before.value, 2) : '—'),
      h('td', { class: 'change' }, changeText(changeOf[value.indicator])),
      h('td', {}, warnings.map(warning => h('p', { class: 'warning' }, warning.message))),
      h('td', {}, input));
  });
  const removed = changes.filter(change => change.change === 'REMOVED').map(change => h('li', {},
    `${nameOf(change.indicator)}: ${t('entry.change.REMOVED')} ${formatNumber(change.previous, 2)}`));

  const warningList = newest.warnings.length === 0 ? empty('return.noWarnings')
    : h('ul', { class: 'warnings', id: 'return-warnings' }, newest.warnings.map((warning, position) => h('li', {},
      h('span', { class: 'warning' }, warning.message), ' ',
      h('button', { type: 'button', class: 'button secondary', 'data-warning': position,
        onclick: () => raise({ warning: position }) }, t('return.warningToQuery')))));

  const queryIndicator = h('select', { id: 'query-indicator' },
    newest.values.map(value => h('option', { value: value.indicator }, nameOf(value.indicator))));
  const queryText = h('input', { type: 'text', id: 'query-text', maxlength: '2000', autocomplete: 'off' });
  const queryForm = h('form', { class: 'controls', id: 'query-form', onsubmit: event => {
    event.preventDefault();
    raise({ indicator: queryIndicator.value, text: queryText.value.trim() });
  } },
  h('div', { class: 'field' }, h('label', { for: 'query-indicator' }, t('return.queryValue')), queryIndicator),
  h('div', { class: 'field' }, h('label', { for: 'query-text' }, t('return.queryText')), queryText),
  h('button', { type: 'submit', class: 'button secondary', id: 'query-raise' }, t('return.raiseQuery')));

  const overall = h('textarea', { id: 'decision-comment', maxlength: '2000', rows: '3' });
  const decide = async decision => {
    const valueComments = Object.fromEntries([...comments].map(([code, input]) => [code, input.value.trim()])
      .filter(([, text]) => text));
    outcome.replaceChildren(loading());
    try {
      await apiPost(`${path}/decisions`, { revision: review.revision, decision, comment: overall.value.trim() || null,
        valueComments });
      // decided: back to the queue, which no longer holds this return
      navigate('review', { period });
    } catch (problem) {
      outcome.replaceChildren(problemBox(problem));
    }
  };

  return [
    h('p', {}, t('return.comparing', { revision: newest.revision, previous: previous ? previous.revision : '—' }),
      ' · ', t('entry.submittedBy'), `: ${newest.submittedBy}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'return-table' },
      h('caption', { class: 'visually-hidden' }, t('return.values')),
      h('thead', {}, h('tr', {}, ['zone.indicator', 'return.value', 'return.previous', 'return.change', 'return.warnings',
        'return.comment'].map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, rows))),
    removed.length ? h('ul', { class: 'changes', id: 'return-removed' }, removed) : null,
    h('h3', {}, t('return.warnings')), warningList,
    h('h3', {}, t('return.raiseQuery')), queryForm, queryOutcome,
    h('h3', { id: 'decision-heading' }, t('return.decision')),
    h('form', { class: 'decision', id: 'decision-form', 'aria-labelledby': 'decision-heading',
      onsubmit: event => event.preventDefault() },
    h('div', { class: 'field' }, h('label', { for: 'decision-comment' }, t('return.overallComment')), overall),
    h('p', { class: 'hint' }, t('return.decisionHint')),
    h('div', { class: 'controls' },
      h('button', { type: 'button', class: 'button', id: 'approve', onclick: () => decide('APPROVED') }, t('return.approve')),
      h('button', { type: 'button', class: 'button secondary', id: 'return', onclick: () => decide('RETURNED') },
        t('return.return'))),
    outcome)].filter(Boolean);
}

/** What changed in a value against the previous revision: the number, the provisional mark, the note. */
export function changeText(change) {
  if (!change) {
    return t('return.unchanged');
  }
  if (change.change !== 'CHANGED') {
    return t(`entry.change.${change.change}`);
  }
  const parts = (change.changed ?? ['value']).map(what => (what === 'value'
    ? `${formatNumber(change.previous, 2)} → ${formatNumber(change.current, 2)}` : t(`return.changed.${what}`)));
  return parts.join(' · ');
}

function queryList(items) {
  if (items.length === 0) {
    return empty('return.noQueries');
  }
  return h('ul', { class: 'queries', id: 'open-queries' }, items.map(query => h('li', { 'data-query': query.id },
    h('strong', {}, `${query.indicator} · ${t('entry.revision')} ${query.revision}`),
    query.answered ? h('span', { class: 'tag' }, t('query.answered')) : null,
    h('ul', {}, query.messages.map(message => h('li', {},
      `${t(`query.step.${message.kind}`)} · ${message.author}: `, message.text ? h('q', {}, message.text) : '—'))))));
}
