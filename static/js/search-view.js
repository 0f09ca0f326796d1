// The search view: summary, active filters, facets with counts, date range, sort, results with
// highlighted snippets, pages, and the no-result message with suggestions. Every navigation is
// a real link (data-nav) or calls ctx.navigate, so the URL always holds the view.
import { el, snippetNodes } from './dom.js';
import { capitalize, fieldValue, formatDate, formatNumber } from './format.js';
import { copyLinkButton, csvLink } from './share.js';
import {
  UNDATED, UNDATED_LABEL, displayDate, issueDateLabel, parseDisplayDate,
} from './dates.js';
import {
  FILTER_NAMES, MAX_PAGE, PAGE_SIZE, effectiveSort, hasFilters, href, withChanges,
} from './url-state.js';
import { STATUS_LABELS, statusBadge } from './relations.js';

const FACETS = [
  { name: 'issuer', label: 'Cơ quan ban hành' },
  { name: 'type', label: 'Loại văn bản' },
  { name: 'year', label: 'Năm ban hành' },
  { name: 'status', label: 'Tình trạng hiệu lực' },
];
const FILTER_LABELS = {
  issuer: 'Cơ quan', type: 'Loại', year: 'Năm', status: 'Hiệu lực', from: 'Từ ngày', to: 'Đến ngày',
};
const SORT_LABELS = { relevance: 'Phù hợp nhất', date: 'Mới nhất', oldest: 'Cũ nhất' };
const FACET_SHOWN = 8;

/** Facet lists the person expanded, kept while they page and filter. */
const expandedFacets = new Set();
let filtersOpen = false;
const wideScreen = window.matchMedia('(min-width: 60em)');

/**
 * Renders /api/search's answer `data` for `state` into `main`.
 * ctx.navigate(state) changes the view (used by the sort menu and the date form);
 * ctx.suggestions: other searches that find something, shown when this one found nothing;
 * ctx.numbers: what the index knows of the document numbers in the query.
 */
export function renderSearch(main, state, data, ctx) {
  const browsing = !state.q && !hasFilters(state);
  const heading = el('h1', { class: 'view-title', id: 'results-title', tabindex: '-1' },
    browsing ? 'Văn bản mới nhất' : state.q ? `Kết quả cho «${state.q}»` : 'Văn bản theo bộ lọc');

  main.replaceChildren(
    el('div', { class: 'search-layout' },
      filtersPanel(state, data, ctx),
      el('section', { class: 'results-area', 'aria-labelledby': 'results-title' },
        heading,
        toolbar(state, data, ctx),
        partialNotice(data),
        activeFilters(state),
        numberNotice(state, ctx.numbers ?? []),
        interpretedNotice(data),
        didYouMeanNotice(state, data),
        numbersWithoutYearNotice(data),
        relaxedNotice(data),
        data.results.length ? resultList(state, data) : noResults(state, data, ctx.suggestions ?? []),
        pager(state, data))));
  document.title = browsing ? 'Tra cứu văn bản – tracuu' : `${state.q || 'Bộ lọc'} – Tra cứu văn bản`;
  return heading;
}

function toolbar(state, data, ctx) {
  const pages = pageCount(data);
  const count = data.total_exact
    ? `${formatNumber(data.total)} văn bản`
    : `khoảng ${formatNumber(data.total)} văn bản`;
  const seconds = (data.took_ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 3 });
  const summary = data.total === 0
    ? 'Không có văn bản nào'
    : `Tìm thấy ${count}${pages > 1 ? ` · trang ${state.page}/${formatNumber(pages)}` : ''}`;
  const sort = el('select', {
    id: 'sort', class: 'toolbar__sort', dataset: { focusKey: 'sort' },
    onchange: (event) => ctx.navigate(withChanges(state, { sort: event.target.value })),
  }, Object.entries(SORT_LABELS).map(([value, label]) =>
    el('option', { value, selected: value === effectiveSort(state) }, label)));
  return el('div', { class: 'toolbar' },
    el('p', { class: 'toolbar__summary', id: 'summary' },
      summary, el('span', { class: 'toolbar__time' }, ` (${seconds} giây)`)),
    el('span', { class: 'toolbar__sort-group' },
      el('label', { class: 'toolbar__label', for: 'sort' }, 'Sắp xếp: '), sort),
    el('p', { class: 'share' }, copyLinkButton(), data.total ? csvLink(state) : null));
}

function pageCount(data) {
  return Math.min(Math.ceil(data.total / PAGE_SIZE), MAX_PAGE);
}

function filtersPanel(state, data, ctx) {
  const active = FILTER_NAMES.filter((n) => state[n]).length;
  const details = el('details', { class: 'filters', open: wideScreen.matches || filtersOpen },
    el('summary', { class: 'filters__toggle' },
      active ? `Bộ lọc (${active} đang áp dụng)` : 'Bộ lọc'),
    el('h2', { class: 'filters__title' }, 'Lọc kết quả'),
    FACETS.map((facet) => facetGroup(facet, state, data.facets?.[facet.name] ?? [])),
    dateRange(state, ctx));
  details.addEventListener('toggle', () => { filtersOpen = details.open; });
  wideScreen.onchange = () => { if (wideScreen.matches) details.open = true; };
  return el('aside', { class: 'filters-area', 'aria-label': 'Bộ lọc' }, details);
}

function facetGroup(facet, state, values) {
  const selected = state[facet.name];
  const items = [...values];
  if (selected && !items.some((item) => item.value === selected)) {
    items.unshift({ value: selected, count: null });
  }
  const expanded = expandedFacets.has(facet.name);
  const shown = expanded ? items : items.slice(0, FACET_SHOWN);
  const id = `facet-${facet.name}`;
  const list = el('ul', { class: 'facet__list', id },
    shown.map((item) => {
      const on = item.value === selected;
      const target = withChanges(state, { [facet.name]: on ? '' : item.value });
      return el('li', {},
        el('a', {
          class: `facet__item${on ? ' facet__item--on' : ''}`, href: href(target),
          dataset: { nav: '', focusKey: `facet-${facet.name}-${item.value}` },
          'aria-current': on ? 'true' : null,
          title: on ? `Bỏ lọc: ${facetLabel(facet.name, item.value)}` : `Chỉ xem: ${facetLabel(facet.name, item.value)}`,
        },
        el('span', { class: 'facet__value' }, facetLabel(facet.name, item.value)),
        item.count === null ? null : el('span', { class: 'facet__count' }, formatNumber(item.count))));
    }));
  const more = items.length > FACET_SHOWN
    ? el('button', {
      type: 'button', class: 'facet__more', 'aria-expanded': String(expanded),
      'aria-controls': id, dataset: { focusKey: `more-${facet.name}` },
      onclick: (event) => {
        if (expanded) expandedFacets.delete(facet.name); else expandedFacets.add(facet.name);
        const group = event.target.closest('.facet');
        group.replaceWith(facetGroup(facet, state, values));
        document.querySelector(`[data-focus-key="more-${facet.name}"]`)?.focus();
      },
    }, expanded ? 'Thu gọn' : `Xem thêm ${items.length - FACET_SHOWN}`)
    : null;
  return el('section', { class: 'facet', 'aria-labelledby': `${id}-title` },
    el('h3', { class: 'facet__title', id: `${id}-title` }, facet.label),
    items.length ? list : el('p', { class: 'facet__empty' }, 'Không có'),
    more);
}

/** A facet value as shown: the undated documents' bucket and statuses have names, the rest are themselves. */
function facetLabel(name, value) {
  if (name === 'status') return STATUS_LABELS[value] ?? value;
  return name === 'year' && value === UNDATED ? UNDATED_LABEL : value;
}

function dateRange(state, ctx) {
  // Text fields, not type=date: those follow the browser's language (mm/dd/yyyy in English).
  const field = (id, name, value) => el('input', {
    type: 'text', id, name, value: displayDate(value), inputmode: 'numeric', autocomplete: 'off',
    placeholder: 'dd/mm/yyyy', 'aria-describedby': 'date-format', dataset: { focusKey: name },
  });
  const from = field('date-from', 'from', state.from);
  const to = field('date-to', 'to', state.to);
  const problem = el('p', { class: 'date-range__problem', role: 'alert' });
  return el('form', {
    class: 'facet date-range',
    onsubmit: (event) => {
      event.preventDefault();
      const [start, end] = [parseDisplayDate(from.value), parseDisplayDate(to.value)];
      if (start === null || end === null) {
        problem.textContent = 'Ngày chưa đúng: hãy gõ ngày/tháng/năm, ví dụ 01/06/2025 (hoặc 06/2025, 2025).';
        (start === null ? from : to).focus();
        return;
      }
      // A month or a year runs from its first day to its last.
      const firstDay = (iso) => `${iso}-01-01`.slice(0, 10);
      const lastDay = (iso) => (iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso);
      if (start && end && firstDay(start) > lastDay(end)) {
        problem.textContent = 'Ngày bắt đầu phải trước ngày kết thúc.';
        return;
      }
      ctx.navigate(withChanges(state, { from: start, to: end }));
    },
  },
  el('h3', { class: 'facet__title' }, 'Khoảng thời gian ban hành'),
  el('div', { class: 'date-range__fields' },
    el('label', { for: 'date-from' }, 'Từ ngày', from),
    el('label', { for: 'date-to' }, 'Đến ngày', to)),
  el('p', { class: 'date-range__format', id: 'date-format' },
    'Ngày/tháng/năm, ví dụ 01/06/2025. Văn bản chỉ ghi tháng hoặc năm được tính khi tháng, năm đó giao với khoảng này.'),
  problem,
  el('button', { type: 'submit', class: 'button', dataset: { focusKey: 'date-apply' } }, 'Lọc theo ngày'));
}

function activeFilters(state) {
  const names = Object.keys(FILTER_LABELS).filter((name) => state[name]);
  if (!names.length) return null;
  const value = (name) => (name === 'from' || name === 'to' ? formatDate(state[name]) : facetLabel(name, state[name]));
  const clear = Object.fromEntries(names.map((name) => [name, '']));
  return el('ul', { class: 'chips', 'aria-label': 'Bộ lọc đang áp dụng' },
    names.map((name) => el('li', {},
      el('a', {
        class: 'chip', href: href(withChanges(state, { [name]: '' })),
        dataset: { nav: '', focusKey: `chip-${name}` },
        'aria-label': `Bỏ lọc ${FILTER_LABELS[name].toLowerCase()}: ${value(name)}`,
      }, `${FILTER_LABELS[name]}: ${value(name)}`, el('span', { class: 'chip__x', 'aria-hidden': 'true' }, ' ×')))),
    names.length > 1
      ? el('li', {}, el('a', { class: 'chip chip--clear', href: href(withChanges(state, clear)), dataset: { nav: '' } }, 'Xóa tất cả bộ lọc'))
      : null);
}

/**
 * When the query names document numbers (ctx.numbers: /api/references answers for them), say
 * for each whether it is in the index and how many documents cite it, with links to both.
 */
function numberNotice(state, numbers) {
  if (!numbers.length) return null;
  return numbers.map((info) => {
    // The number as understood: the document's own when one has it, else as the server read it.
    const shown = info.document?.number || info.understood || info.number;
    const own = info.document
      ? ['có trong cơ sở dữ liệu: ',
        el('a', { href: href(withChanges(state, { doc: info.document.id })), dataset: { nav: '' } },
          info.document.title || shown)]
      : info.documents?.length > 1
        ? `${formatNumber(info.documents.length)} văn bản mang số này`
        : 'chưa có trong cơ sở dữ liệu';
    return el('p', { class: 'notice notice--info number-notice' },
      `Số văn bản ${shown}: `, own, '. ',
      el('a', { href: href(withChanges(state, { ref: info.number })), dataset: { nav: '' } },
        info.total ? `Xem ${formatNumber(info.total)} văn bản trích dẫn số này` : 'Xem trang của số này'));
  });
}

/** The query was typed without an input method (Telex, VNI, words run together): what it was read as. */
function interpretedNotice(data) {
  if (!data.interpreted_as) return null;
  return el('p', { class: 'notice notice--info', id: 'interpreted', role: 'note' },
    'Đang hiển thị kết quả cho «', el('strong', {}, data.interpreted_as), '»',
    ' (đọc từ cách gõ không dấu Telex/VNI hoặc các từ viết liền).');
}

/**
 * A syllable of the query looks mistyped: the results of the query put right when no document
 * has every word as typed, else the query put right, one click away.
 */
function didYouMeanNotice(state, data) {
  if (!data.did_you_mean) return null;
  if (data.did_you_mean_searched) {
    return el('p', { class: 'notice notice--info', id: 'did-you-mean', role: 'note' },
      'Đang hiển thị kết quả cho «', el('strong', {}, data.did_you_mean),
      `». Không có văn bản nào chứa đủ các từ đã gõ «${state.q}».`);
  }
  return el('p', { class: 'notice notice--info', id: 'did-you-mean', role: 'note' },
    'Có phải bạn muốn tìm: ',
    el('a', { href: href(withChanges(state, { q: data.did_you_mean })), dataset: { nav: '' } },
      el('strong', {}, data.did_you_mean)),
    '?');
}

/** The server searched without some shards (--allow-partial): say the list may miss documents. */
function partialNotice(data) {
  if (!data.partial) return null;
  return el('p', { class: 'notice notice--error', role: 'status', id: 'partial-notice' },
    'Kết quả chưa đầy đủ: một phần kho văn bản tạm thời không trả lời, nên danh sách có thể thiếu văn bản. Vui lòng thử lại sau ít phút.');
}

/** No document had a number as typed in full: these have its numeral and codes in another year. */
function numbersWithoutYearNotice(data) {
  if (!data.numbers_without_year || !data.results.length) return null;
  const typed = data.numbers.length ? ` (${data.numbers.join(', ')})` : '';
  return el('p', { class: 'notice notice--info', id: 'numbers-without-year', role: 'note' },
    `Không có văn bản nào mang đúng số đã gõ${typed}; dưới đây là các văn bản có cùng số và ký hiệu, chỉ khác ở chỗ có hay không ghi năm ban hành.`);
}

function relaxedNotice(data) {
  if (!data.relaxed || !data.results.length) return null;
  return el('p', { class: 'notice notice--info', role: 'note' },
    'Không có văn bản nào chứa đủ tất cả các từ đã gõ; dưới đây là các văn bản chứa một phần.');
}

function resultList(state, data) {
  return el('ol', { class: 'results', start: String((state.page - 1) * PAGE_SIZE + 1) },
    data.results.map((result) => resultItem(state, result)));
}

function resultItem(state, result) {
  const f = result.fields ?? {};
  const number = fieldValue(f, 'number');
  const type = fieldValue(f, 'type');
  const subject = fieldValue(f, 'subject');
  const date = fieldValue(f, 'date');
  const year = fieldValue(f, 'year');
  const title = subject ? capitalize(subject) : result.title || result.id;
  return el('li', { class: 'result' },
    el('article', {},
      el('p', { class: 'result__kicker' },
        type ? el('span', { class: 'badge' }, type) : null,
        el('span', { class: 'result__number' }, number || 'Chưa rõ số'),
        f.draft ? el('span', { class: 'badge badge--draft' }, 'Dự thảo') : null,
        statusBadge(result.status, { card: true })),
      el('h2', { class: 'result__title' },
        el('a', {
          class: 'result__link', href: href(withChanges(state, { doc: result.id })),
          dataset: { nav: '', docId: result.id }, title,
        }, title)),
      el('p', { class: 'result__meta' },
        // The body with its province (Sở Giáo dục và Đào tạo Hải Phòng), as the issuer facet names it.
        el('span', { class: 'result__issuer' },
          result.issuer_label || fieldValue(f, 'issuer') || 'Chưa rõ cơ quan ban hành'),
        el('span', { class: 'result__date' }, issueDateLabel(date, fieldValue(f, 'month'), year)),
        result.citations ? el('span', {}, `Trích dẫn ${formatNumber(result.citations)} văn bản`) : null),
      result.snippet ? el('p', { class: 'result__snippet' }, snippetNodes(result.snippet)) : null));
}

function noResults(state, data, suggestions) {
  const link = (target, text) => el('a', { href: href(target), dataset: { nav: '' } }, text);
  if (state.page > 1 && data.total > 0) {
    return el('div', { class: 'notice', id: 'no-results' },
      el('p', { class: 'notice__title' }, 'Trang này không có kết quả.'),
      el('p', {}, link({ ...state, page: 1 }, 'Về trang đầu')));
  }
  return el('div', { class: 'notice notice--empty', id: 'no-results' },
    el('p', { class: 'notice__title' },
      state.q ? `Không tìm thấy văn bản nào cho «${state.q}»` : 'Không có văn bản nào khớp bộ lọc',
      hasFilters(state) ? ' với bộ lọc đã chọn.' : '.'),
    suggestions.length
      ? [el('p', {}, 'Bạn có thể thử:'),
        el('ul', { class: 'suggestions', id: 'suggestions' }, suggestions.map((s) => el('li', {},
          link(s.state, s.label), ` (${formatNumber(s.total)} văn bản)`)))]
      : null,
    el('p', { class: 'muted' },
      'Gợi ý: kiểm tra chính tả; gõ không dấu (ví dụ «chuyen doi so»); bớt từ để tìm rộng hơn; ',
      'hoặc tìm theo số văn bản (ví dụ ', link(withChanges(state, { q: '57-NQ/TW' }), '57-NQ/TW'), ').'));
}

function pager(state, data) {
  const pages = pageCount(data);
  if (pages <= 1) return null;
  const current = Math.min(state.page, pages);
  const numbers = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const shown = [...numbers].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items = [];
  const pageLink = (n, text, label) => el('a', {
    class: 'pager__link', href: href({ ...state, page: n }),
    dataset: { nav: '' }, 'aria-label': label,
  }, text);
  if (current > 1) items.push(pageLink(current - 1, '‹ Trước', 'Trang trước'));
  shown.forEach((n, i) => {
    if (i && n - shown[i - 1] > 1) items.push(el('span', { class: 'pager__gap', 'aria-hidden': 'true' }, '…'));
    items.push(n === current
      ? el('span', { class: 'pager__current', 'aria-current': 'page' }, String(n))
      : pageLink(n, String(n), `Trang ${n}`));
  });
  if (current < pages) items.push(pageLink(current + 1, 'Sau ›', 'Trang sau'));
  return el('nav', { class: 'pager', 'aria-label': 'Phân trang' }, items);
}
