// How documents relate, in words a reader of the portals knows: the relation of a citation
// (server/openapi.json `Relation`), a document's status of force (`Status`), the badge, the
// "Văn bản liên quan" panel and the relation word on each citing line.
import { el } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import { href, withChanges } from './url-state.js';

/** The verb on a citing line: what the citing document does to the cited one. */
export const RELATION_VERBS = {
  basis: 'Căn cứ',
  implements: 'Thực hiện',
  guides: 'Hướng dẫn',
  amends: 'Sửa đổi, bổ sung',
  replaces: 'Thay thế',
  repeals: 'Bãi bỏ',
  corrects: 'Đính chính',
  consolidates: 'Hợp nhất',
  mentions: 'Dẫn chiếu',
};

/** Headings of the panel: documents this one acts on. */
const CITES_HEADINGS = {
  basis: 'Văn bản căn cứ',
  implements: 'Văn bản được thực hiện',
  guides: 'Văn bản được hướng dẫn',
  amends: 'Văn bản được sửa đổi, bổ sung',
  replaces: 'Văn bản bị thay thế',
  repeals: 'Văn bản bị bãi bỏ',
  corrects: 'Văn bản được đính chính',
  consolidates: 'Văn bản được hợp nhất',
  mentions: 'Văn bản dẫn chiếu',
};

/** Headings of the panel: documents acting on this one. */
const CITED_BY_HEADINGS = {
  basis: 'Văn bản lấy văn bản này làm căn cứ',
  implements: 'Văn bản thực hiện văn bản này',
  guides: 'Văn bản hướng dẫn',
  amends: 'Văn bản sửa đổi, bổ sung',
  replaces: 'Văn bản thay thế',
  repeals: 'Văn bản bãi bỏ',
  corrects: 'Văn bản đính chính',
  consolidates: 'Văn bản hợp nhất',
  mentions: 'Văn bản dẫn chiếu văn bản này',
};

export const STATUS_LABELS = {
  in_force: 'Còn hiệu lực',
  not_yet_in_force: 'Chưa có hiệu lực',
  amended: 'Còn hiệu lực, đã được sửa đổi, bổ sung',
  partly_repealed: 'Hết hiệu lực một phần',
  replaced: 'Hết hiệu lực: bị thay thế',
  repealed: 'Hết hiệu lực: bị bãi bỏ',
  expired: 'Hết hiệu lực',
  unknown: 'Chưa rõ hiệu lực',
};

const BY_WORDS = {
  replaced: 'Bị thay thế bởi',
  repealed: 'Bị bãi bỏ bởi',
  partly_repealed: 'Hết hiệu lực một phần do',
  amended: 'Được sửa đổi, bổ sung bởi',
};

/**
 * The badge of a status: `Bị thay thế bởi 30/2025/QĐ-UBND`, `Còn hiệu lực`. On a result card
 * (`card`) an unknown status shows nothing: most công văn say nothing of their force.
 */
export function statusBadge(status, { card = false } = {}) {
  if (!status?.value || (card && status.value === 'unknown')) return null;
  const acting = (status.evidence ?? []).filter((e) => !e.pending);
  const first = acting[0];
  // A card lists the first few; evidence_total says how many act on it in all.
  const total = Math.max(acting.length, status.evidence_total ?? 0);
  const text = first && BY_WORDS[status.value]
    ? `${BY_WORDS[status.value]} ${first.number || first.title || first.id}${total > 1 ? ` và ${total - 1} văn bản khác` : ''}`
    : STATUS_LABELS[status.value] ?? STATUS_LABELS.unknown;
  return el('span', {
    class: `badge badge--status badge--${status.value.replace(/_/g, '-')}${card ? ' result__status' : ''}`,
    id: card ? null : 'status-badge',
    dataset: { status: status.value },
  }, text);
}

/** The status with what says so: the acting documents' sentences, or the document's own dates. */
export function statusSection(doc, state) {
  const status = doc.status;
  if (!status) return null;
  const from = doc.effective_from;
  const until = doc.effective_until;
  const own = [];
  if (from) {
    own.push(el('p', { class: 'status__own' }, `Có hiệu lực từ ngày ${formatDate(from.value)}: `,
      el('q', {}, from.sentence)));
  }
  if (until) {
    own.push(el('p', { class: 'status__own' }, `Hết hiệu lực từ ngày ${formatDate(until.value)}: `,
      el('q', {}, until.sentence)));
  }
  if (!from && !until) {
    own.push(el('p', { class: 'muted' }, 'Văn bản không nêu ngày có hiệu lực.'));
  }
  const evidence = status.evidence ?? [];
  return el('section', { class: 'status', 'aria-labelledby': 'status-title', id: 'status' },
    el('h2', { id: 'status-title' }, 'Tình trạng hiệu lực: ', el('span', { id: 'status-value' },
      STATUS_LABELS[status.value] ?? STATUS_LABELS.unknown)),
    own,
    evidence.length
      ? el('ul', { class: 'link-list', id: 'status-evidence' }, evidence.map((e) => el('li', { class: 'link-list__item' },
        el('span', { class: 'relation-word' }, RELATION_VERBS[e.relation] ?? ''),
        e.relation_part ? el('span', { class: 'link-list__meta' }, ` (${e.relation_part})`) : null,
        ' ',
        el('a', { class: 'link-list__title', href: href(withChanges(state, { doc: e.id, ref: '' })), dataset: { nav: '' } },
          [e.number, e.title].filter(Boolean).join(' – ') || e.id),
        e.pending ? el('span', { class: 'link-list__meta' }, ` — chưa có hiệu lực (từ ${formatDate(e.effective_from)})`) : null,
        e.context ? el('blockquote', { class: 'link-list__context' }, e.context) : null)))
      : null,
    el('p', { class: 'muted status__note' },
      `Tình trạng tính đến ngày ${formatDate(status.as_of)}, theo các văn bản có trong cơ sở dữ liệu.`));
}

/** "Văn bản liên quan": both directions grouped by relation, strongest first. */
export function relatedPanel(doc, state) {
  const groups = [];
  const add = (list, headings, direction) => {
    for (const group of list ?? []) {
      groups.push(el('div', { class: 'related__group', dataset: { relation: group.relation, direction } },
        el('h3', {}, `${headings[group.relation] ?? group.relation} (${formatNumber(group.count)})`),
        el('ul', { class: 'plain-list' }, group.items.map((item) => el('li', {},
          item.id
            ? el('a', { href: href(withChanges(state, { doc: item.id, ref: '' })), dataset: { nav: '' } },
              item.number || item.title || item.id)
            : el('a', { href: href(withChanges(state, { doc: '', ref: item.number })), dataset: { nav: '' } }, item.number),
          item.part ? ` (${item.part})` : '',
          item.id && item.title && item.number ? el('span', { class: 'link-list__meta' }, ` – ${item.title}`) : null)))));
    }
  };
  // The documents acting on this one first: they decide its status.
  add(doc.relations?.cited_by, CITED_BY_HEADINGS, 'cited-by');
  add(doc.relations?.cites, CITES_HEADINGS, 'cites');
  return el('section', { class: 'side-section related', 'aria-labelledby': 'related-title', id: 'related' },
    el('h2', { id: 'related-title' }, 'Văn bản liên quan'),
    groups.length ? groups : el('p', { class: 'muted' }, 'Chưa có văn bản liên quan.'));
}

/** `Thay thế 1 · Căn cứ 12` for the references view. */
export function relationCounts(counts) {
  if (!counts?.length) return null;
  return el('p', { class: 'muted', id: 'relation-counts' },
    counts.map((c) => `${RELATION_VERBS[c.relation] ?? c.relation}: ${formatNumber(c.count)}`).join(' · '));
}
