// Up to four zones of one zone type side by side: their scores of the methodology's top-level nodes on one radar with the peer group's median, their
// composite and ranks in a table, and their composite over the years. The zones chosen are kept in the address
// (zones=A,B,…), so a comparison can be shared as a link.

import { apiGet } from '../api.js';
import { empty, fill, h } from '../dom.js';
import { formatNumber, localName, t } from '../i18n.js';
import { navigate, peerGroup, PERIODS, routeHash } from '../router.js';
import { compositeLinesOption, drawChart, median, partsOption } from '../charts.js';
import { nodeScore, topNodes } from '../nodes.js';
import { peerGroupControls, select } from './controls.js';

export const MAX_ZONES = 4;
const MAX_PAGE = 500;

/** The zone codes of the address, in order and without repeats. */
export function chosenZones(params) {
  return [...new Set((params.get('zones') ?? '').split(',').map(code => code.trim()).filter(Boolean))];
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  const asked = chosenZones(route.params);
  const zones = asked.slice(0, MAX_ZONES);
  const go = codes => navigate('compare', { ...group, zones: codes.join(',') });
  const chooser = h('section', { 'aria-labelledby': 'compare-choice-heading' });
  const radar = h('section', { 'aria-labelledby': 'compare-radar-heading' });
  const table = h('section', { 'aria-labelledby': 'compare-table-heading' });
  const history = h('section', { 'aria-labelledby': 'compare-history-heading' });
  main.append(h('h1', {}, t('compare.title', { zoneType: t(`zoneType.${group.zoneType}`) })),
    peerGroupControls('compare', route, group, { zones: zones.join(',') }),
    h('h2', { id: 'compare-choice-heading', class: 'visually-hidden' }, t('compare.choice')), chooser,
    h('h2', { id: 'compare-radar-heading' }, t('compare.pillars', { period: group.period })), radar,
    h('h2', { id: 'compare-table-heading' }, t('compare.scores', { period: group.period })), table,
    h('h2', { id: 'compare-history-heading' }, t('compare.history')), history);
  const peers = apiGet('/scores', { ...group, size: MAX_PAGE });
  await Promise.all([
    fill(chooser, () => peers, ranking => {
      const known = Object.fromEntries(ranking.items.map(score => [score.zone, score]));
      return zoneChooser(ranking.items, zones, asked, zones.filter(code => !known[code]), group, go);
    }),
    fill(radar, () => peers, ranking => compareRadar(chosenScores(ranking, zones), ranking)),
    fill(table, () => peers, ranking => compareTable(chosenScores(ranking, zones), ranking, group)),
    fill(history, async () => {
      const codes = chosenScores(await peers, zones).map(score => score.zone);
      return [codes, await Promise.all(codes.map(code => apiGet(`/scores/${encodeURIComponent(code)}`)))];
    }, ([codes, histories]) => compositeHistory(histories, codes)),
  ]);
}

/** The scores of the chosen zones that are in the peer group's ranking, in the order chosen. */
function chosenScores(ranking, zones) {
  return zones.map(code => ranking.items.find(score => score.zone === code)).filter(Boolean);
}

/**
 * The zones chosen, each removable, and a zone of the peer group to add: a fifth is refused with a message, and so is
 * a zone of the address that is not in this zone type's scores of the year.
 */
function zoneChooser(peers, zones, asked, unknown, group, go) {
  const message = h('div', { id: 'compare-message', 'aria-live': 'polite' });
  const refuse = text => message.replaceChildren(h('p', { class: 'notice', role: 'alert' }, text));
  const names = Object.fromEntries(peers.map(score => [score.zone, localName(score)]));
  const candidates = [...peers].filter(score => !zones.includes(score.zone))
    .sort((a, b) => localName(a).localeCompare(localName(b)));
  let picked = candidates[0]?.zone ?? '';
  const add = () => {
    if (zones.length >= MAX_ZONES) {
      refuse(t('compare.tooMany', { max: MAX_ZONES }));
    } else if (picked) {
      go([...zones, picked]);
    }
  };
  if (asked.length > MAX_ZONES) {
    refuse(t('compare.tooMany', { max: MAX_ZONES }));
  }
  if (unknown.length) {
    message.append(h('p', { class: 'notice', role: 'alert' }, t('compare.notInGroup', {
      zones: unknown.join(', '), zoneType: t(`zoneType.${group.zoneType}`), period: group.period })));
  }
  return [
    zones.length === 0 ? empty('compare.none') : h('ul', { class: 'chosen-zones', id: 'compare-chosen' },
      zones.map(code => h('li', { 'data-zone': code },
        h('a', { href: routeHash('zone', group, code) }, names[code] ?? code), ' ',
        h('button', { type: 'button', class: 'link-button', 'data-remove': code,
          'aria-label': t('compare.removeZone', { zone: names[code] ?? code }),
          onclick: () => go(zones.filter(other => other !== code)) }, t('compare.remove'))))),
    h('form', { class: 'controls', onsubmit: event => { event.preventDefault(); add(); } },
      select('compare-zone', 'compare.zone', candidates.map(score => [score.zone, localName(score)]), picked,
        code => { picked = code; }),
      h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button', id: 'compare-add' },
        t('compare.add')))),
    h('p', { class: 'hint' }, t('compare.hint', { max: MAX_ZONES })),
    message,
  ];
}

function compareRadar(scores, ranking) {
  if (scores.length === 0) {
    return empty('compare.none');
  }
  const nodes = topNodes(ranking.items);
  const ranked = ranking.items.filter(peer => peer.ranked);
  const medians = nodes.map(node => median(ranked.map(peer => nodeScore(peer, node.code))));
  const element = h('div', { class: 'chart', id: 'compare-radar', role: 'img', 'aria-label': t('compare.radarAlt', {
    zones: scores.map(score => `${localName(score)}: ${nodes.map(node =>
      `${localName(node)} ${formatNumber(nodeScore(score, node.code))}`).join(', ')}`).join('; '),
  }) });
  drawChart(element, partsOption(nodes.map(localName),
    scores.map(score => ({ name: localName(score), values: nodes.map(node => nodeScore(score, node.code)) })),
    { name: t('zone.median'), values: medians }));
  return element;
}

function compareTable(scores, ranking, group) {
  if (scores.length === 0) {
    return empty('compare.none');
  }
  const nodes = topNodes(ranking.items);
  const columns = [...['score.composite', 'score.nationalRank', 'score.regionRank'].map(key => t(key)),
    ...nodes.map(localName), t('score.flags')];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'compare-table' },
    h('caption', { class: 'visually-hidden' }, t('compare.scores', { period: group.period })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('score.zone')),
      columns.map(label => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, scores.map(score => h('tr', { 'data-zone': score.zone },
      h('th', { scope: 'row' }, h('a', { href: routeHash('zone', group, score.zone) }, localName(score))),
      h('td', { class: 'number', 'data-column': 'composite' }, formatNumber(score.composite)),
      h('td', { class: 'number', 'data-column': 'nationalRank' }, score.nationalRank ?? '—'),
      h('td', { class: 'number', 'data-column': 'regionRank' }, score.regionRank ?? '—'),
      nodes.map(node => h('td', { class: 'number', 'data-column': `node:${node.code}` },
        formatNumber(nodeScore(score, node.code)))),
      h('td', {}, score.flags.map(flag => h('span', { class: `tag tag-${flag}` }, t(`flag.${flag}`)))))))));
}

/** Each zone's composite over the years, as lines and as a table (the table is what a screen reader reads). */
function compositeHistory(histories, zones) {
  if (zones.length === 0) {
    return empty('compare.none');
  }
  const periods = [...PERIODS].reverse();
  const rows = histories.map((scores, i) => ({
    zone: zones[i],
    name: scores[0] ? localName(scores[0]) : zones[i],
    composites: periods.map(period => scores.find(score => score.period === period)?.composite ?? null),
  }));
  const element = h('div', { class: 'chart', id: 'compare-lines', 'aria-hidden': 'true' });
  drawChart(element, compositeLinesOption(periods, rows.map(row => ({ name: row.name, values: row.composites })),
    t('score.composite')));
  return [element, h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'compare-history' },
    h('caption', { class: 'visually-hidden' }, t('compare.history')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('score.zone')),
      periods.map(period => h('th', { scope: 'col' }, period)))),
    h('tbody', {}, rows.map(row => h('tr', { 'data-zone': row.zone }, h('th', { scope: 'row' }, row.name),
      row.composites.map((composite, i) => h('td', { class: 'number', 'data-period': periods[i] },
        formatNumber(composite))))))))];
}
