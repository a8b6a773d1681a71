// The console's one way to the API: adds the token and Accept-Language, and turns problem+json into an ApiProblem.

import { currentLanguage } from './i18n.js';
import { currentSession, endSession } from './session.js';

/** A failed call as the API explained it (RFC 9457), or as the network failed. */
export class ApiProblem extends Error {
  constructor(status, problem, requestId) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.violations = problem.violations || [];
    this.requestId = problem.requestId || requestId;
  }
}

/** Called when the token is refused (expired or revoked): the app sends the user back to sign-in. */
let onUnauthorised = () => {};
export function whenUnauthorised(handler) {
  onUnauthorised = handler;
}

export async function apiGet(path, params = {}, token = currentSession()?.token) {
  return (await request('GET', path, params, null, {}, token)).json();
}

/**
 * Sends a body with POST: an object as JSON; a text or a file (a Blob) as it is, as UTF-8 CSV unless the headers
 * name another Content-Type (a workbook, a CSV in GB18030). Extra headers such as Idempotency-Key.
 */
export async function apiPost(path, body, params = {}, headers = {}) {
  const json = !(typeof body === 'string' || body instanceof Blob);
  return (await request('POST', path, params, json ? JSON.stringify(body) : body,
    { 'Content-Type': json ? 'application/json' : 'text/csv; charset=utf-8', ...headers }, currentSession()?.token)).json();
}

/** Sends a DELETE (cancelling a job) and answers the body. */
export async function apiDelete(path) {
  return (await request('DELETE', path, {}, null, {}, currentSession()?.token)).json();
}

/**
 * A file from the API (an export, a workbook, a report card): its bytes and the name the API gives it in
 * Content-Disposition (RFC 6266: filename* in UTF-8 first, else filename), or the fallback name.
 */
export async function apiDownload(path, params, fallbackName) {
  const response = await request('GET', path, params, null, {}, currentSession()?.token, '*/*');
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** The file name of a Content-Disposition header; filename*=UTF-8''… (percent-encoded) wins over filename="…". */
export function fileNameOf(disposition) {
  if (!disposition) {
    return null;
  }
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // a malformed encoding: the plain name below
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim() ?? null;
}

/** The response of a call that succeeded; an ApiProblem otherwise. */
async function request(method, path, params, body, headers, token, accept = 'application/json') {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));
  const url = `/api/v1${path}${query.size ? `?${query}` : ''}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      body,
      headers: { ...headers, Authorization: `Bearer ${token}`, Accept: accept,
        'Accept-Language': currentLanguage() },
    });
  } catch (error) {
    throw new ApiProblem(0, { title: error.message }, null);
  }
  if (response.ok) {
    return response;
  }
  const requestId = response.headers.get('X-Request-Id');
  const problem = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
  if (response.status === 401 && token === currentSession()?.token) {
    endSession();
    onUnauthorised();
  }
  throw new ApiProblem(response.status, problem, requestId);
}
