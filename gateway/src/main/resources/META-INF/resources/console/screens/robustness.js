// Robustness: how far the ranks of a peer group can be trusted. Starts an uncertainty or sensitivity analysis
// (POST /analyses) with the uncertain inputs chosen here, follows the job's progress, and shows its result: every
// zone's rank interval as COINr's rank plot draws it, or the Sobol indices of each input as bars.

import { apiDelete, apiGet, apiPost, ApiProblem } from '../api.js';
import { empty, fill, h, problemBox } from '../dom.js';
import { currentLanguage, formatNumber, localName, t, tOr } from '../i18n.js';
import { navigate, peerGroup, routeHash } from '../router.js';
import { hasRole } from '../session.js';
import { drawChart, rankIntervalOption, sobolBarsOption } from '../charts.js';
import { peerGroupControls, select } from './controls.js';

const NORMALISATIONS = ['MINMAX', 'ZSCORE', 'RANK'];
const AGGREGATIONS = ['ARITHMETIC', 'GEOMETRIC'];
const IMPUTATIONS = ['NONE', 'PEER_MEDIAN', 'CARRY_FORWARD'];
/** Zones per page of the rank plot: at 250 zones, five pages that each stay readable. */
const PAGE = 50;
const MAX_PAGE = 500;
const POLL_MS = 500;
const ENDED = ['DONE', 'FAILED', 'CANCELLED'];
/** The flags that make a bottom-5 place. */
const BOTTOM_FLAGS = ['WARNING', 'EXIT_CANDIDATE'];

/** The screen's own choices from the URL: the analysis shown, which rank, the order and the page of the plot. */
function choices(params) {
  return {
    analysis: /^\d+$/.test(params.get('analysis') ?? '') ? params.get('analysis') : '',
    rank: params.get('rank') === 'region' ? 'region' : 'national',
    order: params.get('order') === 'median' ? 'median' : 'nominal',
    page: Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0),
    output: params.get('output') ?? '',
  };
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  main.append(h('h1', { id: 'robustness-heading' },
    t('robust.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })));
  if (!hasRole('analyst', 'admin')) {
    main.append(problemBox(new ApiProblem(403, {}, null)));
    return;
  }
  const chosen = choices(route.params);
  const go = change => navigate('robustness', { ...group, ...chosen, ...change });
  const jobs = h('section', { 'aria-labelledby': 'robust-jobs-heading', id: 'robust-jobs' });
  const result = h('section', { 'aria-labelledby': 'robust-result-heading', id: 'robust-result' });
  // another period or zone type has analyses of its own: the one shown is not carried over
  main.append(peerGroupControls('robustness', route, group, { analysis: '', output: '' }),
    h('p', { class: 'hint' }, t('robust.intro')),
    h('h2', { id: 'robust-run-heading' }, t('robust.run')), analysisForm(group, go),
    h('h2', { id: 'robust-jobs-heading' }, t('robust.jobs')), jobs,
    h('h2', { id: 'robust-result-heading' }, t('robust.result')), result);
  const listed = fill(jobs, () => apiGet('/analyses', group), listing => jobTable(listing.analyses, group, chosen));
  if (!chosen.analysis) {
    result.append(h('p', { class: 'hint' }, t('robust.noneChosen')));
    await listed;
    return;
  }
  await Promise.all([listed, fill(result, () => apiGet(`/analyses/${chosen.analysis}`), job => {
    if (!ENDED.includes(job.state)) {
      follow(result, job, () => go({}));
      return progressView(job);
    }
    return job.state === 'DONE' ? resultView(job, group, chosen, go) : endedView(job);
  })]);
}

/** The uncertain inputs, N and seed; starting an analysis shows it (analysis= in the URL), where its progress shows. */
function analysisForm(group, go) {
  const problem = h('div', { id: 'robust-problem' });
  const checkboxes = (name, values, labelOf, checked = []) => h('fieldset', { class: 'robust-choices' },
    h('legend', {}, t(`robust.input.${name}`)),
    values.map(value => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), labelOf(value))));
  const number = (id, labelKey, value, attributes) => h('div', { class: 'field' },
    h('label', { for: id }, t(labelKey)), h('input', { id, type: 'number', value, ...attributes }));
  const form = h('form', { id: 'robust-form', class: 'robust-form', novalidate: true },
    h('div', { class: 'controls' },
      select('robust-kind', 'robust.kind', ['UNCERTAINTY', 'SENSITIVITY'].map(kind => [kind, t(`robust.kind.${kind}`)]),
        'UNCERTAINTY', () => {}),
      number('robust-pillar-noise', 'robust.input.pillarWeightNoise', 25, { min: 0, max: 99, step: 1 }),
      number('robust-indicator-noise', 'robust.input.indicatorWeightNoise', 25, { min: 0, max: 99, step: 1 }),
      number('robust-replications', 'robust.replications', 200, { min: 2, step: 1 }),
      number('robust-seed', 'robust.seed', 2012, { step: 1 })),
    h('div', { class: 'robust-inputs' },
      checkboxes('normalisations', NORMALISATIONS, value => t(`whatif.norm.${value}`)),
      checkboxes('pillarAggregations', AGGREGATIONS, value => t(`robust.aggregation.${value}`)),
      checkboxes('compositeAggregations', AGGREGATIONS, value => t(`robust.aggregation.${value}`), AGGREGATIONS),
      checkboxes('imputations', IMPUTATIONS, value => t(`robust.imputation.${value}`)),
      h('fieldset', { class: 'robust-choices' }, h('legend', {}, t('robust.input.leaveOneOut')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'leaveOneOut', id: 'robust-leave-one-out' }),
          t('robust.leaveOneOut')))),
    h('p', {}, h('button', { type: 'submit', class: 'button', id: 'robust-start' }, t('robust.start'))),
    problem);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('#robust-start');
    button.disabled = true;
    problem.replaceChildren();
    try {
      const job = await apiPost('/analyses', analysisRequest(form, group));
      go({ analysis: String(job.id), page: 0, output: '' });
    } catch (failure) {
      if (!failure.status && failure.status !== 0) {
        throw failure;
      }
      problem.replaceChildren(problemBox(failure));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The body of POST /analyses from the form: percentages as fractions, empty lists left out. */
export function analysisRequest(form, group) {
  const checked = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
  const percent = id => {
    const value = form.querySelector(`#${id}`).value;
    return value === '' ? null : Number(value) / 100;
  };
  const whole = id => {
    const value = form.querySelector(`#${id}`).value;
    return value === '' ? null : Number(value);
  };
  const inputs = {
    pillarWeightNoise: percent('robust-pillar-noise'),
    indicatorWeightNoise: percent('robust-indicator-noise'),
    normalisations: checked('normalisations'),
    pillarAggregations: checked('pillarAggregations'),
    compositeAggregations: checked('compositeAggregations'),
    imputations: checked('imputations'),
    leaveOneOut: form.querySelector('#robust-leave-one-out').checked,
  };
  return { kind: form.querySelector('#robust-kind').value, zoneType: group.zoneType, period: group.period, inputs,
    replications: whole('robust-replications'), seed: whole('robust-seed') };
}

/** The peer group's analyses, newest first; each one opens here. */
function jobTable(analyses, group, chosen) {
  if (analyses.length === 0) {
    return empty('robust.noJobs');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'robust-jobs-table' },
    h('caption', { class: 'visually-hidden' }, t('robust.jobs')),
    h('thead', {}, h('tr', {}, ['robust.job', 'robust.kind', 'robust.state', 'robust.replications', 'robust.inputs',
      'robust.createdAt'].map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, analyses.map(job => h('tr', { 'aria-current': String(job.id) === chosen.analysis ? 'true' : null },
      h('th', { scope: 'row' }, h('a', { href: routeHash('robustness', { ...group, analysis: job.id }) }, `#${job.id}`)),
      h('td', {}, t(`robust.kind.${job.kind}`)),
      h('td', {}, t(`robust.state.${job.state}`)),
      h('td', { class: 'number' }, job.replications),
      h('td', {}, inputsLabel(job.inputs)),
      h('td', {}, new Date(job.createdAt).toLocaleString(currentLanguage())))))));
}

/** What an analysis varies, in words. */
function inputsLabel(inputs) {
  const parts = [];
  if (inputs.pillarWeightNoise) {
    parts.push(t('robust.short.pillarWeights', { noise: Math.round(inputs.pillarWeightNoise * 100) }));
  }
  if (inputs.indicatorWeightNoise) {
    parts.push(t('robust.short.indicatorWeights', { noise: Math.round(inputs.indicatorWeightNoise * 100) }));
  }
  const list = (values, key, labelOf) => {
    if (values?.length) {
      parts.push(`${t(key)}: ${values.map(labelOf).join(', ')}`);
    }
  };
  list(inputs.normalisations, 'robust.input.normalisations', value => t(`whatif.norm.${value}`));
  list(inputs.pillarAggregations, 'robust.input.pillarAggregations', value => t(`robust.aggregation.${value}`));
  list(inputs.compositeAggregations, 'robust.input.compositeAggregations', value => t(`robust.aggregation.${value}`));
  list(inputs.imputations, 'robust.input.imputations', value => t(`robust.imputation.${value}`));
  if (inputs.leaveOneOut) {
    parts.push(t('robust.leaveOneOut'));
  }
  return parts.join('; ');
}

/** A queued or running job: its progress from the job's percent, and a button that cancels it. */
function progressView(job) {
  return [
    h('div', { class: 'field' },
      h('label', { for: 'robust-progress' }, t('robust.progress', { id: job.id, percent: job.progress })),
      h('progress', { id: 'robust-progress', max: 100, value: job.progress }, `${job.progress} %`)),
    h('p', {}, h('button', { type: 'button', class: 'button secondary', id: 'robust-cancel', onclick: async event => {
      event.target.disabled = true;
      try {
        await apiDelete(`/analyses/${job.id}`);
      } catch (failure) {
        // already ended (409): the next poll shows how
        if (!failure.status) {
          throw failure;
        }
      }
    } }, t('robust.cancel'))),
  ];
}

/** Polls the job while the section is shown; updates the bar and shows the screen again once the job has ended. */
function follow(section, job, ended) {
  const poll = async () => {
    if (!section.isConnected) {
      return;
    }
    let now;
    try {
      now = await apiGet(`/analyses/${job.id}`);
    } catch (failure) {
      if (!failure.status && failure.status !== 0) {
        throw failure;
      }
      section.replaceChildren(problemBox(failure));
      return;
    }
    if (!section.isConnected) {
      return;
    }
    if (ENDED.includes(now.state)) {
      ended();
      return;
    }
    const bar = section.querySelector('#robust-progress');
    if (bar) {
      bar.value = now.progress;
      bar.textContent = `${now.progress} %`;
      section.querySelector('label[for="robust-progress"]').textContent =
        t('robust.progress', { id: now.id, percent: now.progress });
    }
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}

function endedView(job) {
  return h('p', { class: job.state === 'FAILED' ? 'problem' : 'notice', id: 'robust-ended' },
    t(`robust.ended.${job.state}`, { id: job.id, error: job.error ?? '' }));
}

/** The result of a finished job, with the peer group's names. */
function resultView(job, group, chosen, go) {
  const section = h('div', {});
  const summary = h('p', { class: 'summary', id: 'robust-summary' }, t('robust.summary', {
    id: job.id, kind: t(`robust.kind.${job.kind}`), replications: job.replications, seed: job.seed,
    snapshot: job.snapshotId ?? '—', methodology: job.methodology, inputs: inputsLabel(job.inputs) }));
  section.append(summary);
  const body = h('div', {});
  section.append(body);
  fill(body, () => apiGet('/scores', { ...group, size: MAX_PAGE }), ranking => {
    const names = new Map(ranking.items.map(item => [item.zone, localName(item)]));
    const name = code => names.get(code) ?? code;
    return job.kind === 'UNCERTAINTY' ? uncertaintyView(job.uncertainty, name, group, chosen, go)
      : sensitivityView(job.sensitivity, name, chosen, go);
  });
  return section;
}

/** The zones in the plot's order: by nominal rank or median (unranked last), within region groups for region ranks. */
export function orderedZones(zones, rank, order) {
  const interval = zone => (rank === 'region' ? zone.regionRank : zone.nationalRank);
  const key = zone => interval(zone)[order === 'median' ? 'median' : 'nominal'] ?? Infinity;
  return [...zones].sort((a, b) => (rank === 'region' ? a.regionGroup.localeCompare(b.regionGroup) : 0)
    || key(a) - key(b) || (interval(a).nominal ?? Infinity) - (interval(b).nominal ?? Infinity)
    || a.zone.localeCompare(b.zone));
}

function uncertaintyView(result, name, group, chosen, go) {
  const zones = orderedZones(result.zones, chosen.rank, chosen.order);
  const pages = Math.max(1, Math.ceil(zones.length / PAGE));
  const page = Math.min(chosen.page, pages - 1);
  const shown = zones.slice(page * PAGE, (page + 1) * PAGE);
  const interval = zone => (chosen.rank === 'region' ? zone.regionRank : zone.nationalRank);
  const bottom = zone => BOTTOM_FLAGS.some(flag => zone.nominalFlags.includes(flag));
  const groupLabel = code => tOr(`robust.group.${code}`, code);
  const label = zone => (chosen.rank === 'region' ? `${name(zone.zone)} · ${groupLabel(zone.regionGroup)}` : name(zone.zone));
  const lowest = Math.max(1, ...zones.map(zone => interval(zone).p95 ?? interval(zone).nominal ?? 1));
  const chart = h('div', { class: 'chart robust-intervals', id: 'robust-interval-chart', role: 'img',
    style: `height:${96 + shown.length * 20}px`,
    'aria-label': t('robust.intervalsAlt', { first: page * PAGE + 1, last: page * PAGE + shown.length,
      total: zones.length }) });
  drawChart(chart, rankIntervalOption(shown.map(zone => ({ name: label(zone), ...interval(zone),
    highlighted: bottom(zone) })), { interval: t('robust.interval'), median: t('robust.median'),
    nominal: t('robust.nominal'), axis: t(chosen.rank === 'region' ? 'score.regionRank' : 'score.nationalRank') },
  lowest));
  return [
    bottomPlaces(result.zones, name, group, groupLabel),
    h('h3', {}, t('robust.intervals')),
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('robust-rank', 'robust.rank', [['national', t('score.nationalRank')], ['region', t('score.regionRank')]],
        chosen.rank, rank => go({ rank, page: 0 })),
      select('robust-order', 'robust.order', [['nominal', t('robust.order.nominal')], ['median', t('robust.order.median')]],
        chosen.order, order => go({ order, page: 0 }))),
    h('p', { class: 'hint' }, t('robust.intervalsHint')),
    chart,
    h('nav', { class: 'pager', 'aria-label': t('ranking.pages') },
      h('button', { type: 'button', class: 'button secondary', id: 'robust-previous', disabled: page === 0,
        onclick: () => go({ page: page - 1 }) }, t('ranking.previous')),
      h('span', {}, t('ranking.page', { page: page + 1, pages })),
      h('button', { type: 'button', class: 'button secondary', id: 'robust-next', disabled: page + 1 >= pages,
        onclick: () => go({ page: page + 1 }) }, t('ranking.next'))),
    h('details', { class: 'robust-table' }, h('summary', {}, t('robust.intervalTable')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'robust-interval-table' },
        h('caption', { class: 'visually-hidden' }, t('robust.intervals')),
        h('thead', {}, h('tr', {}, ['score.zone', 'robust.nominal', 'robust.median', 'robust.p5', 'robust.p95',
          'robust.unranked'].map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, shown.map(zone => h('tr', { 'data-zone': zone.zone },
          h('th', { scope: 'row' }, label(zone)),
          h('td', { class: 'number' }, interval(zone).nominal ?? '—'),
          h('td', { class: 'number' }, formatNumber(interval(zone).median)),
          h('td', { class: 'number' }, formatNumber(interval(zone).p5)),
          h('td', { class: 'number' }, formatNumber(interval(zone).p95)),
          h('td', { class: 'number' }, percent(zone.unranked)))))))),
  ];
}

/** The bottom-5 places: zones flagged WARNING or EXIT_CANDIDATE as the methodology stands, and how sure that is. */
function bottomPlaces(zones, name, group, groupLabel) {
  const flagged = zones.filter(zone => BOTTOM_FLAGS.some(flag => zone.nominalFlags.includes(flag)))
    .sort((a, b) => a.regionGroup.localeCompare(b.regionGroup) || (a.regionRank.nominal ?? 0) - (b.regionRank.nominal ?? 0));
  const content = flagged.length === 0 ? empty('robust.noBottom') : h('div', { class: 'table-wrap' },
    h('table', { class: 'data', id: 'robust-bottom-table' },
      h('caption', { class: 'visually-hidden' }, t('robust.bottom')),
      h('thead', {}, h('tr', {}, ['score.zone', 'robust.regionGroup', 'robust.nominalRegion', 'robust.median',
        'robust.range', 'robust.pWarning', 'robust.pExit'].map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, flagged.map(zone => h('tr', { 'data-zone': zone.zone },
        h('th', { scope: 'row' }, h('a', { href: routeHash('zone', group, zone.zone) }, name(zone.zone))),
        h('td', {}, groupLabel(zone.regionGroup)),
        h('td', { class: 'number' }, zone.regionRank.nominal ?? '—'),
        h('td', { class: 'number' }, formatNumber(zone.regionRank.median)),
        h('td', { class: 'number' }, `${formatNumber(zone.regionRank.p5)} – ${formatNumber(zone.regionRank.p95)}`),
        h('td', { class: 'number robust-probability' }, percent(zone.flagProbabilities.WARNING)),
        h('td', { class: 'number robust-probability' }, percent(zone.flagProbabilities.EXIT_CANDIDATE)))))));
  return h('div', { id: 'robust-bottom' }, h('h3', {}, t('robust.bottom')), h('p', { class: 'hint' }, t('robust.bottomHint')),
    content);
}

function percent(share) {
  return share === null || share === undefined ? '—' : `${formatNumber(share * 100, 0)} %`;
}

function sensitivityView(result, name, chosen, go) {
  const zone = result.zones.find(candidate => candidate.zone === chosen.output);
  const output = zone ? zone.indices : result.meanAbsoluteRankShift;
  const outputs = [['', t('robust.output.shift')],
    ...result.zones.filter(candidate => candidate.nominalRank !== null)
      .map(candidate => [candidate.zone, t('robust.output.zone', { rank: candidate.nominalRank, zone: name(candidate.zone) })])];
  const inputs = output.inputs.map(indices => ({ name: t(`robust.factor.${indices.input}`), firstOrder: indices.firstOrder,
    total: indices.total }));
  const chart = h('div', { class: 'chart', id: 'robust-sobol-chart', role: 'img', 'aria-label': t('robust.sobolAlt', {
    values: inputs.map(input => `${input.name} ${formatNumber(input.firstOrder.estimate, 2)} / ${formatNumber(input.total.estimate, 2)}`)
      .join(', ') }) });
  const varies = output.variance > 0;
  if (varies) {
    drawChart(chart, sobolBarsOption(inputs, { firstOrder: t('robust.firstOrder'), total: t('robust.total'),
      axis: t('robust.index') }));
  }
  const estimate = value => (value?.estimate === null || value?.estimate === undefined ? '—'
    : `${formatNumber(value.estimate, 2)} (${formatNumber(value.low, 2)} – ${formatNumber(value.high, 2)})`);
  return [
    h('h3', {}, t('robust.sobol')),
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('robust-output', 'robust.output', outputs, zone ? zone.zone : '', value => go({ output: value }))),
    h('p', { class: 'hint' }, t('robust.sobolHint', { confidence: Math.round(result.confidence * 100),
      samples: result.bootstrapSamples, evaluations: result.evaluations })),
    varies ? chart : empty('robust.noVariance'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'robust-sobol-table' },
      h('caption', { class: 'visually-hidden' }, t('robust.sobol')),
      h('thead', {}, h('tr', {}, ['robust.factor', 'robust.firstOrder', 'robust.total']
        .map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, inputs.map((input, i) => h('tr', { 'data-input': output.inputs[i].input },
        h('th', { scope: 'row' }, input.name),
        h('td', { class: 'number' }, estimate(input.firstOrder)),
        h('td', { class: 'number' }, estimate(input.total))))))),
  ];
}

/**
 * A zone profile's "how robust is this rank": from the newest finished uncertainty analysis of the zone's peer group
 * and period, its ranks' nominal value, median and 5–95 % interval and the probability of each of its flags; or where
 * to run one. For analysts and administrators, who may read analyses.
 */
export function zoneRobustness(main, code, group) {
  if (!hasRole('analyst', 'admin')) {
    return null;
  }
  const section = h('section', { 'aria-labelledby': 'zone-robust-heading', id: 'zone-robust' });
  main.append(h('h2', { id: 'zone-robust-heading' }, t('robust.zone.heading', { period: group.period })), section);
  return fill(section, async () => {
    const listing = await apiGet('/analyses', { ...group, kind: 'UNCERTAINTY' });
    const newest = listing.analyses.find(job => job.state === 'DONE');
    return newest ? apiGet(`/analyses/${newest.id}`) : null;
  }, job => {
    const link = h('a', { href: routeHash('robustness', { ...group, analysis: job?.id }), id: 'zone-robust-link' },
      t(job ? 'robust.zone.open' : 'robust.zone.run'));
    const zone = job?.uncertainty.zones.find(candidate => candidate.zone === code);
    if (!zone) {
      return [h('p', { class: 'empty', id: 'zone-robust-none' }, t(job ? 'robust.zone.notIn' : 'robust.zone.none')),
        h('p', {}, link)];
    }
    const row = (key, interval) => h('tr', {}, h('th', { scope: 'row' }, t(key)),
      h('td', { class: 'number' }, interval.nominal ?? '—'),
      h('td', { class: 'number' }, formatNumber(interval.median)),
      h('td', { class: 'number' }, `${formatNumber(interval.p5)} – ${formatNumber(interval.p95)}`));
    const flags = Object.keys(zone.flagProbabilities)
      .filter(flag => zone.nominalFlags.includes(flag) || zone.flagProbabilities[flag] > 0);
    return [
      h('p', { class: 'hint' }, t('robust.zone.source', { id: job.id, replications: job.replications,
        snapshot: job.snapshotId, inputs: inputsLabel(job.inputs) })),
      h('table', { class: 'data', id: 'zone-robust-ranks' },
        h('caption', { class: 'visually-hidden' }, t('robust.zone.heading', { period: group.period })),
        h('thead', {}, h('tr', {}, ['robust.rankKind', 'robust.nominal', 'robust.median', 'robust.range']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, row('score.nationalRank', zone.nationalRank), row('score.regionRank', zone.regionRank))),
      flags.length === 0 ? h('p', { id: 'zone-robust-flags' }, t('robust.zone.noFlags'))
        : h('ul', { id: 'zone-robust-flags' }, flags.map(flag => h('li', { 'data-flag': flag },
          t(zone.nominalFlags.includes(flag) ? 'robust.zone.flagNow' : 'robust.zone.flagCould', {
            flag: t(`flag.${flag}`), probability: percent(zone.flagProbabilities[flag]) })))),
      h('p', {}, link),
    ];
  });
}
