// Small DOM helpers shared by the screens: elements, loading, empty and problem states.

import { t } from './i18n.js';

/** An element: h('a', {href: '#/x', class: 'y'}, 'text', child, …); attributes set to null or false are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return element;
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('state.loading'));
}

export function empty(messageKey) {
  return h('p', { class: 'empty' }, t(messageKey));
}

/**
 * A failed call in plain words: what happened, the API's explanation with what it names (a CSV's line, a workbook
 * that is not the template), and the request id to quote.
 */
export function problemBox(problem) {
  const key = problem.status === 403 ? 'problem.forbidden'
    : problem.status === 404 ? 'problem.notFound'
      : problem.status === 0 ? 'problem.network'
        : problem.status >= 500 ? 'problem.server' : 'problem.request';
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, t(key)),
    problem.status !== 403 && problem.detail ? h('p', {}, problem.detail) : null,
    problem.status !== 403 && problem.violations?.length ? h('ul', { class: 'problem-violations' },
      problem.violations.map(violation => h('li', {},
        violation.field ? `${violation.field}: ${violation.message}` : violation.message))) : null,
    problem.requestId ? h('p', { class: 'request-id' }, t('problem.requestId', { id: problem.requestId })) : null);
}

/**
 * Fills a section: a loading line while the data comes, then what render returns, or the problem if the call failed.
 * Sections fail alone, so one refused call (a 403) leaves the rest of the screen working.
 */
export async function fill(section, load, render) {
  section.replaceChildren(loading());
  section.setAttribute('aria-busy', 'true');
  try {
    const data = await load();
    section.replaceChildren(...[render(data)].flat());
  } catch (problem) {
    if (!problem.status && problem.status !== 0) {
      throw problem;
    }
    section.replaceChildren(problemBox(problem));
  } finally {
    section.removeAttribute('aria-busy');
  }
}
