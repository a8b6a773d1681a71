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
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));
  return call(`/api/v1${path}${query.size ? `?${query}` : ''}`, {}, token);
}

/** Posts a JSON body (e.g. a what-if simulation) and returns the JSON answer. */
export async function apiPost(path, body, token = currentSession()?.token) {
  return call(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' }, token);
}

async function call(url, { method = 'GET', body, contentType }, token) {
  let response;
  try {
    response = await fetch(url, {
      method,
      body,
      headers: {
        Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Language': currentLanguage(),
        ...(contentType ? { 'Content-Type': contentType } : {}),
      },
    });
  } catch (error) {
    throw new ApiProblem(0, { title: error.message }, null);
  }
  if (response.ok) {
    return response.json();
  }
  const requestId = response.headers.get('X-Request-Id');
  const problem = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
  if (response.status === 401 && token === currentSession()?.token) {
    endSession();
    onUnauthorised();
  }
  throw new ApiProblem(response.status, problem, requestId);
}
