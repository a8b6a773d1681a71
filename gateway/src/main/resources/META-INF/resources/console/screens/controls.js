// The period and zone type chosen at the top of a screen; a change goes into the URL.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { navigate, ZONE_TYPES } from '../router.js';
import { scoredPeriods } from '../periods.js';

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
