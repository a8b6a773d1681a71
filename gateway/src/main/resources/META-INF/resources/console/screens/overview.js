// Overview of a peer group and period: counts, flags, composite scores by region, and the plan's aggregate targets.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, localName, t, tOr, unitLabel } from '../i18n.js';
import { peerGroup, routeHash } from '../router.js';
import { hasRole } from '../session.js';
import { drawChart, regionBoxplotOption } from '../charts.js';
import { peerGroupControls } from './controls.js';

export const REGIONS = ['EAST', 'CENTRAL', 'NORTHEAST', 'WEST'];
const FLAGS = ['WARNING', 'EXIT_CANDIDATE', 'EXPANSION_ELIGIBLE'];
/** The largest page the ranking operation serves. */
const MAX_PAGE = 500;

export async function render(main, route) {
  const group = peerGroup(route.params);
  const counts = h('section', { 'aria-labelledby': 'counts-heading' });
  const distribution = h('section', { 'aria-labelledby': 'distribution-heading' });
  const targets = h('section', { 'aria-labelledby': 'targets-heading' });
  main.append(
    h('h1', {}, t('overview.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('overview', route, group),
    h('h2', { id: 'counts-heading' }, t('overview.counts')), counts,
    h('h2', { id: 'distribution-heading' }, t('overview.distribution')), distribution);
  if (hasRole('analyst', 'admin')) {
    main.append(h('h2', { id: 'targets-heading' }, t('overview.targets')), targets);
  }
  const params = { period: group.period, zoneType: group.zoneType };
  await Promise.all([
    fill(counts, () => Promise.all([apiGet('/scores', { ...params, size: 1 }), apiGet('/flags', params)]),
      ([ranking, flagged]) => countCards(ranking, flagged, group)),
    fill(distribution, () => allScores(params), scores => regionChart(scores)),
    hasRole('analyst', 'admin')
      ? fill(targets, () => Promise.all([apiGet('/targets', params), apiGet('/indicators')]),
        ([view, indicators]) => targetTable(view, indicators))
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

function targetTable(view, indicators) {
  if (!view.aggregate || view.aggregate.length === 0) {
    return empty('overview.noTargets');
  }
  const names = Object.fromEntries(indicators.map(indicator => [indicator.code, localName(indicator)]));
  return h('table', { class: 'data', id: 'targets-table' },
    h('caption', { class: 'visually-hidden' }, t('overview.targets')),
    h('thead', {}, h('tr', {}, ['target.indicator', 'target.unit', 'target.baseline', 'target.path', 'target.current',
      'target.target', 'target.status'].map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, view.aggregate.map(line => h('tr', {},
      h('th', { scope: 'row' }, names[line.indicator] ?? tOr(`indicator.${line.indicator}`, line.indicator)),
      h('td', {}, unitLabel(line.unit)),
      h('td', { class: 'number' }, formatNumber(line.baseline2010)),
      h('td', { class: 'number' }, formatNumber(line.path)),
      h('td', { class: 'number' }, formatNumber(line.current)),
      h('td', { class: 'number' }, formatNumber(line.target2015)),
      h('td', {}, h('span', { class: `status status-${line.status}` }, t(`target.${line.status}`)))))));
}
