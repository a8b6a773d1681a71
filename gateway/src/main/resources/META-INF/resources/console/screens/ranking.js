// The ranking of a peer group: one page at a time from the API, filtered by region and province there; sorting and
// the name search work on the page shown.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, localName, t } from '../i18n.js';
import { navigate, peerGroup, routeHash } from '../router.js';
import { PILLARS } from '../charts.js';
import { peerGroupControls, select } from './controls.js';
import { REGIONS } from './overview.js';
import { PROVINCES } from '../provinces.js';

const PAGE_SIZE = 50;

/** How each sortable column reads a row; text columns compare in the current language's order. */
const COLUMNS = {
  nationalRank: score => score.nationalRank ?? Infinity,
  name: score => localName(score),
  composite: score => score.composite ?? -Infinity,
  ...Object.fromEntries(PILLARS.map(pillar => [pillar, score => score.pillars?.[pillar] ?? -Infinity])),
  regionRank: score => score.regionRank ?? Infinity,
  coverage: score => score.coverage ?? 0,
};

/** Rows sorted by a column, ascending or descending; ties keep the API's order. */
export function sortRows(rows, column, descending) {
  const read = COLUMNS[column];
  return [...rows].sort((a, b) => {
    const x = read(a);
    const y = read(b);
    const order = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return descending ? -order : order;
  });
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  const region = REGIONS.includes(route.params.get('region')) ? route.params.get('region') : '';
  const province = PROVINCES.includes(route.params.get('province')) ? route.params.get('province') : '';
  const page = Math.max(0, Number.parseInt(route.params.get('page') ?? '0', 10) || 0);
  const filters = { region, province };
  const go = change => navigate('ranking', { ...group, ...filters, page, ...change });
  const table = h('section', { 'aria-labelledby': 'ranking-heading' });
  main.append(
    h('h1', { id: 'ranking-heading' }, t('ranking.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('ranking', route, group, filters),
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('region', 'control.region', [['', t('control.all')], ...REGIONS.map(r => [r, t(`region.${r}`)])], region,
        value => go({ region: value, page: 0 })),
      select('province', 'control.province', [['', t('control.all')],
        ...PROVINCES.map(p => [p, t(`province.${p}`)])], province, value => go({ province: value, page: 0 })),
      h('div', { class: 'field' }, h('label', { for: 'search' }, t('control.search')),
        h('input', { id: 'search', type: 'search', autocomplete: 'off' }))),
    table);
  await fill(table, () => apiGet('/scores', { ...group, ...filters, page, size: PAGE_SIZE }),
    ranking => rankingTable(ranking, group, page, go));
}

function rankingTable(ranking, group, page, go) {
  if (ranking.items.length === 0) {
    return empty('ranking.empty');
  }
  let sort = { column: 'nationalRank', descending: false };
  const body = h('tbody');
  const search = document.getElementById('search');
  const header = h('tr');
  const draw = () => {
    const needle = search.value.trim().toLowerCase();
    const rows = sortRows(ranking.items, sort.column, sort.descending)
      .filter(score => !needle || localName(score).toLowerCase().includes(needle) || score.zone.toLowerCase().includes(needle));
    body.replaceChildren(...rows.map(score => row(score, group)));
    header.replaceChildren(...headerCells(sort, column => {
      sort = { column, descending: sort.column === column ? !sort.descending : column !== 'nationalRank'
        && column !== 'regionRank' && column !== 'name' };
      draw();
    }));
    status.textContent = t('ranking.shown', { shown: rows.length, total: ranking.total });
  };
  const status = h('p', { class: 'hint', role: 'status', id: 'ranking-status' });
  search.addEventListener('input', draw);
  const pages = Math.ceil(ranking.total / PAGE_SIZE);
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'ranking-table' },
    h('caption', { class: 'visually-hidden' }, t('ranking.caption')), h('thead', {}, header), body));
  const pager = h('nav', { class: 'pager', 'aria-label': t('ranking.pages') },
    h('button', { type: 'button', class: 'button secondary', disabled: page === 0, onclick: () => go({ page: page - 1 }) },
      t('ranking.previous')),
    h('span', {}, t('ranking.page', { page: page + 1, pages })),
    h('button', { type: 'button', class: 'button secondary', disabled: page + 1 >= pages,
      onclick: () => go({ page: page + 1 }) }, t('ranking.next')));
  draw();
  return [status, table, pager];
}

function headerCells(sort, onSort) {
  const sortable = (column, label) => h('th', {
    scope: 'col', 'aria-sort': sort.column === column ? (sort.descending ? 'descending' : 'ascending') : null,
  }, h('button', { type: 'button', class: 'sort', 'data-column': column, onclick: () => onSort(column) }, label));
  return [
    sortable('nationalRank', t('score.nationalRank')),
    sortable('name', t('score.zone')),
    h('th', { scope: 'col' }, t('score.province')),
    sortable('composite', t('score.composite')),
    ...PILLARS.map(pillar => sortable(pillar, t(`pillar.${pillar}`))),
    sortable('regionRank', t('score.regionRank')),
    sortable('coverage', t('score.coverage')),
    h('th', { scope: 'col' }, t('score.flags')),
  ];
}

function row(score, group) {
  return h('tr', { 'data-zone': score.zone },
    h('td', { class: 'number' }, score.nationalRank ?? '—'),
    h('th', { scope: 'row' }, h('a', { href: routeHash('zone', group, score.zone) }, localName(score))),
    h('td', {}, t(`province.${score.province}`)),
    h('td', { class: 'number composite' }, formatNumber(score.composite)),
    ...PILLARS.map(pillar => h('td', { class: 'bar-cell' }, bar(score.pillars?.[pillar]))),
    h('td', { class: 'number' }, score.regionRank ?? '—'),
    h('td', { class: 'number' }, `${formatNumber((score.coverage ?? 0) * 100, 0)}%`),
    h('td', {}, score.flags.map(flag => h('span', { class: `tag tag-${flag}` }, t(`flag.${flag}`)))));
}

/** A pillar score as a small bar with its number beside it. */
function bar(value) {
  const width = Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : 0;
  return h('span', { class: 'bar' },
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `width:${width}%` })),
    h('span', { class: 'bar-value' }, formatNumber(value, 0)));
}
