// The 31 provinces as a tile grid (no drawn boundaries: a boundary map of China needs an approved base map), coloured
// by a chosen measure, and the period's timeliness per province.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { navigate, peerGroup, routeHash } from '../router.js';
import { PROVINCES } from '../provinces.js';
import { peerGroupControls, select } from './controls.js';

/** Each province's tile at [row, column], roughly where it lies: north at the top, the coast on the right. */
export const TILES = {
  230000: [0, 7], 150000: [1, 5], 110000: [1, 6], 220000: [1, 7],
  650000: [2, 0], 620000: [2, 2], 640000: [2, 3], 140000: [2, 4], 130000: [2, 5], 120000: [2, 6], 210000: [2, 7],
  630000: [3, 1], 610000: [3, 3], 410000: [3, 4], 370000: [3, 5],
  540000: [4, 0], 510000: [4, 2], 500000: [4, 3], 420000: [4, 4], 340000: [4, 5], 320000: [4, 6],
  530000: [5, 2], 520000: [5, 3], 430000: [5, 4], 360000: [5, 5], 330000: [5, 6], 310000: [5, 7],
  450000: [6, 3], 440000: [6, 4], 350000: [6, 5],
  460000: [7, 4],
};

const MEASURES = ['meanComposite', 'flagged', 'late'];
const MAX_PAGE = 500;

/**
 * Per province: mean composite of its ranked zones, zones with a warning or exit flag, and zones late or missing in
 * the period; null where the province has no such data.
 */
export function provinceMeasures(scores, timeliness) {
  const measures = Object.fromEntries(PROVINCES.map(code => [code, { meanComposite: null, flagged: null, late: null }]));
  const byProvince = {};
  scores.forEach(score => (byProvince[score.province] ??= []).push(score));
  for (const [code, zones] of Object.entries(byProvince)) {
    if (!measures[code]) {
      continue;
    }
    const ranked = zones.filter(zone => zone.ranked && Number.isFinite(zone.composite));
    measures[code].meanComposite = ranked.length
      ? ranked.reduce((sum, zone) => sum + zone.composite, 0) / ranked.length : null;
    measures[code].flagged = zones.filter(zone => zone.flags.some(flag => flag === 'WARNING'
      || flag === 'EXIT_CANDIDATE')).length;
  }
  timeliness.provinces.forEach(row => {
    if (measures[row.province]) {
      measures[row.province].late = row.counts.late + row.counts.missing;
    }
  });
  return measures;
}

/** Five shades from light to dark; text on the two darkest is white, so every tile keeps its contrast. */
const SHADES = ['#deebf7', '#b3d1ec', '#6aa3d5', '#2b6cb0', '#153e75'];

export function shadeIndex(value, min, max) {
  if (value === null) {
    return -1;
  }
  if (max === min) {
    return 2;
  }
  return Math.min(4, Math.floor(((value - min) / (max - min)) * 5));
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  const measure = MEASURES.includes(route.params.get('measure')) ? route.params.get('measure') : MEASURES[0];
  const map = h('section', { 'aria-labelledby': 'map-heading' });
  const timeliness = h('section', { 'aria-labelledby': 'timeliness-heading' });
  main.append(
    h('h1', {}, t('provinces.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('provinces', route, group, { measure }),
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('measure', 'provinces.measure', MEASURES.map(m => [m, t(`provinces.${m}`)]), measure,
        value => navigate('provinces', { ...group, measure: value }))),
    h('h2', { id: 'map-heading' }, t(`provinces.${measure}`)), map,
    h('h2', { id: 'timeliness-heading' }, t('provinces.timeliness', { period: group.period })), timeliness);
  const data = Promise.all([allScores(group), apiGet('/timeliness', { period: group.period })]);
  await Promise.all([
    fill(map, () => data, ([scores, view]) => tileMap(provinceMeasures(scores, view), measure, group)),
    fill(timeliness, () => data.then(([, view]) => view), view => timelinessTable(view)),
  ]);
}

async function allScores(group) {
  const first = await apiGet('/scores', { ...group, size: MAX_PAGE });
  const items = [...first.items];
  for (let page = 1; page * MAX_PAGE < first.total; page++) {
    items.push(...(await apiGet('/scores', { ...group, size: MAX_PAGE, page })).items);
  }
  return items;
}

function tileMap(measures, measure, group) {
  const values = Object.values(measures).map(m => m[measure]).filter(value => value !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const digits = measure === 'meanComposite' ? 1 : 0;
  const grid = h('ul', { class: 'tile-map', id: 'tile-map' }, PROVINCES.map(code => {
    const value = measures[code][measure];
    const shade = shadeIndex(value, min, max);
    const [row, column] = TILES[code];
    return h('li', { style: `grid-row:${row + 1};grid-column:${column + 1}` },
      h('a', {
        class: `tile${shade >= 3 ? ' tile-dark' : ''}${shade < 0 ? ' tile-none' : ''}`, 'data-province': code,
        style: shade >= 0 ? `background:${SHADES[shade]}` : null,
        href: routeHash('ranking', { ...group, province: code }),
      }, h('span', { class: 'tile-name' }, t(`province.${code}`)),
      h('span', { class: 'tile-value' }, value === null ? '—' : formatNumber(value, digits))));
  }));
  const legend = h('p', { class: 'hint' }, values.length
    ? t('provinces.legend', { min: formatNumber(min, digits), max: formatNumber(max, digits) }) : t('provinces.noData'));
  return [legend, grid];
}

function timelinessTable(view) {
  const rows = view.provinces.filter(row => row.counts.expected > 0);
  if (rows.length === 0) {
    return empty('provinces.noTimeliness');
  }
  const columns = ['expected', 'submitted', 'onTime', 'late', 'missing'];
  return [
    h('p', { class: 'hint' }, t('provinces.deadline', { deadline: view.deadline })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'timeliness-table' },
      h('caption', { class: 'visually-hidden' }, t('provinces.timeliness', { period: view.period })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('score.province')),
        columns.map(column => h('th', { scope: 'col' }, t(`timeliness.${column}`))))),
      h('tbody', {}, rows.map(row => h('tr', { 'data-province': row.province },
        h('th', { scope: 'row' }, t(`province.${row.province}`)),
        columns.map(column => h('td', { class: 'number' }, String(row.counts[column])))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('provinces.total')),
        columns.map(column => h('td', { class: 'number' }, String(view.total[column]))))))),
  ];
}
