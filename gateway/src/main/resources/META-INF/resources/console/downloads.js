// Files from the API (exports, workbooks, report cards), fetched with the signed-in person's token through api.js and
// saved through a Blob URL under the name the API gives them; a status line beside the buttons says which file was
// saved, or the problem in the console's plain words.

import { apiDownload } from './api.js';
import { h, problemBox } from './dom.js';
import { t } from './i18n.js';

/** Hands a fetched file to the browser's downloads, as a link to it would. */
export function saveFile({ blob, fileName }) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // the download has been started from the URL; it is freed once the browser has surely read it
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A labelled group of download buttons with one status line. Each action: its button id and label, the API path
 * and query, and a file name for an answer without Content-Disposition.
 */
export function downloadGroup(id, label, actions) {
  const status = h('div', { class: 'download-status', id: `${id}-status` });
  const buttons = actions.map(action => h('button', {
    type: 'button', class: 'button secondary', id: action.id, onclick: async event => {
      const button = event.currentTarget;
      button.disabled = true;
      status.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('download.fetching')));
      try {
        const file = await apiDownload(action.path, action.params, action.fallbackName);
        saveFile(file);
        status.replaceChildren(h('p', { role: 'status', class: 'download-saved', 'data-file': file.fileName },
          t('download.saved', { file: file.fileName })));
      } catch (problem) {
        if (!problem.status && problem.status !== 0) {
          throw problem;
        }
        status.replaceChildren(problemBox(problem));
      } finally {
        button.disabled = false;
      }
    },
  }, action.label));
  return h('div', { class: 'downloads', id },
    h('div', { class: 'downloads-actions', role: 'group', 'aria-labelledby': `${id}-label` },
      h('span', { class: 'downloads-label', id: `${id}-label` }, label), buttons),
    status);
}
