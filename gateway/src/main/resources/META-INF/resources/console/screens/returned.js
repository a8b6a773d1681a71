// The submitter's side of the review, a section of the data entry screen: the province's returns of the year that
// were returned for correction, with the reviewer's comment on the whole return and on each value, each commented
// value correctable on the spot by an amendment (only that value changes; the others are carried forward); and the
// open queries on the province's values, each answerable here.

import { apiGet, apiPost } from '../api.js';
import { empty, fill, h, loading, problemBox } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { routeHash } from '../router.js';

const MAX_PAGE = 500;

/** The newest RETURNED decision on the zone-period's newest revision, or null when it is not returned. */
export function returnDecision(review) {
  if (review.state !== 'RETURNED') {
    return null;
  }
  return [...review.decisions].reverse().find(decision => decision.revision === review.revision
    && decision.state === 'RETURNED') ?? null;
}

/** The heading and section; fills itself, and again after a correction or an answer. */
export function returnedSection(province, period, onStored) {
  const section = h('section', { 'aria-labelledby': 'returned-heading', id: 'returned' });
  const show = () => fill(section, () => load(province, period), ({ returned, queries }) => [
    h('h3', {}, t('returned.returns')),
    returned.length === 0 ? empty('returned.none') : h('ul', { class: 'returned', id: 'returned-list' },
      returned.map(item => returnedItem(item, province, period, async () => {
        await Promise.all([show(), onStored()]);
      }))),
    h('h3', {}, t('returned.queries')),
    queries.length === 0 ? empty('returned.noQueries') : h('ul', { class: 'queries', id: 'province-queries' },
      queries.map(query => queryItem(query, show)))]);
  return { nodes: [h('h2', { id: 'returned-heading' }, t('returned.title', { period })), section], show };
}

async function load(province, period) {
  const [timeliness, queries] = await Promise.all([apiGet('/timeliness', { period }),
    apiGet('/reviews/queries', { province, period, status: 'OPEN', size: MAX_PAGE })]);
  const zones = (timeliness.provinces.find(item => item.province === province)?.zones ?? [])
    .filter(zone => zone.reviewState === 'RETURNED');
  const returned = await Promise.all(zones.map(async zone => {
    const review = await apiGet(`/reviews/returns/${encodeURIComponent(zone.zone)}/${period}`);
    const submission = (await apiGet('/submissions', { zone: zone.zone, period, size: MAX_PAGE })).items
      .find(item => item.revision === review.revision);
    return { zone: zone.zone, review, decision: returnDecision(review), values: submission?.values ?? [] };
  }));
  return { returned: returned.filter(item => item.decision), queries: queries.items };
}

function returnedItem({ zone, review, decision, values }, province, period, onCorrected) {
  const inputs = new Map();
  const outcome = h('div', { class: 'correction-outcome', 'aria-live': 'polite' });
  let idempotencyKey = null;
  const rows = Object.entries(decision.valueComments).map(([indicator, comment]) => {
    const id = `correct-${zone}-${indicator}`;
    const input = h('input', { type: 'text', id, inputmode: 'decimal', autocomplete: 'off',
      oninput: () => { idempotencyKey = null; } });
    inputs.set(indicator, input);
    const current = values.find(value => value.indicator === indicator);
    return h('li', { 'data-indicator': indicator },
      h('strong', {}, indicator), ` (${formatNumber(current?.value, 2)}): `, h('q', { class: 'value-comment' }, comment),
      h('div', { class: 'field' }, h('label', { for: id }, t('returned.corrected', { indicator })), input));
  });
  const correct = async event => {
    event.preventDefault();
    const changed = [...inputs].map(([indicator, input]) => [indicator, input.value.trim().replace(',', '.')])
      .filter(([, text]) => text !== '');
    if (changed.length === 0 || changed.some(([, text]) => !Number.isFinite(Number(text)))) {
      outcome.replaceChildren(h('p', { class: 'violation', role: 'alert' }, t('returned.needValue')));
      return;
    }
    idempotencyKey ??= crypto.randomUUID();
    outcome.replaceChildren(loading());
    try {
      const stored = await apiPost('/submissions', { zone, period, mode: 'AMEND',
        values: changed.map(([indicator, text]) => ({ indicator, value: Number(text) })) }, {},
      { 'Idempotency-Key': idempotencyKey });
      outcome.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('returned.stored', { revision: stored.revision })));
      await onCorrected();
    } catch (problem) {
      outcome.replaceChildren(problemBox(problem));
    }
  };
  return h('li', { 'data-zone': zone },
    h('p', {}, h('strong', {}, zone), ` · ${t('entry.revision')} ${review.revision} · ${decision.decidedBy}`),
    decision.comment ? h('p', {}, t('returned.comment'), ': ', h('q', { class: 'return-comment' }, decision.comment)) : null,
    rows.length ? h('form', { class: 'correction', onsubmit: correct }, h('ul', { class: 'value-comments' }, rows),
      h('button', { type: 'submit', class: 'button', id: `correct-${zone}` }, t('returned.submitCorrection'))) : null,
    outcome,
    h('p', {}, h('a', { href: routeHash('entry', { zone, period }, province) }, t('returned.toForm'))));
}

function queryItem(query, onAnswered) {
  const id = `answer-${query.id}`;
  const input = h('input', { type: 'text', id, maxlength: '2000', autocomplete: 'off' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const answer = async event => {
    event.preventDefault();
    try {
      await apiPost(`/reviews/queries/${query.id}/answers`, { text: input.value.trim() });
      await onAnswered();
    } catch (problem) {
      outcome.replaceChildren(problemBox(problem));
    }
  };
  return h('li', { 'data-query': query.id },
    h('p', {}, h('strong', {}, `${query.zone} · ${query.indicator}`), ` · ${t('entry.revision')} ${query.revision}`,
      query.answered ? h('span', { class: 'tag' }, t('query.answered')) : null),
    h('ul', {}, query.messages.map(message => h('li', {},
      `${t(`query.step.${message.kind}`)} · ${message.author}: `, message.text ? h('q', {}, message.text) : '—'))),
    h('form', { class: 'controls', onsubmit: answer },
      h('div', { class: 'field' }, h('label', { for: id }, t('returned.answer')), input),
      h('button', { type: 'submit', class: 'button secondary' }, t('returned.send'))),
    outcome);
}
