// The period and zone type chosen at the top of a screen; a change goes into the URL.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { navigate, ZONE_TYPES } from '../router.js';
import { scoredPeriods } from '../periods.js';
import { currentSession, hasRole } from '../session.js';

/** A labelled select; onchange gets the chosen value. */
export function select(id, labelKey, options, chosen, onchange) {
  return h('div', { class: 'field' },
    h('label', { for: id }, t(labelKey)),
    h('select', { id, onchange: event => onchange(event.target.value) },
      options.map(([value, label]) => h('option', { value, selected: value === chosen }, label))));
}

export function peerGroupControls(screen, route, group, extra = {}) {
  const go = change => navigate(screen, { ...Object.fromEntries(route.params), ...group, ...extra, ...change, page: '' },
    route.arg);
  return h('form', { class: 'controls', onsubmit: event => event.preventDefault() },
    select('period', 'control.period', scoredPeriods(group.zoneType).map(period => [period, period]), group.period,
      period => go({ period })),
    select('zone-type', 'control.zoneType', ZONE_TYPES.map(type => [type, t(`zoneType.${type}`)]), group.zoneType,
      zoneType => go({ zoneType })));
}

/** The bases a score is read on: approved revisions only, or the newest revisions. */
export const BASES = ['official', 'preliminary'];

/**
 * Whether the signed-in person may read both bases: analysts and administrators everywhere, a province's submitter or
 * reviewer for its own province only (the API reads everything else on the official basis for them).
 */
export function mayChooseBasis(province = '') {
  if (hasRole('analyst', 'admin')) {
    return true;
  }
  const own = currentSession()?.caller.province;
  return hasRole('submitter', 'reviewer') && !!own && province === own;
}

/** The basis of the URL, else the person's default (preliminary for the ministry, official otherwise); '' if no choice. */
export function chosenBasis(params, province = '') {
  if (!mayChooseBasis(province)) {
    return '';
  }
  const chosen = params.get('basis');
  return BASES.includes(chosen) ? chosen : hasRole('analyst', 'admin') ? 'preliminary' : 'official';
}

/** The basis switch; a change goes into the URL like the period. */
export function basisControl(basis, onchange) {
  return select('basis', 'control.basis', BASES.map(value => [value, t(`basis.${value}`)]), basis, onchange);
}

/** Which basis the shown scores are on, as the API's answer says (hidden when the answer does not say). */
export function basisLine(response) {
  const basis = response?.basis ?? response?.snapshot?.basis;
  return h('p', { class: 'hint', id: 'basis-shown', hidden: !basis }, basis ? t('basis.shown', { basis: t(`basis.${basis}`) }) : '');
}
