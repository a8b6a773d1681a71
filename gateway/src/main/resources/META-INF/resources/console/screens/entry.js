// Data entry: a submitter (for its own province) or an administrator picks a zone and a year, fills the form the
// catalogue describes while the API checks it (dryRun), submits a new revision and sees the zone-year's revisions;
// or downloads the province's Excel workbook, fills it and uploads it with a result named by cell, or uploads a CSV
// batch and sees each submission's result.

import { apiGet, apiPost } from '../api.js';
import { downloadGroup } from '../downloads.js';
import { empty, fill, h, loading, problemBox } from '../dom.js';
import { currentLanguage, formatNumber, localName, t, unitLabel } from '../i18n.js';
import { PROVINCES } from '../provinces.js';
import { disableWhenClosed, periodNotice, periodState } from '../periodstate.js';
import { navigate, PERIODS } from '../router.js';
import { currentSession } from '../session.js';
import { select } from './controls.js';
import { returnedSection } from './returned.js';

const MAX_PAGE = 500;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The charsets a CSV batch is read in: Excel's "CSV UTF-8" and "CSV (逗号分隔)" as Chinese Windows saves it. */
const CHARSETS = ['UTF-8', 'GB18030'];
/** How long typing must pause before the values are checked, so a check is not sent on every key. */
const CHECK_DELAY_MS = 400;

export async function render(main, route) {
  const caller = currentSession().caller;
  const admin = caller.roles.includes('admin');
  const province = route.arg || (admin ? PROVINCES[0] : caller.province);
  main.append(h('h1', {}, t('entry.title')));
  if (!admin && !caller.roles.includes('submitter')) {
    main.append(h('div', { class: 'notice', role: 'alert', id: 'entry-refused' }, t('entry.notAllowed')));
    return;
  }
  if (!admin && province !== caller.province) {
    // the API refuses another province's submissions too; the screen says so before anything is typed
    main.append(h('div', { class: 'notice', role: 'alert', id: 'entry-refused' },
      t('entry.otherProvince', { province: t(`province.${province}`), own: t(`province.${caller.province}`) })),
    h('p', {}, h('a', { href: `#/entry/${caller.province}` }, t('entry.toOwnProvince'))));
    return;
  }
  const period = PERIODS.includes(route.params.get('period')) ? route.params.get('period') : PERIODS[0];
  const choice = h('section', { 'aria-label': t('entry.choice') });
  main.append(choice);
  let zone = null;
  await fill(choice, () => apiGet('/zones', { province, size: MAX_PAGE }), page => {
    zone = page.items.find(item => item.code === route.params.get('zone')) ?? page.items[0] ?? null;
    return choiceControls(admin, province, page.items, zone, period);
  });
  // the year's state: a closed year takes no revision, so its submit controls are disabled and the notice says why
  const periodSection = h('section', { 'aria-label': t('period.heading') });
  main.append(periodSection);
  let periodView = { state: 'OPEN' };
  await fill(periodSection, async () => (periodView = await periodState(period)), periodNotice);
  const closeControls = () => disableWhenClosed(periodView,
    [main.querySelector('#entry-submit'), main.querySelector('#workbook-submit')]);
  if (!zone) {
    if (!choice.querySelector('.problem')) {
      main.append(empty('entry.noZones'));
    }
    main.append(...workbookSection(province, period, async () => {}), ...batchSection(async () => {}));
    closeControls();
    return;
  }
  const form = h('section', { 'aria-labelledby': 'entry-form-heading' });
  const revisions = h('section', { 'aria-labelledby': 'revisions-heading' });
  // a workbook or batch may hold a new revision of the zone shown: its form and revisions are read again
  const showZone = () => Promise.all([showForm(), showRevisions()]);
  // the province's returned returns and open queries; a correction made there is a new revision of its zone
  const returned = returnedSection(province, period, showZone);
  main.append(h('h2', { id: 'entry-form-heading' }, t('entry.form', { zone: localName(zone), period })), form,
    h('h2', { id: 'revisions-heading' }, t('entry.revisions', { period })), revisions, ...returned.nodes,
    ...workbookSection(province, period, showZone), ...batchSection(showZone));
  const catalogue = apiGet('/indicators', { zoneType: zone.type });
  // the revisions say what changed; the submissions they come from carry each value's provisional mark and note
  const showRevisions = () => fill(revisions, () => Promise.all([catalogue,
    apiGet(`/zones/${encodeURIComponent(zone.code)}/revisions`, { period }),
    apiGet('/submissions', { zone: zone.code, period, size: MAX_PAGE })]), ([indicators, list, submissions]) =>
    revisionTable(list, indicators, submissions.items));
  const showForm = () => fill(form, () => Promise.all([catalogue, apiGet(`/zones/${encodeURIComponent(zone.code)}/values`,
    { from: String(Number(period) - 1), to: period })]), ([indicators, values]) =>
    entryForm(zone, period, indicators, values, showRevisions)).then(closeControls);
  await Promise.all([showZone(), returned.show()]);
  closeControls();
}

function choiceControls(admin, province, zones, zone, period) {
  const go = change => navigate('entry', { zone: zone?.code, period, ...change }, province);
  return h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
    admin ? select('entry-province', 'control.province', PROVINCES.map(code => [code, t(`province.${code}`)]), province,
      code => navigate('entry', { period }, code)) : null,
    zones.length ? select('entry-zone', 'entry.zone', zones.map(item => [item.code, localName(item)]), zone.code,
      code => go({ zone: code })) : null,
    select('entry-period', 'control.period', PERIODS.map(year => [year, year]), period, year => go({ period: year })));
}

/** The newest accepted value of an indicator in a year, from GET /zones/{code}/values. */
function valueIn(values, indicator, year) {
  return values.series.find(series => series.indicator === indicator)?.points.find(point => point.period === year);
}

function entryForm(zone, period, indicators, values, onStored) {
  const previousYear = String(Number(period) - 1);
  const fields = new Map();
  const rows = indicators.map(indicator => {
    const id = `value-${indicator.code}`;
    const last = valueIn(values, indicator.code, previousYear);
    const current = valueIn(values, indicator.code, period);
    const input = h('input', {
      id, name: indicator.code, type: 'text', inputmode: 'decimal', autocomplete: 'off',
      value: current?.value ?? '', 'aria-required': indicator.required ? 'true' : null,
      'aria-describedby': `${id}-hint ${id}-message`,
    });
    const provisional = h('input', { type: 'checkbox', id: `${id}-provisional`, checked: current?.provisional === true });
    const note = h('input', { type: 'text', id: `${id}-note`, maxlength: '500', autocomplete: 'off',
      value: current?.note ?? '' });
    const message = h('div', { id: `${id}-message`, class: 'field-message' });
    fields.set(indicator.code, { input, provisional, note, message });
    return h('div', { class: 'entry-field', 'data-indicator': indicator.code },
      h('label', { for: id }, localName(indicator), indicator.required ? h('span', { class: 'required' },
        ` (${t('entry.required')})`) : null),
      input,
      h('p', { id: `${id}-hint`, class: 'hint' }, rangeText(indicator),
        h('span', { class: 'last-year' }, t('entry.lastYear', { year: previousYear,
          value: last ? `${formatNumber(last.value, 2)} ${unitLabel(indicator.unit)}` : t('entry.none') }))),
      h('div', { class: 'entry-marks' },
        h('span', { class: 'check' }, provisional, h('label', { for: `${id}-provisional` }, t('entry.provisional'))),
        h('label', { for: `${id}-note` }, t('entry.note')), note),
      message);
  });
  const summary = h('div', { id: 'entry-summary', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'button', id: 'entry-submit' }, t('entry.submit'));
  const outcome = h('div', { id: 'entry-outcome', 'aria-live': 'polite' });
  let timer = null;
  let sequence = 0;
  // one key per content sent: a resend of the same values after a lost answer creates no second revision
  let idempotencyKey = null;

  /** The values typed, in catalogue order; text that is no number stays at its field and is not sent. */
  function collect() {
    const sent = [];
    const unreadable = [];
    for (const [code, { input, provisional, note }] of fields) {
      const text = input.value.trim().replace(',', '.');
      const remark = note.value.trim();
      if (text === '') {
        if (provisional.checked || remark) {
          unreadable.push({ field: code, code: 'note-without-value', message: t('entry.noteWithoutValue'),
            kind: 'violation' });
        }
        continue;
      }
      if (Number.isFinite(Number(text))) {
        sent.push({ indicator: code, value: Number(text), ...(provisional.checked ? { provisional: true } : {}),
          ...(remark ? { note: remark } : {}) });
      } else {
        unreadable.push({ field: code, code: 'not-a-number', message: t('entry.notANumber'), kind: 'violation' });
      }
    }
    return { body: { zone: zone.code, period, values: sent }, unreadable };
  }

  /** Every violation and warning at its field (values[i] is the i-th value sent); the rest above the button. */
  function showChecks(checks, sent) {
    for (const { input, message } of fields.values()) {
      input.removeAttribute('aria-invalid');
      message.replaceChildren();
    }
    const general = [];
    for (const check of checks) {
      const index = /^values\[(\d+)\]/.exec(check.field)?.[1];
      const field = fields.get(index === undefined ? check.field : sent[Number(index)]?.indicator);
      if (!field) {
        general.push(check);
        continue;
      }
      field.message.append(h('p', { class: check.kind, 'data-code': check.code }, checkText(check)));
      if (check.kind === 'violation') {
        field.input.setAttribute('aria-invalid', 'true');
      }
    }
    summary.replaceChildren(...general.map(check => h('p', { class: check.kind, 'data-code': check.code },
      checkText(check))));
  }

  async function check() {
    const mine = ++sequence;
    const { body, unreadable } = collect();
    if (body.values.length === 0) {
      showChecks(unreadable, []);
      return;
    }
    try {
      const view = await apiPost('/submissions', body, { dryRun: true });
      if (mine === sequence) {
        showChecks([...unreadable, ...marked(view.warnings, 'warning')], body.values);
      }
    } catch (problem) {
      if (mine !== sequence) {
        return;
      }
      if (problem.status === 422) {
        showChecks([...unreadable, ...marked(problem.violations, 'violation')], body.values);
      } else {
        summary.replaceChildren(problemBox(problem));
      }
    }
  }

  async function submit(event) {
    event.preventDefault();
    clearTimeout(timer);
    const mine = ++sequence;
    const { body, unreadable } = collect();
    if (unreadable.length) {
      showChecks(unreadable, []);
      outcome.replaceChildren(h('p', { class: 'violation', role: 'alert' }, t('entry.fixFirst')));
      return;
    }
    idempotencyKey ??= crypto.randomUUID();
    button.disabled = true;
    outcome.replaceChildren(loading());
    try {
      const view = await apiPost('/submissions', body, {}, { 'Idempotency-Key': idempotencyKey });
      idempotencyKey = null;
      if (mine === sequence) {
        showChecks(marked(view.warnings, 'warning'), body.values);
      }
      outcome.replaceChildren(h('p', { class: 'notice', role: 'status', id: 'entry-stored' },
        t(view.late ? 'entry.storedLate' : 'entry.stored', { revision: view.revision })));
      await onStored();
    } catch (problem) {
      if (problem.status === 422) {
        showChecks(marked(problem.violations, 'violation'), body.values);
        outcome.replaceChildren(h('p', { class: 'violation', role: 'alert' }, t('entry.rejected')));
      } else {
        outcome.replaceChildren(problemBox(problem));
      }
    } finally {
      button.disabled = false;
    }
  }

  return h('form', {
    class: 'entry-form', id: 'entry-form', novalidate: true, onsubmit: submit,
    oninput: () => {
      idempotencyKey = null;
      clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    },
  }, h('p', { class: 'hint' }, t('entry.formHint')), h('div', { class: 'entry-fields' }, rows), summary, button,
  outcome);
}

function marked(checks, kind) {
  return (checks ?? []).map(check => ({ ...check, kind }));
}

function checkText(check) {
  return `${t(`entry.${check.kind}`)}: ${check.message}`;
}

/** The unit and valid range of an indicator, as the catalogue gives them. */
function rangeText(indicator) {
  if (indicator.valueType === 'YES_NO') {
    return `${t('entry.yesNo')} · `;
  }
  const low = indicator.minValue ?? 0;
  const high = indicator.maxValue;
  const range = high === null || high === undefined ? `≥ ${low}` : `${low}–${high}`;
  return `${unitLabel(indicator.unit)} ${range} · `;
}

function revisionTable(revisions, indicators, submissions) {
  if (revisions.length === 0) {
    return empty('entry.noRevisions');
  }
  const names = Object.fromEntries(indicators.map(indicator => [indicator.code, localName(indicator)]));
  const valuesOf = Object.fromEntries(submissions.map(submission => [submission.id, submission.values]));
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'revisions-table' },
    h('caption', { class: 'visually-hidden' }, t('entry.revisionsCaption')),
    h('thead', {}, h('tr', {}, ['entry.revision', 'entry.receivedAt', 'entry.submittedBy', 'entry.changes', 'entry.marks']
      .map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, newestFirst.map(revision => h('tr', { 'data-revision': revision.revision },
      h('th', { scope: 'row' }, String(revision.revision),
        revision.late ? h('span', { class: 'tag tag-WARNING' }, t('entry.late')) : null),
      h('td', {}, new Date(revision.receivedAt).toLocaleString(currentLanguage())),
      h('td', {}, revision.submittedBy),
      h('td', {}, h('ul', { class: 'changes' }, revision.changes.map(change => h('li',
        { 'data-indicator': change.indicator },
        `${names[change.indicator] ?? change.indicator}: ${t(`entry.change.${change.change}`)} `,
        change.change === 'ADDED' ? formatNumber(change.current, 2)
          : change.change === 'REMOVED' ? formatNumber(change.previous, 2)
            : `${formatNumber(change.previous, 2)} → ${formatNumber(change.current, 2)}`)))),
      h('td', {}, marksList(valuesOf[revision.submissionId] ?? [], names)))))));
}

/** The values of a revision that are provisional or carry a note: name, the mark, the note. */
function marksList(values, names) {
  const marked = values.filter(value => value.provisional || value.note);
  return marked.length === 0 ? '—' : h('ul', { class: 'marks' }, marked.map(value => h('li',
    { 'data-indicator': value.indicator },
    `${names[value.indicator] ?? value.indicator}: `,
    value.provisional ? h('span', { class: 'tag' }, t('entry.provisionalMark')) : null,
    value.note ? h('q', {}, value.note) : null)));
}

/**
 * A CSV batch (zone,period,indicator,value,note): checked first or stored, with one result per submission. The file's
 * bytes are sent as they are, with the charset chosen, so the API decodes them (and says so when they do not fit).
 */
function batchSection(onStored) {
  const file = h('input',
    { type: 'file', id: 'batch-file', accept: '.csv,text/csv', 'aria-describedby': 'batch-hint' });
  const charset = select('batch-charset', 'entry.batchCharset', CHARSETS.map(name => [name, t(`charset.${name}`)]),
    CHARSETS[0], () => {});
  const results = h('div', { id: 'batch-results', 'aria-live': 'polite' });
  let idempotencyKey = null;
  file.addEventListener('change', () => {
    idempotencyKey = null;
  });
  const send = async dryRun => {
    if (!file.files.length) {
      results.replaceChildren(h('p', { class: 'violation', role: 'alert' }, t('entry.batchNoFile')));
      return;
    }
    results.replaceChildren(loading());
    try {
      const headers = { 'Content-Type': `text/csv; charset=${charset.querySelector('select').value}` };
      if (!dryRun) {
        idempotencyKey ??= crypto.randomUUID();
        headers['Idempotency-Key'] = idempotencyKey;
      }
      const answer = await apiPost('/submissions/batch', file.files[0], { dryRun }, headers);
      results.replaceChildren(...batchTable(answer, dryRun));
      if (!dryRun && answer.accepted > 0) {
        await onStored();
      }
    } catch (problem) {
      results.replaceChildren(problemBox(problem));
    }
  };
  return [h('h2', { id: 'batch-heading' }, t('entry.batch')),
    h('section', { 'aria-labelledby': 'batch-heading' },
      h('p', { class: 'hint', id: 'batch-hint' }, t('entry.batchHint')),
      h('div', { class: 'controls' },
        h('div', { class: 'field' }, h('label', { for: 'batch-file' }, t('entry.batchFile')), file), charset),
      h('div', { class: 'controls' },
        h('button', { type: 'button', class: 'button secondary', id: 'batch-check', onclick: () => send(true) },
          t('entry.batchCheck')),
        h('button', { type: 'button', class: 'button', id: 'batch-upload', onclick: () => send(false) },
          t('entry.batchUpload'))),
      results)];
}

function batchTable(answer, dryRun) {
  return [h('p', { class: 'summary', id: 'batch-summary' },
    t(dryRun ? 'entry.batchChecked' : 'entry.batchStored', { accepted: answer.accepted, rejected: answer.rejected })),
  h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'batch-table' },
    h('caption', { class: 'visually-hidden' }, t('entry.batch')),
    h('thead', {}, h('tr', {}, ['entry.batchItem', 'entry.zone', 'control.period', 'entry.status', 'entry.revision',
      'entry.checks'].map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, answer.results.map(result => h('tr', { 'data-status': result.status },
      h('th', { scope: 'row' }, String(result.index + 1)),
      h('td', {}, result.zone ?? '—'),
      h('td', {}, result.period ?? '—'),
      h('td', {}, h('span', { class: `tag status-${result.status}` }, t(`entry.status.${result.status}`))),
      h('td', { class: 'number' }, result.revision ?? '—'),
      h('td', {}, h('ul', { class: 'changes' }, [...marked(result.violations, 'violation'),
        ...marked(result.warnings, 'warning')].map(check => h('li', { class: check.kind },
        `${check.field}: ${check.message}`))))))))),
  ];
}

/**
 * The province's workbook of the year: downloaded to fill in Excel, uploaded to be checked (nothing stored) or
 * submitted, with the result of every zone row and every problem named by its cell, sheet by sheet.
 */
function workbookSection(province, period, onStored) {
  const file = h('input', { type: 'file', id: 'workbook-file', accept: `.xlsx,${XLSX}`,
    'aria-describedby': 'workbook-hint' });
  const results = h('div', { id: 'workbook-results', 'aria-live': 'polite' });
  let idempotencyKey = null;
  file.addEventListener('change', () => {
    idempotencyKey = null;
  });
  const send = async dryRun => {
    if (!file.files.length) {
      results.replaceChildren(h('p', { class: 'violation', role: 'alert' }, t('workbook.noFile')));
      return;
    }
    results.replaceChildren(loading());
    try {
      const headers = { 'Content-Type': XLSX };
      if (!dryRun) {
        idempotencyKey ??= crypto.randomUUID();
        headers['Idempotency-Key'] = idempotencyKey;
      }
      const answer = await apiPost('/submissions/workbook', file.files[0], { dryRun }, headers);
      // indicator names for the cells' columns; without the catalogue the codes alone still say which
      const indicators = await apiGet('/indicators').catch(() => []);
      results.replaceChildren(...workbookResults(answer, dryRun, indicators));
      if (!dryRun && answer.accepted > 0) {
        await onStored();
      }
    } catch (problem) {
      results.replaceChildren(problemBox(problem));
    }
  };
  return [h('h2', { id: 'workbook-heading' }, t('workbook.heading', { province: t(`province.${province}`), period })),
    h('section', { 'aria-labelledby': 'workbook-heading' },
      h('p', { class: 'hint', id: 'workbook-hint' }, t('workbook.hint')),
      downloadGroup('workbook-download', t('workbook.template'), [
        { id: 'workbook-template', label: t('workbook.download', { period }), path: '/submissions/workbook',
          params: { province, period }, fallbackName: `submissions-${province}-${period}.xlsx` },
      ]),
      h('div', { class: 'field' }, h('label', { for: 'workbook-file' }, t('workbook.file')), file),
      h('div', { class: 'controls' },
        h('button', { type: 'button', class: 'button secondary', id: 'workbook-check', onclick: () => send(true) },
          t('workbook.check')),
        h('button', { type: 'button', class: 'button', id: 'workbook-submit', onclick: () => send(false) },
          t('workbook.submit'))),
      results)];
}

/** The sheet of a cell reference: ETDZ of ETDZ!F7. */
function sheetOf(cell) {
  const at = (cell ?? '').lastIndexOf('!');
  return at < 0 ? '' : cell.slice(0, at).replace(/^'(.*)'$/, '$1');
}

/** A table per sheet: its errors and warnings by cell, then each zone row's result (the revision when stored). */
function workbookResults(answer, dryRun, indicators) {
  const names = Object.fromEntries(indicators.map(indicator => [indicator.code, localName(indicator)]));
  const sheets = new Map();
  const sheet = cell => {
    const name = sheetOf(cell);
    if (!sheets.has(name)) {
      sheets.set(name, { violation: [], warning: [], rows: [] });
    }
    return sheets.get(name);
  };
  for (const item of answer.results) {
    sheet(item.cell).rows.push(item);
    for (const [kind, checks] of [['violation', item.violations], ['warning', item.warnings]]) {
      for (const check of checks ?? []) {
        sheet(check.cell ?? item.cell)[kind].push({ ...check, cell: check.cell ?? item.cell, zone: item.zone });
      }
    }
  }
  const summary = h('p', { class: 'summary', id: 'workbook-summary' },
    t(dryRun ? 'entry.batchChecked' : 'entry.batchStored', { accepted: answer.accepted, rejected: answer.rejected }));
  if (answer.results.length === 0) {
    return [summary, empty('workbook.noRows')];
  }
  const group = (label, rows) => (rows.length === 0 ? null : h('tbody', {},
    h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: '4' }, t(label, { count: rows.length }))),
    rows));
  const checkRow = kind => check => h('tr', { class: kind, 'data-cell': check.cell, 'data-code': check.code },
    h('th', { scope: 'row' }, h('code', {}, check.cell)),
    h('td', {}, check.zone ?? '—'),
    h('td', {}, check.indicator ? `${names[check.indicator] ?? check.indicator} (${check.indicator})` : '—'),
    h('td', {}, h('span', { class: 'visually-hidden' }, `${t(`entry.${kind}`)}: `), check.message));
  const rowResult = item => h('tr', { class: 'row-result', 'data-cell': item.cell, 'data-status': item.status },
    h('th', { scope: 'row' }, h('code', {}, item.cell)),
    h('td', {}, item.zone ?? '—'),
    h('td', {}, '—'),
    h('td', {}, h('span', { class: `tag status-${item.status}` }, t(`entry.status.${item.status}`)),
      item.revision ? ` ${t('workbook.revision', { revision: item.revision })} ` : null,
      item.late ? h('span', { class: 'tag tag-WARNING' }, t('entry.late')) : null));
  return [summary, ...[...sheets].map(([name, found]) => h('div', { class: 'table-wrap' },
    h('table', { class: 'data workbook-sheet', id: `workbook-sheet-${name}`, 'data-sheet': name },
      h('caption', {}, t('workbook.sheet', { sheet: name || '—' })),
      h('thead', {}, h('tr', {}, ['workbook.cell', 'entry.zone', 'zone.indicator', 'workbook.result']
        .map(key => h('th', { scope: 'col' }, t(key))))),
      group('workbook.errors', found.violation.map(checkRow('violation'))),
      group('workbook.warnings', found.warning.map(checkRow('warning'))),
      group(dryRun ? 'workbook.rowsChecked' : 'workbook.rowsSubmitted', found.rows.map(rowResult)))))];
}
