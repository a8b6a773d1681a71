// All labels come from messages/<language>.json; the chosen language is remembered in the browser.

const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'console.language';
let language = LANGUAGES.includes(localStorage.getItem(STORAGE_KEY)) ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';
let messages = {};

export async function loadMessages() {
  const response = await fetch(`messages/${language}.json`);
  messages = await response.json();
  document.documentElement.lang = language;
}

export function currentLanguage() {
  return language;
}

export function otherLanguage() {
  return language === 'zh-CN' ? 'en' : 'zh-CN';
}

export async function switchLanguage() {
  language = otherLanguage();
  localStorage.setItem(STORAGE_KEY, language);
  await loadMessages();
}

/** The message of a key with {name} placeholders filled in; the key itself if it is missing, so gaps show. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? ''));
}

/** The message of a key, or the fallback when the message files have none (e.g. an indicator's code). */
export function tOr(key, fallback) {
  return key in messages ? t(key) : fallback;
}

/** A name from the API in the current language: nameEn in English where the API gives one. */
export function localName(item) {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * A unit in the current language. The catalogue's unit is also the code a submission's optional unit must match, so
 * the API keeps it as it is (亿元, days, count, …) and the console shows it in words from the message files; a unit the
 * messages do not know is shown as the API gives it.
 */
export function unitLabel(unit) {
  return unit ? tOr(`unit.${unit}`, unit) : '';
}

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Fills every element with data-msg (text) or data-msg-aria (aria-label) in the static page. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-msg]').forEach(element => { element.textContent = t(element.dataset.msg); });
  root.querySelectorAll('[data-msg-aria]').forEach(element => {
    element.setAttribute('aria-label', t(element.dataset.msgAria));
  });
}
