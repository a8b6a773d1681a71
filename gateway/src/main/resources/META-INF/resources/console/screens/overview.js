// Overview of a peer group and period: counts, flags, composite scores by region, and the plan's aggregate targets.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, localName, t, tOr, unitLabel } from '../i18n.js';
import { navigate, peerGroup, routeHash } from '../router.js';
import { hasRole } from '../session.js';
import { drawChart, regionBoxplotOption, targetPathOption } from '../charts.js';
import { basisControl, basisLine, chosenBasis, peerGroupControls } from './controls.js';

export const REGIONS = ['EAST', 'CENTRAL', 'NORTHEAST', 'WEST'];
const FLAGS = ['WARNING', 'EXIT_CANDIDATE', 'EXPANSION_ELIGIBLE'];
/** The largest page the ranking operation serves. */
const MAX_PAGE = 500;
/** The plan's years: the path runs from the 2010 baseline to the 2015 target. */
const PLAN_YEARS = ['2010', '2011', '2012', '2013', '2014', '2015'];

export async function render(main, route) {
  const group = peerGroup(route.params);
  const basis = chosenBasis(route.params);
  const counts = h('section', { 'aria-labelledby': 'counts-heading' });
  const distribution = h('section', { 'aria-labelledby': 'distribution-heading' });
  const targets = h('section', { 'aria-labelledby': 'targets-heading' });
  main.append(
    h('h1', {}, t('overview.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('overview', route, group),
    basis ? h('form', { class: 'controls', onsubmit: event => event.preventDefault() }, basisControl(basis,
      value => navigate('overview', { ...Object.fromEntries(route.params), ...group, basis: value }))) : null,
    h('h2', { id: 'counts-heading' }, t('overview.counts')), counts,
    h('h2', { id: 'distribution-heading' }, t('overview.distribution')), distribution);
  if (hasRole('analyst', 'admin')) {
    main.append(h('h2', { id: 'targets-heading' }, t('overview.targets')), targets);
  }
  const params = { period: group.period, zoneType: group.zoneType, basis };
  await Promise.all([
    fill(counts, () => Promise.all([apiGet('/scores', { ...params, size: 1 }), apiGet('/flags', params)]),
      ([ranking, flagged]) => [basisLine(ranking), countCards(ranking, flagged, group)]),
    fill(distribution, () => allScores(params), scores => regionChart(scores)),
    hasRole('analyst', 'admin')
      ? fill(targets, () => Promise.all([aggregateTargets(params), apiGet('/indicators')]),
        ([views, indicators]) => targetCharts(views, group.period, indicators))
      : null,
  ]);
}

function countCards(ranking, flagged, group) {
  if (!ranking.snapshot) {
    return empty('overview.noScores');
  }
  const card = (id, value, labelKey) => h('li', { class: 'count', id: `count-${id}` },
    h('span', { class: 'count-value' }, String(value)), h('span', { class: 'count-label' }, t(labelKey)));
  const withFlag = flag => flagged.filter(score => score.flags.includes(flag));
  return h('div', {},
    h('ul', { class: 'counts' },
      card('ranked', ranking.snapshot.rankedCount, 'overview.ranked'),
      card('zones', ranking.snapshot.zoneCount, 'overview.zones'),
      FLAGS.map(flag => card(flag, withFlag(flag).length, `flag.${flag}`))),
    h('p', {}, h('a', { href: routeHash('ranking', group) }, t('overview.toRanking'))),
    FLAGS.map(flag => flagList(flag, withFlag(flag), group)));
}

function flagList(flag, scores, group) {
  return h('details', { id: `flag-list-${flag}`, class: 'flag-list' },
    h('summary', {}, `${t(`flag.${flag}`)} (${scores.length})`),
    scores.length === 0 ? empty('overview.noneFlagged') : h('ul', {}, scores.map(score =>
      h('li', {}, h('a', { href: routeHash('zone', group, score.zone) }, localName(score))))));
}

/** Every score of the peer group: the box plots show all of them. */
async function allScores(params) {
  const first = await apiGet('/scores', { ...params, size: MAX_PAGE });
  const items = [...first.items];
  for (let page = 1; page * MAX_PAGE < first.total; page++) {
    items.push(...(await apiGet('/scores', { ...params, size: MAX_PAGE, page })).items);
  }
  return items;
}

function regionChart(scores) {
  const ranked = scores.filter(score => score.ranked && Number.isFinite(score.composite));
  if (ranked.length === 0) {
    return empty('overview.noScores');
  }
  const byRegion = {};
  ranked.forEach(score => (byRegion[score.region] ??= []).push(score.composite));
  const names = Object.fromEntries(REGIONS.map(region => [region, t(`region.${region}`)]));
  const element = h('div', { class: 'chart', id: 'region-chart', role: 'img', 'aria-label': t('overview.distributionAlt') });
  drawChart(element, regionBoxplotOption(names, byRegion, t('score.composite')));
  return element;
}

/** The aggregate targets of each plan year and of the chosen period, by period; only the aggregate is read. */
async function aggregateTargets(params) {
  const periods = [...new Set([...PLAN_YEARS, params.period])];
  const views = await Promise.all(periods.map(period =>
    apiGet('/targets', { period, zoneType: params.zoneType, aggregateOnly: true })));
  return Object.fromEntries(views.map(view => [view.period, view]));
}

/** Per measure a line chart of actual against planned over the plan's years, then the chosen period's table. */
function targetCharts(views, period, indicators) {
  const lines = views[period].aggregate;
  if (!lines || lines.length === 0) {
    return empty('overview.noTargets');
  }
  const names = indicatorNames(indicators);
  const line = (year, indicator) => (views[year].aggregate ?? []).find(candidate => candidate.indicator === indicator);
  const charts = lines.map(chosen => {
    const name = names(chosen.indicator);
    const element = h('div', { class: 'chart chart-small', id: `target-chart-${chosen.indicator}`, role: 'img',
      'aria-label': t('targetChart.alt', { indicator: name, unit: unitLabel(chosen.unit), period,
        actual: formatNumber(chosen.current), planned: formatNumber(chosen.path), status: t(`target.${chosen.status}`) }) });
    drawChart(element, targetPathOption(PLAN_YEARS,
      PLAN_YEARS.map(year => line(year, chosen.indicator)?.current ?? null),
      PLAN_YEARS.map(year => line(year, chosen.indicator)?.path ?? null),
      PLAN_YEARS.map(year => line(year, chosen.indicator)?.status),
      { actual: t('targetChart.actual'), planned: t('targetChart.planned'), unit: unitLabel(chosen.unit) }));
    return h('figure', { class: 'target-chart' }, h('figcaption', {}, name, ' ',
      h('span', { class: `status status-${chosen.status}` }, t(`target.${chosen.status}`))), element);
  });
  return [
    h('h3', {}, t('targetChart.heading')),
    h('div', { class: 'chart-grid' }, charts),
    h('h3', { id: 'targets-table-heading' }, t('targetChart.tableHeading', { period })),
    targetLinesTable(lines, names, 'targets-table', t('overview.targets')),
  ];
}

/** An indicator's name in the current language: from the catalogue, the message files, or its code. */
export function indicatorNames(indicators) {
  const names = Object.fromEntries(indicators.map(indicator => [indicator.code, localName(indicator)]));
  return code => names[code] ?? tOr(`indicator.${code}`, code);
}

/** Target lines as a table: baseline, planned this year, actual, 2015 target and progress per indicator. */
export function targetLinesTable(lines, names, id, caption) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ['target.indicator', 'target.unit', 'target.baseline', 'target.path', 'target.current',
      'target.target', 'target.status'].map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, lines.map(line => h('tr', { 'data-indicator': line.indicator },
      h('th', { scope: 'row' }, names(line.indicator)),
      h('td', {}, unitLabel(line.unit)),
      h('td', { class: 'number' }, formatNumber(line.baseline2010)),
      h('td', { class: 'number' }, formatNumber(line.path)),
      h('td', { class: 'number' }, formatNumber(line.current)),
      h('td', { class: 'number' }, formatNumber(line.target2015)),
      h('td', {}, h('span', { class: `status status-${line.status}` }, t(`target.${line.status}`))))))));
}
