// The ranking of a peer group: one page at a time from the API, which filters by region, province and name search and
// sorts across the whole table, so every page shows what the whole ranking holds. Sort, search and page stay in the
// URL; changing them redraws the table only, so the search box keeps its focus while one types.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { currentLanguage, formatNumber, localName, t } from '../i18n.js';
import { navigate, peerGroup, routeHash } from '../router.js';
import { PILLARS } from '../charts.js';
import { nodeScore, topNodes } from '../nodes.js';
import { basisControl, basisLine, chosenBasis, peerGroupControls, select } from './controls.js';
import { REGIONS } from './overview.js';
import { PROVINCES } from '../provinces.js';
import { downloadGroup } from '../downloads.js';
import { currentSession, hasRole } from '../session.js';

const PAGE_SIZE = 50;
/** Waits this long after the last keystroke before searching. */
const SEARCH_DELAY_MS = 250;

/**
 * The API's sort column of each sortable table column; ranks and names start ascending, scores descending. The name
 * column sorts by the name shown: Chinese (by pinyin) or English. A column of a top-level node of the methodology is
 * named as the API's sort by it, node:CODE.
 */
const COLUMNS = {
  nationalRank: { sort: () => 'rank', descendingFirst: false },
  name: { sort: () => (currentLanguage() === 'en' ? 'nameEn' : 'name'), descendingFirst: false },
  composite: { sort: () => 'composite', descendingFirst: true },
  regionRank: { sort: () => 'regionRank', descendingFirst: false },
  coverage: { sort: () => 'coverage', descendingFirst: true },
};

function columnDefinition(column) {
  return column.startsWith('node:') ? { sort: () => column, descendingFirst: true } : COLUMNS[column];
}

/**
 * The table column and direction an API sort value stands for; the national order when it stands for none. The
 * plan's pillar names (economy, …) stand for their nodes' columns.
 */
export function columnOf(sort) {
  const descending = (sort ?? '').startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const column = name?.startsWith('node:') ? name
    : PILLARS.includes(name) ? `node:${name.toUpperCase()}`
      : Object.keys(COLUMNS).find(key => COLUMNS[key].sort() === name || (key === 'name' && name?.startsWith('name')));
  return column ? { column, descending } : { column: 'nationalRank', descending: false };
}

/** The API sort value after a click on a column: the other direction on the sorted column, else its first one. */
export function sortAfterClick(current, column) {
  const { column: sorted, descending } = columnOf(current);
  const definition = columnDefinition(column);
  const nextDescending = sorted === column ? !descending : definition.descendingFirst;
  return `${nextDescending ? '-' : ''}${definition.sort()}`;
}

/**
 * A zone's move against the previous period: places gained (up), lost (down), the same, new (ranked now and not then)
 * or none (not ranked now).
 */
export function rankChange(score) {
  if (score.nationalRank === null || score.nationalRank === undefined) {
    return { kind: 'none' };
  }
  if (score.previousRank === null || score.previousRank === undefined) {
    return { kind: 'new' };
  }
  const places = score.previousRank - score.nationalRank;
  return places > 0 ? { kind: 'up', places } : places < 0 ? { kind: 'down', places: -places } : { kind: 'same' };
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  const region = REGIONS.includes(route.params.get('region')) ? route.params.get('region') : '';
  const province = PROVINCES.includes(route.params.get('province')) ? route.params.get('province') : '';
  // the basis (official / preliminary) is a filter like the others: in the URL, the score call and the files
  const filters = { region, province, basis: chosenBasis(route.params, province) };
  const state = {
    sort: route.params.get('sort') ?? '',
    q: route.params.get('q') ?? '',
    page: Math.max(0, Number.parseInt(route.params.get('page') ?? '0', 10) || 0),
  };
  const go = change => navigate('ranking', { ...group, ...filters, ...state, ...change });
  const table = h('section', { 'aria-labelledby': 'ranking-heading' });
  let requests = 0;
  let searching;
  const show = async change => {
    Object.assign(state, change);
    // the URL remembers the view without a new history entry per keystroke or page
    history.replaceState(null, '', routeHash('ranking', { ...group, ...filters, ...state }));
    const ticket = ++requests;
    await fill(table, () => apiGet('/scores', { ...group, ...filters, sort: state.sort, q: state.q.trim(),
      page: state.page, size: PAGE_SIZE }),
    // an answer overtaken by a later request leaves the section as the later one left it
    ranking => (ticket === requests ? [basisLine(ranking), rankingTable(ranking, group, state, show)].flat()
      : [...table.childNodes]));
  };
  const search = h('input', { id: 'search', type: 'search', autocomplete: 'off', value: state.q,
    'aria-describedby': 'search-hint', oninput: event => {
      clearTimeout(searching);
      searching = setTimeout(() => show({ q: event.target.value, page: 0 }), SEARCH_DELAY_MS);
    } });
  main.append(
    h('h1', { id: 'ranking-heading' }, t('ranking.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('ranking', route, group, filters),
    h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
      select('region', 'control.region', [['', t('control.all')], ...REGIONS.map(r => [r, t(`region.${r}`)])], region,
        value => go({ region: value, page: 0 })),
      select('province', 'control.province', [['', t('control.all')],
        ...PROVINCES.map(p => [p, t(`province.${p}`)])], province, value => go({ province: value, page: 0 })),
      filters.basis ? basisControl(filters.basis, value => go({ basis: value, page: 0 })) : null,
      h('div', { class: 'field' }, h('label', { for: 'search' }, t('control.search')), search,
        h('p', { class: 'hint', id: 'search-hint' }, t('rankingSearch.hint')))),
    ...rankingFiles(group, filters),
    table);
  await show({});
}

/**
 * The shown peer group and period as files (the filters narrow the rows, the ranks stay the whole table's), and the
 * report cards of a province as one zip: the filtered province, or a submitter's own; a submitter gets no other.
 */
function rankingFiles(group, filters) {
  const query = { ...group, ...filters };
  const name = `ranking-${group.zoneType}-${group.period}`;
  const exports = downloadGroup('ranking-export', t('export.ranking'), [
    { id: 'export-csv', label: t('export.csv'), path: '/exports/rankings', params: { ...query, format: 'csv' },
      fallbackName: `${name}.csv` },
    { id: 'export-xlsx', label: t('export.xlsx'), path: '/exports/rankings', params: { ...query, format: 'xlsx' },
      fallbackName: `${name}.xlsx` },
    { id: 'export-csv-bom', label: t('export.csvBom'), path: '/exports/rankings',
      params: { ...query, format: 'csv', bom: 'true' }, fallbackName: `${name}.csv` },
    { id: 'export-sdmx', label: t('export.sdmx'), path: '/exports/rankings', params: { ...query, format: 'sdmx-csv' },
      fallbackName: `${name}-sdmx.csv` },
  ]);
  const own = currentSession().caller.province;
  const province = hasRole('analyst', 'admin') ? filters.province : (filters.province || own) === own ? own : '';
  if (!province) {
    return [exports];
  }
  return [exports, downloadGroup('report-cards', t('reportCard.files'), [
    { id: 'report-cards-zip', label: t('reportCard.province', { province: t(`province.${province}`) }),
      path: '/report-cards', params: { province, period: group.period },
      fallbackName: `report-cards-${province}-${group.period}.zip` },
  ])];
}

function rankingTable(ranking, group, state, show) {
  const status = h('p', { class: 'hint', role: 'status', id: 'ranking-status' },
    t('ranking.shown', { shown: ranking.items.length, total: ranking.total }));
  if (ranking.items.length === 0) {
    return [status, empty('ranking.empty')];
  }
  const pages = Math.ceil(ranking.total / PAGE_SIZE);
  const nodes = topNodes(ranking.items);
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'ranking-table' },
    h('caption', { class: 'visually-hidden' }, t('ranking.caption')),
    h('thead', {}, h('tr', {}, headerCells(columnOf(state.sort), group, nodes,
      column => show({ sort: sortAfterClick(state.sort, column), page: 0 })))),
    h('tbody', {}, ranking.items.map(score => row(score, group, nodes)))));
  const pager = h('nav', { class: 'pager', 'aria-label': t('ranking.pages') },
    h('button', { type: 'button', class: 'button secondary', disabled: state.page === 0,
      onclick: () => show({ page: state.page - 1 }) }, t('ranking.previous')),
    h('span', {}, t('ranking.page', { page: state.page + 1, pages })),
    h('button', { type: 'button', class: 'button secondary', disabled: state.page + 1 >= pages,
      onclick: () => show({ page: state.page + 1 }) }, t('ranking.next')));
  return [status, table, pager];
}

function headerCells(sort, group, nodes, onSort) {
  const sortable = (column, label) => h('th', {
    scope: 'col', 'aria-sort': sort.column === column ? (sort.descending ? 'descending' : 'ascending') : null,
  }, h('button', { type: 'button', class: 'sort', 'data-column': column, onclick: () => onSort(column) }, label));
  return [
    sortable('nationalRank', t('score.nationalRank')),
    h('th', { scope: 'col' }, h('abbr', { title: t('rankChange.title', { period: Number(group.period) - 1 }) },
      t('rankChange.heading'))),
    sortable('name', t('score.zone')),
    h('th', { scope: 'col' }, t('score.province')),
    sortable('composite', t('score.composite')),
    ...nodes.map(node => sortable(`node:${node.code}`, localName(node))),
    sortable('regionRank', t('score.regionRank')),
    sortable('coverage', t('score.coverage')),
    h('th', { scope: 'col' }, t('score.flags')),
  ];
}

/** ▲3, ▼2, = or "new" as seen, with the same in words for screen readers. */
function changeCell(score) {
  const change = rankChange(score);
  if (change.kind === 'none') {
    return h('td', { class: 'rank-change' }, '—');
  }
  const seen = { up: `▲${change.places}`, down: `▼${change.places}`, same: '=', new: t('rankChange.new') }[change.kind];
  return h('td', { class: `rank-change rank-${change.kind}`, 'data-change': change.kind === 'up' ? change.places
    : change.kind === 'down' ? -change.places : change.kind === 'same' ? 0 : 'new' },
  h('span', { 'aria-hidden': 'true' }, seen),
  h('span', { class: 'visually-hidden' }, t(`rankChange.${change.kind}Said`, { places: change.places })));
}

function row(score, group, nodes) {
  return h('tr', { 'data-zone': score.zone },
    h('td', { class: 'number' }, score.nationalRank ?? '—'),
    changeCell(score),
    h('th', { scope: 'row' }, h('a', { href: routeHash('zone', group, score.zone) }, localName(score))),
    h('td', {}, t(`province.${score.province}`)),
    h('td', { class: 'number composite' }, formatNumber(score.composite)),
    ...nodes.map(node => h('td', { class: 'bar-cell' }, bar(nodeScore(score, node.code)))),
    h('td', { class: 'number' }, score.regionRank ?? '—'),
    h('td', { class: 'number' }, `${formatNumber((score.coverage ?? 0) * 100, 0)}%`),
    h('td', {}, score.flags.map(flag => h('span', { class: `tag tag-${flag}` }, t(`flag.${flag}`)))));
}

/** A node's score as a small bar with its number beside it. */
function bar(value) {
  const width = Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : 0;
  return h('span', { class: 'bar' },
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `width:${width}%` })),
    h('span', { class: 'bar-value' }, formatNumber(value, 0)));
}
