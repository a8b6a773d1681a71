// A zone's profile: its scores of the methodology's top-level nodes against the peer group's median, its scores over the periods, and how its
// composite score adds up indicator by indicator.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, localName, t, tOr, unitLabel } from '../i18n.js';
import { peerGroup, routeHash } from '../router.js';
import { drawChart, median, partsOption } from '../charts.js';
import { nodeNames, nodeScore, topNodes } from '../nodes.js';
import { peerGroupControls } from './controls.js';
import { currentSession, hasRole } from '../session.js';
import { indicatorNames, targetLinesTable } from './overview.js';
import { downloadGroup } from '../downloads.js';
import { zoneRobustness } from './robustness.js';

const MAX_PAGE = 500;

export async function render(main, route) {
  const code = route.arg;
  const group = peerGroup(route.params);
  const heading = h('h1', {}, code);
  const radar = h('section', { 'aria-labelledby': 'radar-heading' });
  const history = h('section', { 'aria-labelledby': 'history-heading' });
  const explanation = h('section', { 'aria-labelledby': 'explanation-heading' });
  // values and report cards are a province's own: analysts and admins get them at once, the others once the zone's
  // score says it is in their province
  const everyProvince = hasRole('analyst', 'admin');
  const files = h('div', { id: 'zone-files' }, ...(everyProvince ? zoneFiles(code, group) : []));
  main.append(heading, peerGroupControls('zone', route, group),
    h('p', {}, h('a', { id: 'compare-link', href: routeHash('compare', { ...group, zones: code }) }, t('compare.withOthers'))),
    files,
    h('h2', { id: 'radar-heading' }, t('zone.pillars', { period: group.period })), radar,
    h('h2', { id: 'history-heading' }, t('zone.history')), history,
    h('h2', { id: 'explanation-heading' }, t('zone.explanation', { period: group.period })), explanation);
  await Promise.all([
    fill(radar, () => Promise.all([apiGet(`/scores/${encodeURIComponent(code)}/${group.period}`),
      apiGet('/scores', { ...group, size: MAX_PAGE })]), ([score, peers]) => {
      heading.textContent = localName(score);
      if (!everyProvince && currentSession().caller.province === score.province) {
        files.replaceChildren(...zoneFiles(code, group));
      }
      return radarChart(score, peers);
    }),
    fill(history, () => apiGet(`/scores/${encodeURIComponent(code)}`), scores => historyTable(scores, group)),
    fill(explanation, () => Promise.all([apiGet(`/scores/${encodeURIComponent(code)}/${group.period}/explanation`),
      apiGet('/indicators', { zoneType: group.zoneType })]), ([view, indicators]) => contributions(view, indicators)),
    targetsSection(main, code, group),
    zoneRobustness(main, code, group),
  ]);
}

/** The zone's values of every period as files, and its report card of the shown period. */
function zoneFiles(code, group) {
  const values = format => ({ path: '/exports/values', params: { zone: code, format } });
  return [
    downloadGroup('zone-export', t('export.values'), [
      { id: 'export-csv', label: t('export.csv'), ...values('csv'), fallbackName: `values-${code}.csv` },
      { id: 'export-xlsx', label: t('export.xlsx'), ...values('xlsx'), fallbackName: `values-${code}.xlsx` },
      { id: 'export-sdmx', label: t('export.sdmx'), ...values('sdmx-csv'), fallbackName: `values-${code}-sdmx.csv` },
    ]),
    downloadGroup('report-card', t('reportCard.files'), [
      { id: 'report-card-pdf', label: t('reportCard.zone', { period: group.period }),
        path: `/report-cards/${encodeURIComponent(code)}`, params: { period: group.period },
        fallbackName: `report-card-${code}-${group.period}.pdf` },
    ]),
  ];
}

/** The zone's own lines of the plan's targets, for the roles that may read targets. */
function targetsSection(main, code, group) {
  if (!hasRole('analyst', 'admin')) {
    return null;
  }
  const section = h('section', { 'aria-labelledby': 'zone-targets-heading' });
  main.append(h('h2', { id: 'zone-targets-heading' }, t('zoneTargets.heading', { period: group.period })), section);
  return fill(section, () => Promise.all([apiGet('/targets', { ...group, zone: code }), apiGet('/indicators')]),
    ([view, indicators]) => (view.zones.length === 0 ? empty('zoneTargets.none')
      : targetLinesTable(view.zones[0].lines, indicatorNames(indicators), 'zone-targets-table',
        t('zoneTargets.heading', { period: group.period }))));
}

function radarChart(score, peers) {
  const nodes = topNodes([score, ...peers.items]);
  const ranked = peers.items.filter(peer => peer.ranked);
  const medians = nodes.map(node => median(ranked.map(peer => nodeScore(peer, node.code))));
  const element = h('div', { class: 'chart', id: 'radar-chart', role: 'img', 'aria-label': t('zone.radarAlt', {
    values: nodes.map(node => `${localName(node)} ${formatNumber(nodeScore(score, node.code))}`).join(', '),
  }) });
  drawChart(element, partsOption(nodes.map(localName),
    [{ name: localName(score), values: nodes.map(node => nodeScore(score, node.code)) }],
    { name: t('zone.median'), values: medians }));
  return [h('p', { class: 'summary' },
    t('zone.summary', { composite: formatNumber(score.composite), national: score.nationalRank ?? '—',
      region: score.regionRank ?? '—' })), element];
}

function historyTable(scores, group) {
  if (scores.length === 0) {
    return empty('zone.noScores');
  }
  return h('table', { class: 'data', id: 'history-table' },
    h('caption', { class: 'visually-hidden' }, t('zone.history')),
    h('thead', {}, h('tr', {}, ['score.period', 'score.composite', 'score.nationalRank', 'score.regionRank', 'score.flags']
      .map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, scores.map(score => h('tr', { 'aria-current': score.period === group.period ? 'true' : null },
      h('th', { scope: 'row' }, h('a', { href: routeHash('zone', { ...group, period: score.period }, score.zone) },
        score.period)),
      h('td', { class: 'number' }, formatNumber(score.composite)),
      h('td', { class: 'number' }, score.nationalRank ?? '—'),
      h('td', { class: 'number' }, score.regionRank ?? '—'),
      h('td', {}, score.flags.map(flag => h('span', { class: `tag tag-${flag}` }, t(`flag.${flag}`))))))));
}

/** A raw value with its unit; a derived indicator (computed from raw ones, no unit in the catalogue) says so. */
function rawValue(row, indicator) {
  if (row.availability !== 'PRESENT') {
    return t(`availability.${row.availability}`);
  }
  return indicator ? `${formatNumber(row.raw, 2)} ${unitLabel(indicator.unit)}` : t('zone.derived');
}

/** Each indicator's contribution to the composite, largest first; the contributions add up to the composite. */
function contributions(view, indicators) {
  const catalogue = Object.fromEntries(indicators.map(indicator => [indicator.code, indicator]));
  const rows = [...view.indicators].sort((a, b) => (b.compositeContribution ?? 0) - (a.compositeContribution ?? 0));
  const largest = Math.max(...rows.map(row => Math.abs(row.compositeContribution ?? 0)), 1e-9);
  const total = rows.reduce((sum, row) => sum + (row.compositeContribution ?? 0), 0);
  const revisions = view.sourceRevisions.map(source => t('zone.revision', source)).join(', ');
  const names = nodeNames(view.score.nodes);
  // where the indicator sits in the methodology's tree: its pillar, or the nodes above it from the top down
  const place = row => row.path.map(code => (names.has(code) ? localName(names.get(code)) : code)).join(' › ');
  return [
    h('p', { class: 'hint' }, t('zone.sources', { revisions })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'explanation-table' },
      h('caption', { class: 'visually-hidden' }, t('zone.explanation', { period: view.score.period })),
      h('thead', {}, h('tr', {}, ['zone.indicator', 'zone.pillar', 'zone.raw', 'zone.normalised', 'zone.contribution']
        .map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, rows.map(row => {
        const indicator = catalogue[row.indicator];
        return h('tr', { 'data-indicator': row.indicator },
          h('th', { scope: 'row' }, indicator ? localName(indicator) : tOr(`indicator.${row.indicator}`, row.indicator)),
          h('td', {}, place(row)),
          h('td', { class: 'number' }, rawValue(row, indicator)),
          h('td', { class: 'number' }, formatNumber(row.normalised)),
          h('td', { class: 'number contribution' },
            h('span', { class: 'bar' }, h('span', { class: 'bar-track', 'aria-hidden': 'true' },
              h('span', { class: 'bar-fill', style: `width:${Math.abs(row.compositeContribution ?? 0) / largest * 100}%` })),
            h('span', { class: 'bar-value' }, formatNumber(row.compositeContribution, 2)))));
      })),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '4' }, t('zone.total')),
        h('td', { class: 'number', id: 'explanation-total' }, formatNumber(total, 2)))))),
  ];
}
