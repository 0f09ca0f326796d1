// The document view: fields, the original file when there is one, the full text with every
// cited number as a link, the list of what it cites and of what cites it.
import * as api from './api.js';
import { el } from './dom.js';
import { errorSentence } from './messages.js';
import { markMatches, matchNavigator } from './text-marks.js';
import { searchedText } from './interpretations.js';
import { copyLinkButton } from './share.js';
import { structuredText } from './text-structure.js';
import {
  FIELD_LABELS, SOURCE_LABELS, capitalize, fieldValue, formatBytes, formatDate, formatNumber,
} from './format.js';
import { hasFilters, href, searchOnly, withChanges } from './url-state.js';
import { RELATION_VERBS, relatedPanel, statusBadge, statusSection } from './relations.js';

const FIELD_ORDER = [
  'number', 'type', 'issuer', 'parent_issuer', 'place', 'date', 'month', 'subject', 'recipients',
  'signer_authority', 'signer_title', 'signer',
];

/** Where a cited number leads: the indexed document, or the list of documents citing it. */
export function citationTarget(state, cite) {
  if (cite.document?.id) return withChanges(state, { doc: cite.document.id, ref: '' });
  return withChanges(state, { doc: '', ref: cite.number });
}

/** A link back to the search this view was opened from (or to the start page). */
export function backLink(state) {
  const fromSearch = state.q || hasFilters(state);
  return el('nav', { class: 'crumbs', 'aria-label': 'Điều hướng' },
    el('a', { href: href(searchOnly(state)), dataset: { nav: '' }, class: 'crumbs__back' },
      fromSearch ? '← Quay lại kết quả tìm kiếm' : '← Trang chủ'));
}

/** Renders /api/documents/{id}'s answer; returns the heading to focus. */
export function renderDocument(main, doc, state) {
  const f = doc.fields ?? {};
  const type = fieldValue(f, 'type');
  const number = fieldValue(f, 'number');
  const title = doc.title || capitalize(fieldValue(f, 'subject')) || doc.id;
  const heading = el('h1', { class: 'view-title document__title', id: 'document-title', tabindex: '-1' },
    title);
  const text = fullText(doc, state);
  // The search's words marked in the text (after the citation links are made: marks go inside).
  const matches = markMatches(text, searchedText(state.q));
  main.replaceChildren(
    backLink(state),
    el('article', { class: 'document', 'aria-labelledby': 'document-title' },
      el('header', { class: 'document__header' },
        el('p', { class: 'result__kicker' },
          type ? el('span', { class: 'badge' }, type) : null,
          el('span', { class: 'result__number' }, number || 'Chưa rõ số'),
          f.draft ? el('span', { class: 'badge badge--draft' }, 'Dự thảo') : null,
          statusBadge(doc.status)),
        heading,
        sourceLink(doc),
        el('p', { class: 'share' }, copyLinkButton(),
          el('button', { type: 'button', class: 'share__button', onclick: () => window.print() }, 'In văn bản'))),
      fieldList(f),
      statusSection(doc, state),
      el('div', { class: 'document__layout' },
        el('section', { class: 'document__text', 'aria-labelledby': 'fulltext-title' },
          el('h2', { id: 'fulltext-title' }, 'Toàn văn'),
          el('p', { class: 'legend' },
            'Số văn bản được trích dẫn là liên kết: ',
            el('span', { class: 'cite-link cite-link--indexed' }, 'gạch liền'), ' mở văn bản đó, ',
            el('span', { class: 'cite-link' }, 'gạch đứt'), ' mở danh sách các văn bản trích dẫn số đó.'),
          matches.length ? matchNavigator(matches) : null,
          text),
        el('div', { class: 'document__side' },
          relatedPanel(doc, state),
          citesSection(doc, state),
          citedBySection(doc, state)))));
  document.title = `${number ? `${number} – ` : ''}${title} – Tra cứu văn bản`;
  return heading;
}

function sourceLink(doc) {
  // Only when the server can hand out the original file (docx, pdf...).
  if (!doc.source?.url) return null;
  const details = [doc.source.format?.toUpperCase(), formatBytes(doc.source.bytes)].filter(Boolean);
  const status = el('span', { class: 'muted', role: 'status' });
  // With an access token a plain link cannot send it: the file is fetched, then saved.
  const download = async (event) => {
    if (!api.accessToken()) return;
    event.preventDefault();
    status.textContent = '';
    try {
      await api.downloadWithToken(doc.source.url);
    } catch (error) {
      status.textContent = errorSentence(error.code || (error.kind === 'network' ? 'unavailable' : 'error'));
    }
  };
  return el('p', { class: 'document__actions' },
    el('a', { class: 'button', href: doc.source.url, download: '', onclick: download },
      'Tải bản gốc', details.length ? ` (${details.join(', ')})` : ''),
    ' ', status);
}

function fieldList(f) {
  const rows = [];
  for (const name of FIELD_ORDER) {
    const value = fieldValue(f, name);
    if (!value || (Array.isArray(value) && !value.length)) continue;
    const shown = name === 'date' || name === 'month' ? formatDate(value)
      : Array.isArray(value) ? el('ul', { class: 'plain-list' }, value.map((v) => el('li', {}, v)))
        : name === 'subject' ? capitalize(value) : value;
    const source = SOURCE_LABELS[f[name]?.source];
    rows.push(el('div', { class: 'fields__row', dataset: { field: name } },
      el('dt', {}, FIELD_LABELS[name]),
      el('dd', { title: source ? capitalize(source) : null }, shown)));
  }
  const missing = (f.missing ?? []).filter((name) => FIELD_LABELS[name]);
  return el('section', { class: 'fields', 'aria-labelledby': 'fields-title' },
    el('h2', { id: 'fields-title', class: 'visually-hidden' }, 'Thông tin văn bản'),
    el('dl', { class: 'fields__list' }, rows),
    missing.length
      ? el('p', { class: 'fields__missing' },
        'Không đọc được từ văn bản: ', missing.map((name) => FIELD_LABELS[name].toLowerCase()).join(', '), '.')
      : null);
}

/**
 * The text with each cited number a link. The API gives byte offsets into the UTF-8 text, so
 * the text is cut as bytes and each piece decoded (JavaScript strings count UTF-16 units).
 */
function fullText(doc, state) {
  const bytes = new TextEncoder().encode(doc.text ?? '');
  const decoder = new TextDecoder();
  const spans = [];
  for (const cite of doc.cites ?? []) {
    if (cite.partial || !cite.number) continue;
    for (const [begin, end] of cite.spans ?? []) {
      if (begin >= 0 && begin < end && end <= bytes.length) spans.push({ begin, end, cite });
    }
  }
  spans.sort((a, b) => a.begin - b.begin || b.end - a.end);
  const parts = [];
  // Extracted pages carry runs of empty lines (table residue): one empty line reads the same.
  // (A table row's leading tab, after them, stays: text-structure.js reads it.)
  const plain = (from, to) => decoder.decode(bytes.subarray(from, to)).replace(/\n(?:[ \t]*\n){2,}/g, '\n\n');
  let at = 0;
  for (const { begin, end, cite } of spans) {
    if (begin < at) continue; // overlaps the previous link
    parts.push(plain(at, begin));
    parts.push(citationLink(state, cite, decoder.decode(bytes.subarray(begin, end))));
    at = end;
  }
  parts.push(plain(at));
  if (typeof parts[0] === 'string') parts[0] = parts[0].trimStart();
  return el('div', { class: 'fulltext', lang: 'vi' }, structuredText(parts));
}

function citationLink(state, cite, text) {
  const indexed = Boolean(cite.document?.id);
  const described = [cite.type, cite.number, cite.date ? `ngày ${formatDate(cite.date)}` : '',
    cite.issuer ? `của ${cite.issuer}` : ''].filter(Boolean).join(' ');
  return el('a', {
    class: `cite-link${indexed ? ' cite-link--indexed' : ''}`,
    href: href(citationTarget(state, cite)), dataset: { nav: '', cite: cite.key },
    title: indexed ? `Mở ${described}` : `${described}: chưa có trong cơ sở dữ liệu, xem các văn bản trích dẫn`,
  }, text);
}

function citesSection(doc, state) {
  const cites = (doc.cites ?? []).filter((cite) => cite.number);
  return el('section', { class: 'side-section', 'aria-labelledby': 'cites-title' },
    el('h2', { id: 'cites-title' }, `Văn bản được trích dẫn (${formatNumber(cites.length)})`),
    cites.length
      ? el('ul', { class: 'link-list', id: 'cites' }, cites.map((cite) => el('li', { class: 'link-list__item' },
        cite.partial
          ? el('span', { class: 'link-list__number' }, cite.number)
          : el('a', { class: 'link-list__number', href: href(citationTarget(state, cite)), dataset: { nav: '' } },
            cite.number),
        cite.relation && cite.relation !== 'mentions'
          ? el('span', { class: 'relation-word' }, RELATION_VERBS[cite.relation], cite.relation_part ? ` (${cite.relation_part})` : '')
          : null,
        el('span', { class: 'link-list__meta' },
          [cite.type, cite.date ? formatDate(cite.date) : '', cite.issuer].filter(Boolean).join(' · ')),
        el('span', { class: `link-list__status${cite.document ? ' link-list__status--indexed' : ''}` },
          cite.document ? `Có trong cơ sở dữ liệu: ${cite.document.title ?? ''}`
            : cite.partial ? 'Số chưa đầy đủ' : 'Chưa có trong cơ sở dữ liệu'))))
      : el('p', { class: 'muted' }, 'Văn bản này không trích dẫn số văn bản nào.'));
}

function citedBySection(doc, state) {
  const citing = doc.cited_by ?? [];
  return el('section', { class: 'side-section', 'aria-labelledby': 'cited-by-title' },
    el('h2', { id: 'cited-by-title' }, `Được trích dẫn bởi (${formatNumber(citing.length)})`),
    citing.length
      ? citingList(citing, state, 'cited-by')
      : el('p', { class: 'muted' }, 'Chưa có văn bản nào trong cơ sở dữ liệu trích dẫn văn bản này.'));
}

/** Documents citing a number, each with the sentence that cites it. */
export function citingList(citing, state, id) {
  return el('ul', { class: 'link-list', id }, citing.map((entry) => el('li', { class: 'link-list__item' },
    el('a', {
      class: 'link-list__title', href: href(withChanges(state, { doc: entry.id, ref: '' })),
      dataset: { nav: '' },
    }, entry.title || entry.id),
    el('span', { class: 'link-list__meta' },
      [entry.type, entry.number, entry.issuer, entry.date ? formatDate(entry.date) : '']
        .filter(Boolean).join(' · ')),
    // What the citing document does to this one: `Thay thế`, `Căn cứ`.
    entry.relation
      ? el('span', { class: 'relation-word', dataset: { relation: entry.relation } },
        RELATION_VERBS[entry.relation] ?? '', entry.relation_part ? ` (${entry.relation_part})` : '')
      : null,
    entry.context
      ? el('blockquote', { class: 'link-list__context' }, markCited(entry.context, entry.cited_as))
      : null)));
}

/** The citing sentence with the cited number in <mark>. */
function markCited(context, number) {
  const at = number ? context.indexOf(number) : -1;
  if (at < 0) return context;
  return [context.slice(0, at), el('mark', {}, number), context.slice(at + number.length)];
}
