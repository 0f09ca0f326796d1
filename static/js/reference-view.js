// The view of one document number: the indexed document(s) that carry it, and every indexed
// document citing it, with the citing sentence. Reached from a cited number not in the index.
import { el } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import { backLink, citingList } from './document-view.js';
import { href, withChanges } from './url-state.js';
import { relationCounts } from './relations.js';

/** Renders /api/references/{number}'s answer; returns the heading to focus. */
export function renderReferences(main, data, state) {
  const shown = data.document?.number || data.understood || data.number;
  const heading = el('h1', { class: 'view-title', id: 'reference-title', tabindex: '-1' },
    `Văn bản số ${shown}`);
  const documents = data.documents ?? [];
  const documentLink = (d) => el('a', {
    href: href(withChanges(state, { doc: d.id, ref: '' })), dataset: { nav: '' },
  }, d.title || d.id);
  const describe = (d) => [d.type, d.issuer, d.date ? formatDate(d.date) : ''].filter(Boolean).join(' · ');
  let status;
  if (documents.length === 1) {
    status = el('p', { class: 'notice notice--info', id: 'reference-status' },
      'Văn bản này có trong cơ sở dữ liệu: ', documentLink(documents[0]), ` (${describe(documents[0])}).`);
  } else if (documents.length > 1) {
    status = el('div', { class: 'notice notice--info', id: 'reference-status' },
      el('p', {}, `${documents.length} văn bản trong cơ sở dữ liệu mang số này (các cơ quan khác nhau có thể dùng cùng một số):`),
      el('ul', {}, documents.map((d) => el('li', {}, documentLink(d), ` (${describe(d)})`))));
  } else {
    status = el('p', { class: 'notice', id: 'reference-status' },
      'Văn bản này chưa có trong cơ sở dữ liệu. Dưới đây là các văn bản có trích dẫn số này.');
  }
  const citing = data.cited_by ?? [];
  main.replaceChildren(
    backLink(state),
    el('section', { class: 'reference', 'aria-labelledby': 'reference-title' },
      heading,
      status,
      el('h2', {}, `Được trích dẫn bởi ${formatNumber(data.total ?? citing.length)} văn bản`),
      relationCounts(data.relations),
      citing.length < (data.total ?? 0)
        ? el('p', { class: 'muted' }, `Dưới đây là ${formatNumber(citing.length)} văn bản mới nhất.`)
        : null,
      citing.length
        ? citingList(citing, state, 'citing')
        : el('p', { class: 'muted' }, 'Chưa có văn bản nào trong cơ sở dữ liệu trích dẫn số này.'),
      el('p', {},
        el('a', { href: href(withChanges(state, { q: shown, ref: '' })), dataset: { nav: '' } },
          `Tìm toàn văn «${shown}»`))));
  document.title = `Văn bản số ${shown} – Tra cứu văn bản`;
  return heading;
}
