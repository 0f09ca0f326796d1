// Taking a view elsewhere: its link copied, the result list as a spreadsheet (the API's CSV).
// Printing needs nothing here: the print stylesheet leaves the controls out.
import * as api from './api.js';
import { el } from './dom.js';
import { errorSentence } from './messages.js';
import { searchParameters } from './url-state.js';

/** Copies `text`: the Clipboard API where the page may use it, else a selected field. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = el('textarea', { class: 'visually-hidden', readonly: true });
    field.value = text;
    document.body.append(field);
    field.select();
    const done = document.execCommand('copy');
    field.remove();
    return done;
  }
}

/** "Sao chép liên kết": the address of the view shown (its whole state is in the URL). */
export function copyLinkButton() {
  const status = el('span', { class: 'share__status', role: 'status' });
  const button = el('button', {
    type: 'button', class: 'share__button', id: 'copy-link',
    onclick: async () => {
      status.textContent = await copyText(location.href)
        ? 'Đã sao chép liên kết.'
        : 'Không sao chép được; hãy chép địa chỉ trên thanh trình duyệt.';
    },
  }, 'Sao chép liên kết');
  return [button, status];
}

/**
 * "Tải danh sách (CSV)": every result of the search `state` (up to the API's 10 000 rows) in the
 * order shown, as the API's CSV (UTF-8 with a byte-order mark: Excel shows the marks).
 */
export function csvLink(state) {
  const params = searchParameters(state);
  params.delete('limit');
  params.delete('offset');
  params.set('format', 'csv');
  const url = `api/search?${params}`;
  const status = el('span', { class: 'share__status', role: 'status' });
  const link = el('a', {
    class: 'share__button', id: 'csv-link', href: url, download: 'danh-sach-van-ban.csv',
    onclick: async (event) => {
      // With an access token a plain link cannot send it: fetched, then saved.
      if (!api.accessToken()) return;
      event.preventDefault();
      try {
        await api.downloadWithToken(url, 'danh-sach-van-ban.csv');
      } catch (error) {
        status.textContent = errorSentence(error.code || (error.kind === 'network' ? 'unavailable' : 'error'));
      }
    },
  }, 'Tải danh sách (CSV)');
  return [link, status];
}
