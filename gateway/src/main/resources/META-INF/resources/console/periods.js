// The periods that have a ranking, per zone type, as the API lists them: the period selector of every screen offers
// these. Read once per page load, after sign-in.

import { apiGet } from './api.js';

/** Offered while the API has not answered, or has no ranking yet for a zone type. */
const FALLBACK = ['2015', '2014', '2013', '2012', '2011', '2010'];
const scored = {};

/** Reads the scored periods of the zone types not read yet; a failure leaves the fallback (the screen shows it). */
export async function loadScoredPeriods(zoneTypes) {
  await Promise.all(zoneTypes.filter(zoneType => !scored[zoneType]).map(async zoneType => {
    try {
      scored[zoneType] = (await apiGet('/scores/periods', { zoneType })).periods.slice().reverse();
    } catch (problem) {
      if (problem.status === undefined) {
        throw problem;
      }
    }
  }));
}

/** The zone type's scored periods, newest first. */
export function scoredPeriods(zoneType) {
  return scored[zoneType]?.length ? scored[zoneType] : FALLBACK;
}
