// ECharts options built by pure functions (testable without a browser), and the one place that loads ECharts.

/** The plan's five pillars, as the API's sort names them. */
export const PILLARS = ['economy', 'innovation', 'environment', 'society', 'institutions'];
/** Chart text as readable as the page's: the page's text colour, 14 px. */
const TEXT = { color: '#0b0c0c', fontSize: 14 };

/** ECharts is large: it is loaded only when a screen draws its first chart, so tables show without waiting for it. */
export async function drawChart(element, option) {
  const echarts = await import('/_static/echarts/dist/echarts.esm.min.js');
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption(option);
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}

/** The median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values) {
  const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return null;
  }
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Linear-interpolated quantile q (0…1) of sorted numbers, as box plots draw it. */
export function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** [min, Q1, median, Q3, max] of numbers, for a box plot; null for none. */
export function fiveNumbers(values) {
  const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return null;
  }
  return [sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), sorted[sorted.length - 1]];
}

/**
 * Zones' scores of the methodology's top-level parts ({ name, values } each, values in the order of the parts) with the
 * peer group's median dashed and grey, on the 0–100 scale: a radar with one axis per part, or grouped bars when there
 * are fewer than three parts, since a radar needs three axes to enclose an area.
 */
export function partsOption(partNames, zones, median) {
  const grey = '#505a5f';
  const common = {
    animation: false,
    textStyle: TEXT,
    legend: { bottom: 0, data: [...zones.map(zone => zone.name), median.name], textStyle: TEXT },
  };
  if (partNames.length < 3) {
    return {
      ...common,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: partNames, axisLabel: TEXT },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: TEXT },
      series: [
        ...zones.map(zone => ({ type: 'bar', name: zone.name, data: zone.values.map(round) })),
        { type: 'bar', name: median.name, data: median.values.map(round),
          itemStyle: { color: grey, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -0.8 } } },
      ],
    };
  }
  return {
    ...common,
    tooltip: {},
    radar: {
      indicator: partNames.map(name => ({ name, min: 0, max: 100 })),
      radius: '60%',
      axisName: TEXT,
    },
    series: [{
      type: 'radar',
      data: [
        ...zones.map(zone => ({ name: zone.name, value: zone.values.map(round),
          areaStyle: { opacity: zones.length > 1 ? 0.1 : 0.2 } })),
        { name: median.name, value: median.values.map(round),
          lineStyle: { type: 'dashed', color: grey }, itemStyle: { color: grey } },
      ],
    }],
  };
}

/** Composite scores by region as box plots: regions in the given order, those without a scored zone left out. */
export function regionBoxplotOption(regionNames, scoresByRegion, axisName) {
  const regions = Object.keys(regionNames).filter(region => (scoresByRegion[region] || []).length > 0);
  return {
    animation: false,
    textStyle: TEXT,
    tooltip: { trigger: 'item' },
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: regions.map(region => regionNames[region]), axisLabel: TEXT },
    yAxis: { type: 'value', name: axisName, nameTextStyle: TEXT, min: 0, max: 100, axisLabel: TEXT },
    series: [{ type: 'boxplot', data: regions.map(region => fiveNumbers(scoresByRegion[region]).map(round)) }],
  };
}

/**
 * Every zone's national rank before and after as a slope chart: one line per zone from its old rank to its new one,
 * rank 1 at the top; the highlighted zones (the biggest movers) in front, climbers green and fallers red, the others
 * light grey behind them.
 */
export function rankSlopeOption(moves, beforeName, afterName, highlighted = new Set()) {
  const colour = move => (!highlighted.has(move.zone) ? '#c8cacc' : move.move > 0 ? '#00703c' : '#b10e1e');
  const lowest = Math.max(1, ...moves.flatMap(move => [move.oldRank, move.newRank]));
  return {
    animation: false,
    textStyle: TEXT,
    tooltip: { trigger: 'item', formatter: item => `${item.seriesName}: ${item.data.oldRank} → ${item.data.newRank}` },
    grid: { left: 56, right: 56, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: [beforeName, afterName], boundaryGap: false, axisLabel: TEXT },
    yAxis: { type: 'value', inverse: true, min: 1, max: lowest, minInterval: 1, axisLabel: TEXT },
    series: moves.map(move => ({
      type: 'line',
      name: move.name ?? move.zone,
      z: highlighted.has(move.zone) ? 2 : 1,
      symbolSize: 4,
      lineStyle: { color: colour(move), width: highlighted.has(move.zone) ? 2 : 1 },
      itemStyle: { color: colour(move) },
      data: [{ value: move.oldRank, ...move }, { value: move.newRank, ...move }],
    })),
  };
}

/** Zones' composite scores over the years as lines, a year without a score left as a gap. */
export function compositeLinesOption(periods, zones, axisName) {
  return {
    animation: false,
    textStyle: TEXT,
    legend: { bottom: 0, data: zones.map(zone => zone.name), textStyle: TEXT },
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: periods, axisLabel: TEXT },
    yAxis: { type: 'value', name: axisName, nameTextStyle: TEXT, min: 0, max: 100, axisLabel: TEXT },
    series: zones.map(zone => ({ type: 'line', name: zone.name, data: zone.values.map(round), connectNulls: false })),
  };
}

/**
 * One measure of the plan over the years as two lines: the actual values and the planned path from the 2010 baseline
 * to the 2015 target. Each actual point is marked by its progress: a filled green circle on track, a red triangle
 * behind (so the mark does not rest on colour alone); years without a value leave a gap.
 */
export function targetPathOption(years, actual, planned, statuses, names) {
  const mark = status => (status === 'ON_TRACK' ? { symbol: 'circle', color: '#00703c' }
    : status === 'BEHIND' ? { symbol: 'triangle', color: '#b10e1e' } : { symbol: 'emptyCircle', color: '#505a5f' });
  return {
    animation: false,
    textStyle: TEXT,
    legend: { bottom: 0, data: [names.actual, names.planned], textStyle: TEXT },
    tooltip: { trigger: 'axis' },
    grid: { left: 64, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: years, boundaryGap: false, axisLabel: TEXT },
    yAxis: { type: 'value', name: names.unit, nameTextStyle: TEXT, scale: true, axisLabel: TEXT },
    series: [
      {
        type: 'line',
        name: names.actual,
        symbolSize: 10,
        lineStyle: { color: '#1d70b8', width: 2 },
        itemStyle: { color: '#1d70b8' },
        data: years.map((year, i) => ({ value: round2(actual[i]), symbol: mark(statuses[i]).symbol,
          itemStyle: { color: mark(statuses[i]).color } })),
      },
      {
        type: 'line',
        name: names.planned,
        symbol: 'none',
        lineStyle: { color: '#505a5f', type: 'dashed', width: 2 },
        itemStyle: { color: '#505a5f' },
        data: planned.map(round2),
      },
    ],
  };
}

/**
 * Rank intervals of an uncertainty analysis, as COINr's rank plot draws them: one row per zone in the order given
 * (rank 1 at the top), a bar from the 5th to the 95th percentile, a dot at the median and a diamond at the nominal
 * rank. Zones to highlight (bottom-5 places) are drawn red, the others blue; a zone never ranked has no marks.
 * Each zone: { name, nominal, median, p5, p95, highlighted }; names: { interval, median, nominal, axis }.
 */
export function rankIntervalOption(zones, names, lowest) {
  const colour = zone => (zone.highlighted ? '#b10e1e' : '#1d70b8');
  const rows = zones.map(zone => zone.name);
  const valued = (zone, value) => (value === null || value === undefined ? null : value);
  return {
    animation: false,
    textStyle: TEXT,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: items => {
        const zone = zones[items[0].dataIndex];
        return `${zone.name}<br>${names.nominal}: ${zone.nominal ?? '—'}<br>${names.median}: ${round(zone.median) ?? '—'}`
          + `<br>${names.interval}: ${round(zone.p5) ?? '—'} – ${round(zone.p95) ?? '—'}`;
      },
    },
    legend: { top: 0, data: [names.interval, names.median, names.nominal], textStyle: TEXT },
    grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: names.axis, nameLocation: 'middle', nameGap: 26, nameTextStyle: TEXT, min: 1,
      max: Math.max(1, lowest), minInterval: 1, axisLabel: TEXT },
    yAxis: { type: 'category', inverse: true, data: rows, axisLabel: { ...TEXT, fontSize: 12, width: 180,
      overflow: 'truncate' } },
    series: [
      // a stacked pair: an invisible bar up to the 5th percentile, the visible one from there to the 95th
      { type: 'bar', stack: 'interval', silent: true, barWidth: 8, itemStyle: { color: 'transparent' },
        data: zones.map(zone => valued(zone, zone.p5)) },
      { type: 'bar', stack: 'interval', name: names.interval, barWidth: 8,
        itemStyle: { color: '#9cbfe0' },
        data: zones.map(zone => (zone.p5 === null || zone.p5 === undefined ? null
          : { value: round(zone.p95 - zone.p5), itemStyle: { color: zone.highlighted ? '#f0a7ad' : '#9cbfe0' } })) },
      { type: 'scatter', name: names.median, symbol: 'circle', symbolSize: 9, itemStyle: { color: '#1d70b8' },
        data: zones.map(zone => ({ value: valued(zone, zone.median), itemStyle: { color: colour(zone) } })) },
      { type: 'scatter', name: names.nominal, symbol: 'diamond', symbolSize: 11,
        itemStyle: { color: '#ffffff', borderColor: '#0b0c0c', borderWidth: 2 },
        data: zones.map(zone => valued(zone, zone.nominal)) },
    ],
  };
}

/**
 * Sobol indices of a sensitivity analysis as bars: per uncertain input its first-order and total index, each with
 * its confidence interval as a whisker. Each input: { name, firstOrder: {estimate, low, high}, total: {…} };
 * names: { firstOrder, total, axis }. Indices outside 0–1 (sampling error) are shown as estimated.
 */
export function sobolBarsOption(inputs, names) {
  const estimates = key => inputs.map(input => round2(input[key]?.estimate ?? null));
  const whiskers = key => inputs.map((input, i) => [i, input[key]?.low ?? null, input[key]?.high ?? null]);
  const whisker = offset => (params, api) => {
    const low = api.value(1);
    const high = api.value(2);
    if (low === null || high === null || Number.isNaN(low) || Number.isNaN(high)) {
      return null;
    }
    const band = api.size([1, 0])[0];
    const x = api.coord([api.value(0), 0])[0] + offset * band * 0.2;
    const top = api.coord([0, high])[1];
    const bottom = api.coord([0, low])[1];
    const style = { stroke: '#0b0c0c', lineWidth: 1.5 };
    return { type: 'group', children: [
      { type: 'line', shape: { x1: x, y1: top, x2: x, y2: bottom }, style },
      { type: 'line', shape: { x1: x - 5, y1: top, x2: x + 5, y2: top }, style },
      { type: 'line', shape: { x1: x - 5, y1: bottom, x2: x + 5, y2: bottom }, style },
    ] };
  };
  return {
    animation: false,
    textStyle: TEXT,
    legend: { top: 0, data: [names.firstOrder, names.total], textStyle: TEXT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: inputs.map(input => input.name), axisLabel: { ...TEXT, fontSize: 12, interval: 0 } },
    // 0 to 1, widened to whole tenths where an estimate or interval strays beyond (sampling error)
    yAxis: { type: 'value', name: names.axis, nameTextStyle: TEXT, min: value => Math.min(0, Math.floor(value.min * 10) / 10),
      max: value => Math.max(1, Math.ceil(value.max * 10) / 10), axisLabel: TEXT },
    series: [
      { type: 'bar', name: names.firstOrder, barWidth: '20%', barGap: '0%', itemStyle: { color: '#1d70b8' },
        data: estimates('firstOrder') },
      { type: 'bar', name: names.total, barWidth: '20%', itemStyle: { color: '#f47738' }, data: estimates('total') },
      { type: 'custom', silent: true, renderItem: whisker(-0.5), encode: { x: 0, y: [1, 2] }, data: whiskers('firstOrder'),
        z: 3 },
      { type: 'custom', silent: true, renderItem: whisker(0.5), encode: { x: 0, y: [1, 2] }, data: whiskers('total'), z: 3 },
    ],
  };
}

function round2(value) {
  return value === null || value === undefined ? null : Math.round(value * 100) / 100;
}

function round(value) {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}
