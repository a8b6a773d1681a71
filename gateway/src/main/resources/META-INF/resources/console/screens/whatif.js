// What-if: the active methodology with other weights or normalisations, scored on the peer group's data by
// POST /evaluations/simulate, shown as every zone's rank move; administrators can adopt it as the next version.

import { apiGet, apiPost, ApiProblem } from '../api.js';
import { empty, fill, h, problemBox } from '../dom.js';
import { formatNumber, localName, t, tOr } from '../i18n.js';
import { navigate, peerGroup } from '../router.js';
import { hasRole } from '../session.js';
import { drawChart, rankSlopeOption } from '../charts.js';
import { peerGroupControls } from './controls.js';

const NORMALISATIONS = ['MINMAX', 'GOALPOST', 'ZSCORE', 'TARGET', 'EFFICACY', 'RANK'];
const MAX_PAGE = 500;
/** How many input calls run at once while the data set is gathered. */
const PARALLEL = 8;
const MOVERS = 10;

/** Every zone's national rank before and after, largest move first; a move is positive when the zone climbs. */
export function rankMoves(before, after) {
  const newRanks = new Map(after.zones.map(zone => [zone.zone, zone.nationalRank ?? null]));
  return before.zones.map(zone => {
    const oldRank = zone.nationalRank ?? null;
    const newRank = newRanks.get(zone.zone) ?? null;
    const move = oldRank !== null && newRank !== null ? oldRank - newRank : 0;
    return { zone: zone.zone, oldRank, newRank, move };
  }).sort((a, b) => Math.abs(b.move) - Math.abs(a.move) || (a.oldRank ?? Infinity) - (b.oldRank ?? Infinity));
}

function indicatorRequest(indicator) {
  return { ...indicator, parameters: { ...indicator.parameters } };
}

/** A node of a tree as the API takes it (NodeRequest), with copies of its nodes and indicators. */
function nodeRequest(node) {
  return {
    code: node.code,
    name: node.name,
    nameEn: node.nameEn,
    weight: node.weight,
    aggregation: node.aggregation,
    nodes: (node.nodes ?? []).map(nodeRequest),
    indicators: (node.indicators ?? []).map(indicatorRequest),
  };
}

/** Whether a methodology is given as a tree (nodes) rather than as the plan's five pillars. */
function isTree(methodology) {
  return (methodology.nodes ?? []).length > 0;
}

/**
 * The methodology as the API takes it (MethodologyRequest), from the stored one with the weights chosen here: its five
 * pillars or its tree, and its zero rule, imputation and flag rules as stored, so that a run differs from the stored
 * scores by what was changed here only.
 */
export function methodologyRequest(stored) {
  return {
    id: stored.id,
    zoneType: stored.zoneType,
    compositeAggregation: stored.compositeAggregation,
    regionGrouping: stored.regionGrouping,
    zeroRule: stored.zeroRule ? { ...stored.zeroRule } : null,
    imputation: stored.imputation ?? null,
    flagRules: stored.flagRules ? structuredClone(stored.flagRules) : null,
    ...(isTree(stored) ? { nodes: stored.nodes.map(nodeRequest) } : {
      pillars: stored.pillars.map(pillar => ({
        code: pillar.code,
        weight: pillar.weight,
        aggregation: pillar.aggregation,
        indicators: pillar.indicators.map(indicatorRequest),
      })),
    }),
  };
}

/** How many indicators a node holds at any depth. */
function indicatorCount(node) {
  return (node.indicators ?? []).length + (node.nodes ?? []).reduce((sum, child) => sum + indicatorCount(child), 0);
}

export async function render(main, route) {
  const group = peerGroup(route.params);
  main.append(h('h1', { id: 'whatif-heading' },
    t('whatif.title', { period: group.period, zoneType: t(`zoneType.${group.zoneType}`) })));
  if (!hasRole('analyst', 'admin')) {
    main.append(problemBox(new ApiProblem(403, {}, null)));
    return;
  }
  const editor = h('section', { 'aria-labelledby': 'whatif-methodology-heading' });
  const results = h('section', { 'aria-labelledby': 'whatif-results-heading', id: 'whatif-results' });
  main.append(peerGroupControls('whatif', route, group),
    h('h2', { id: 'whatif-methodology-heading' }, t('whatif.methodology')), editor,
    h('h2', { id: 'whatif-results-heading' }, t('whatif.results')), results);
  results.append(h('p', { class: 'hint' }, t('whatif.notRun')));
  await fill(editor, () => Promise.all([activeMethodology(group.zoneType), apiGet('/indicators')]),
    ([active, indicators]) => active
      ? methodologyForm(active, new Map(indicators.map(indicator => [indicator.code, indicator])), group, results)
      : empty('whatif.noMethodology'));
}

async function activeMethodology(zoneType) {
  const versions = await apiGet('/methodologies');
  return versions.find(version => version.zoneType === zoneType && version.active) ?? null;
}

/** The sliders and choices, the run button and (for administrators) saving as the next version. */
function methodologyForm(active, indicators, group, results) {
  const changed = methodologyRequest(active.methodology);
  const problems = new Map();
  const problemAt = field => {
    const element = h('p', { class: 'field-problem', id: `problem-${field.replace(/\W+/g, '-')}`, hidden: true });
    problems.set(field, element);
    return element;
  };
  // the top-level parts: the plan's five pillars, or the top-level nodes of a tree
  const tree = isTree(changed);
  const parts = tree ? changed.nodes : changed.pillars;
  const partName = part => (tree ? localName(part) : t(`pillar.${part.code.toLowerCase()}`));
  const pillarShares = [];
  const drawShares = () => {
    const total = parts.reduce((sum, part) => sum + part.weight, 0);
    pillarShares.forEach((output, i) => {
      output.textContent = t('whatif.share', { weight: parts[i].weight,
        share: formatNumber(total > 0 ? parts[i].weight / total * 100 : 0) });
    });
  };
  const pillars = parts.map((pillar, p) => {
    const at = `${tree ? 'nodes' : 'pillars'}[${p}]`;
    const field = `${at}.weight`;
    return h('fieldset', { class: 'pillar' },
      h('legend', {}, partName(pillar)),
      weightSlider(pillar, t('whatif.pillarWeight'), pillarShares, drawShares),
      problemAt(field),
      h('details', {},
        h('summary', {}, t('whatif.indicators', { count: indicatorCount(pillar) })),
        partRows(pillar, at, partName(pillar), indicators, problemAt)));
  });
  drawShares();
  const run = h('button', { type: 'submit', class: 'button', id: 'whatif-run' }, t('whatif.run'));
  const save = hasRole('admin')
    ? h('button', { type: 'button', class: 'button secondary', id: 'whatif-save', disabled: true }, t('whatif.save'))
    : null;
  let baseline = null;
  let dataSet = null;
  let lastRun = null;
  const form = h('form', {
    class: 'whatif', onsubmit: async event => {
      event.preventDefault();
      run.disabled = true;
      problems.forEach(element => { element.hidden = true; });
      try {
        await fill(results, async () => {
          dataSet = dataSet ?? await peerGroupData(group);
          baseline = baseline ?? await apiPost('/evaluations/simulate', { methodologyKey: active.key, ...dataSet.body });
          const sent = methodologyRequest(changed);
          try {
            const after = await apiPost('/evaluations/simulate', { methodology: sent, ...dataSet.body });
            lastRun = { sent, moves: rankMoves(baseline, after) };
            return lastRun;
          } catch (problem) {
            lastRun = null;
            if (!showAtControls(problem, problems)) {
              throw problem;
            }
            return h('p', { class: 'hint' }, t('whatif.fixProblems'));
          }
        }, outcome => outcome instanceof Node ? outcome : movesView(outcome.moves, dataSet.names));
      } finally {
        run.disabled = false;
        if (save) {
          save.disabled = !lastRun;
        }
      }
    },
  },
  h('p', { class: 'hint' }, t('whatif.intro', { key: active.key })),
  h('p', { class: 'hint' }, t('whatif.normalised')),
  h('div', { class: 'pillars' }, pillars),
  h('div', { class: 'controls' }, run, save));
  if (save) {
    save.addEventListener('click', () => confirmSave(active, lastRun, dataSet.names, group, saved => {
      // the saved version is the new baseline: the form starts again from it
      form.replaceWith(h('div', { class: 'notice', role: 'status', id: 'whatif-saved' },
        h('p', {}, t('whatif.saved', { key: saved.key })),
        h('button', { type: 'button', class: 'button secondary', onclick: () => navigate('whatif', group) },
          t('whatif.startAgain'))));
    }));
  }
  return form;
}

/**
 * A node's weight slider (0–100) with its share beside it: the output joins the siblings' outputs, and moving the slider
 * redraws all their shares.
 */
function weightSlider(node, label, shares, drawShares) {
  const output = h('output', { for: `weight-${node.code}`, id: `share-${node.code}` });
  shares.push(output);
  return h('div', { class: 'slider' },
    h('label', { for: `weight-${node.code}` }, label),
    h('input', { type: 'range', id: `weight-${node.code}`, min: 0, max: 100, step: 1, value: node.weight,
      'aria-describedby': `share-${node.code}`,
      oninput: event => { node.weight = Number(event.target.value); drawShares(); } }),
    output);
}

/**
 * What a part holds: its indicators, then each node below it with a weight slider (its share among its siblings beside
 * it) and what that node holds, at any depth.
 */
function partRows(node, field, nodeName, indicators, problemAt) {
  const children = node.nodes ?? [];
  const shares = [];
  const drawShares = () => {
    const total = children.reduce((sum, child) => sum + child.weight, 0);
    shares.forEach((output, j) => {
      output.textContent = t('whatif.nodeShare', { weight: children[j].weight, parent: nodeName,
        share: formatNumber(total > 0 ? children[j].weight / total * 100 : 0) });
    });
  };
  const rows = [
    ...(node.indicators ?? []).map((indicator, i) => indicatorRow(node, indicator, indicators.get(indicator.code),
      `${field}.indicators[${i}]`, problemAt)),
    ...children.map((child, j) => {
      const at = `${field}.nodes[${j}]`;
      return h('fieldset', { class: 'subnode' },
        h('legend', {}, localName(child)),
        weightSlider(child, t('whatif.nodeWeight'), shares, drawShares),
        problemAt(`${at}.weight`),
        partRows(child, at, localName(child), indicators, problemAt));
    }),
  ];
  drawShares();
  return rows;
}

function indicatorRow(pillar, indicator, view, field, problemAt) {
  const id = `${pillar.code}-${indicator.code}`;
  // a derived indicator is not in the catalogue: its name comes from the message files
  const name = view ? localName(view) : tOr(`indicator.${indicator.code}`, indicator.code);
  const original = { normalisation: indicator.normalisation, parameters: { ...indicator.parameters } };
  return h('div', { class: 'indicator' },
    h('div', { class: 'slider' },
      h('label', { for: `weight-${id}` }, name),
      h('input', { type: 'range', id: `weight-${id}`, min: 0, max: 5, step: 0.5, value: indicator.weight,
        'aria-describedby': `value-${id}`,
        oninput: event => {
          indicator.weight = Number(event.target.value);
          event.target.nextSibling.textContent = indicator.weight;
        } }),
      h('output', { for: `weight-${id}`, id: `value-${id}` }, String(indicator.weight))),
    h('div', { class: 'field' },
      h('label', { for: `normalisation-${id}` }, t('whatif.normalisation', { indicator: name })),
      h('select', { id: `normalisation-${id}`, onchange: event => {
        // the stored parameters (e.g. a target) belong to the stored normalisation; another one starts without any
        indicator.normalisation = event.target.value;
        indicator.parameters = indicator.normalisation === original.normalisation ? { ...original.parameters } : {};
      } },
        NORMALISATIONS.map(code => h('option', { value: code, selected: code === indicator.normalisation },
          t(`whatif.norm.${code}`))))),
    problemAt(`${field}.weight`), problemAt(`${field}.normalisation`), problemAt(`${field}.parameters`));
}

/** Puts each violation of a refused methodology next to its control; false when the problem is not about them. */
function showAtControls(problem, problems) {
  if (problem.status !== 422 || problem.violations.length === 0) {
    return false;
  }
  const unplaced = [];
  for (const violation of problem.violations) {
    // a transform that does not suit the chosen normalisation (…transform) is shown at the normalisation
    const field = violation.field.replace(/^methodology\./, '').replace(/\.transform$/, '.normalisation');
    // a missing or unknown parameter (…parameters.target) belongs to its indicator's parameters
    const element = problems.get(field) ?? [...problems.entries()].find(([key]) => field.startsWith(`${key}.`))?.[1];
    if (element) {
      element.textContent = element.hidden ? violation.message : `${element.textContent} ${violation.message}`;
      element.hidden = false;
    } else {
      unplaced.push(violation);
    }
  }
  if (unplaced.length > 0) {
    throw new ApiProblem(422, { detail: unplaced.map(violation => violation.message).join(' ') }, problem.requestId);
  }
  return true;
}

/**
 * The data set the stored scores were computed from: the zones of the period's ranking with their regions, their
 * values in the period and the one before (for growth rates), and the registry's developed area where a period
 * reports none — the same as the evaluation service's own computation.
 */
async function peerGroupData(group) {
  const [scores, zones] = await Promise.all([
    allPages('/scores', { period: group.period, zoneType: group.zoneType }),
    allPages('/zones', { type: group.zoneType })]);
  const registry = new Map(zones.map(zone => [zone.code, zone]));
  const previous = String(Number(group.period) - 1);
  const values = {};
  const previousValues = {};
  const tasks = scores.flatMap(score => [
    async () => { values[score.zone] = await inputValues(score.zone, group.period); },
    async () => { previousValues[score.zone] = await inputValues(score.zone, previous); },
  ]);
  await inParallel(tasks, PARALLEL);
  for (const score of scores) {
    const area = registry.get(score.zone)?.developedAreaKm2;
    if (area !== undefined && area !== null && !('AREA_BUILT' in values[score.zone])) {
      values[score.zone].AREA_BUILT = area;
    }
  }
  const names = new Map(scores.map(score => [score.zone, registry.has(score.zone) ? localName(registry.get(score.zone))
    : score.name]));
  return {
    body: { zones: scores.map(score => ({ code: score.zone, type: group.zoneType, region: score.region })), values,
      previousValues },
    names,
  };
}

async function allPages(path, params) {
  const first = await apiGet(path, { ...params, size: MAX_PAGE });
  const items = [...first.items];
  for (let page = 1; page * MAX_PAGE < first.total; page++) {
    items.push(...(await apiGet(path, { ...params, size: MAX_PAGE, page })).items);
  }
  return items;
}

/** A zone's values in a period as the evaluation service holds them; none when it has none (404). */
async function inputValues(zone, period) {
  try {
    const input = await apiGet(`/inputs/${encodeURIComponent(zone)}/${encodeURIComponent(period)}`);
    return Object.fromEntries(input.values.map(value => [value.indicator, value.value]));
  } catch (problem) {
    if (problem.status === 404) {
      return {};
    }
    throw problem;
  }
}

async function inParallel(tasks, width) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      await tasks[next++]();
    }
  }));
}

function movesView(moves, names) {
  const changed = moves.filter(move => move.oldRank !== move.newRank);
  const chart = h('div', { class: 'chart slope-chart', id: 'slope-chart', role: 'img',
    'aria-label': t('whatif.chartLabel') });
  const up = moves.filter(move => move.move > 0).slice(0, MOVERS);
  const down = moves.filter(move => move.move < 0).slice(0, MOVERS);
  drawChart(chart, rankSlopeOption(moves.filter(move => move.oldRank !== null && move.newRank !== null)
    .map(move => ({ ...move, name: names.get(move.zone) })), t('whatif.before'), t('whatif.after'),
  new Set([...up, ...down].map(move => move.zone))));
  return [
    h('p', { id: 'whatif-summary', role: 'status' }, t('whatif.summary', { changed: changed.length, total: moves.length })),
    chart,
    h('div', { class: 'movers' },
      moversTable('whatif-up', t('whatif.up'), up, names),
      moversTable('whatif-down', t('whatif.down'), down, names)),
    h('details', {}, h('summary', {}, t('whatif.allZones')), moversTable('whatif-moves', t('whatif.allZones'), moves, names)),
  ];
}

function moversTable(id, caption, moves, names) {
  if (moves.length === 0) {
    return h('div', { id }, h('h3', {}, caption), empty('whatif.noMoves'));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('score.zone')),
      h('th', { scope: 'col' }, t('whatif.before')),
      h('th', { scope: 'col' }, t('whatif.after')),
      h('th', { scope: 'col' }, t('whatif.move')))),
    h('tbody', {}, moves.map(move => h('tr', { 'data-zone': move.zone },
      h('th', { scope: 'row' }, names.get(move.zone) ?? move.zone),
      h('td', { class: 'number old-rank' }, move.oldRank ?? '—'),
      h('td', { class: 'number new-rank' }, move.newRank ?? '—'),
      h('td', { class: 'number' }, move.move > 0 ? `▲ ${move.move}` : move.move < 0 ? `▼ ${-move.move}` : '—'))))));
}

/** Administrators adopt the tried methodology as the next version, after seeing which ranks it changes. */
function confirmSave(active, lastRun, names, group, onSaved) {
  const changed = lastRun.moves.filter(move => move.oldRank !== move.newRank);
  const outcome = h('div', { role: 'status' });
  const dialog = h('dialog', { id: 'whatif-confirm', 'aria-labelledby': 'whatif-confirm-heading' },
    h('h2', { id: 'whatif-confirm-heading' }, t('whatif.confirmTitle')),
    h('p', {}, t('whatif.confirmText', { id: active.id, version: active.version + 1, zoneType: group.zoneType,
      changed: changed.length, period: group.period })),
    changed.length > 0
      // a long list scrolls: focusable so that keyboards can scroll it too
      ? h('ul', { class: 'confirm-list', tabindex: 0, 'aria-labelledby': 'whatif-confirm-heading' },
        changed.map(move => h('li', {},
          t('whatif.confirmMove', { zone: names.get(move.zone) ?? move.zone, old: move.oldRank ?? '—',
            new: move.newRank ?? '—' }))))
      : null,
    outcome,
    h('div', { class: 'controls' },
      h('button', { type: 'button', class: 'button', id: 'whatif-confirm-save', onclick: async event => {
        event.target.disabled = true;
        try {
          const saved = await apiPost('/methodologies', lastRun.sent);
          dialog.close();
          onSaved(saved);
        } catch (problem) {
          event.target.disabled = false;
          outcome.replaceChildren(problemBox(problem));
        }
      } }, t('whatif.confirmSave')),
      h('button', { type: 'button', class: 'button secondary', onclick: () => dialog.close() }, t('whatif.cancel'))));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
