// Hash routes: #/screen/argument?period=…&zoneType=…, so a link or a reload shows the same screen and choices.

import { scoredPeriods } from './periods.js';

/** The current route: screen name, its argument (a zone code) and the query parameters. */
export function currentRoute() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [screen, ...rest] = path.split('/');
  return { screen: screen || 'overview', arg: rest.map(decodeURIComponent).join('/'), params: new URLSearchParams(query) };
}

export function routeHash(screen, params = {}, arg = '') {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));
  return `#/${screen}${arg ? `/${encodeURIComponent(arg)}` : ''}${query.size ? `?${query}` : ''}`;
}

/** Goes to a screen; shows it again when the URL does not change (e.g. sign-in after an expired token). */
export function navigate(screen, params = {}, arg = '') {
  const hash = routeHash(screen, params, arg);
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** The periods data can be entered for. */
export const PERIODS = ['2015', '2014', '2013', '2012', '2011', '2010'];
export const ZONE_TYPES = ['ETDZ', 'BECZ'];

/** The period and zone type every screen shares, from the URL or the defaults (the newest scored period). */
export function peerGroup(params) {
  const zoneType = ZONE_TYPES.includes(params.get('zoneType')) ? params.get('zoneType') : ZONE_TYPES[0];
  const periods = scoredPeriods(zoneType);
  const period = periods.includes(params.get('period')) ? params.get('period') : periods[0];
  return { period, zoneType };
}
