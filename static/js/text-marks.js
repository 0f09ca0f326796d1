// The query's words marked inside a document's full text, by the rule the server's snippets use:
// a word matches when its accent-free, lower-case form is one of the query's syllables; when the
// query's syllables occur in order as a phrase (nothing but spaces between them), only the phrase
// is marked. A mark never runs across punctuation. Plus the "n/N" navigator between the marks.
import { el } from './dom.js';
import { stripAccents } from './format.js';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const BLOCKS = new Set(['BR', 'TD', 'TH', 'TR', 'P', 'HR', 'DIV', 'TABLE']);

/** 'Chuyển' -> 'chuyen': the form words are compared in (as the index's accent-free terms). */
export function fold(word) {
  return stripAccents(word.normalize('NFC')).toLowerCase();
}

/**
 * The syllables of `q` that search the text: operators' words (`-dự`, `-"Lý Sơn"`), field filters
 * (`so:57-NQ/TW`) and document numbers (words with digits) are left out.
 */
export function querySyllables(q) {
  const text = (q ?? '')
    .replace(/-"[^"]*"?/g, ' ')
    .replace(/(^|\s)-\S+/g, ' ')
    .replace(/(^|\s)[\p{L}]+:("[^"]*"?|\S+)/gu, ' ');
  const words = [];
  for (const token of text.split(/\s+/)) {
    if (/\d/.test(token)) continue;
    for (const [word] of token.matchAll(WORD)) words.push(fold(word));
  }
  return words;
}

/**
 * Wraps the query's matches inside `container` in <mark class="match">, across element
 * boundaries (a cited number's link) when needed. Returns one entry per match: its marks.
 */
export function markMatches(container, q) {
  const wanted = querySyllables(q);
  if (!wanted.length) return [];
  const nodes = [];
  let text = '';
  // Line breaks and table cells part words as spaces do (they hold no text of their own).
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (BLOCKS.has(node.tagName)) text += '\n';
      continue;
    }
    nodes.push({ node, begin: text.length });
    text += node.data;
  }
  const words = [...text.matchAll(WORD)].map((m) => ({
    begin: m.index, end: m.index + m[0].length, folded: fold(m[0]),
  }));
  // Only spaces between, or the - or / inside a document number (57-NQ/TW): as the snippets do.
  const spaceBetween = (a, b) => /^(?:\s+|[-/])$/.test(text.slice(a.end, b.begin));
  let ranges = [];
  if (wanted.length > 1) {
    for (let i = 0; i + wanted.length <= words.length; ++i) {
      let k = 0;
      while (k < wanted.length && words[i + k].folded === wanted[k]
        && (k === 0 || spaceBetween(words[i + k - 1], words[i + k]))) ++k;
      if (k === wanted.length) {
        ranges.push([words[i].begin, words[i + k - 1].end]);
        i += k - 1;
      }
    }
  }
  if (!ranges.length) {
    const set = new Set(wanted);
    // Neighbouring matches with only spaces between read as one: `chuyển đổi số`.
    for (const [i, word] of words.entries()) {
      if (!set.has(word.folded)) continue;
      const previous = ranges.at(-1);
      if (previous && previous.word === i - 1 && spaceBetween(words[i - 1], word)) {
        previous[1] = word.end;
        previous.word = i;
      } else {
        const range = [word.begin, word.end];
        range.word = i;
        ranges.push(range);
      }
    }
  }
  // From the last range back: wrapping splits text nodes after the offsets still to be used.
  const matches = ranges.reverse().map((range) => wrap(nodes, range)).reverse();
  matches.forEach((marks, i) => marks.forEach((mark) => { mark.dataset.match = String(i); }));
  return matches;
}

/** Wraps text offsets [begin, end) of the concatenated text nodes; one <mark> per node touched. */
function wrap(nodes, [begin, end]) {
  const marks = [];
  for (let i = nodes.length - 1; i >= 0; --i) {
    const { node, begin: nodeBegin } = nodes[i];
    if (nodeBegin >= end || nodeBegin + node.data.length <= begin) continue;
    // A line break inside a phrase stays unmarked.
    if (!node.data.slice(Math.max(begin, nodeBegin) - nodeBegin, end - nodeBegin).trim()) continue;
    const range = document.createRange();
    range.setStart(node, Math.max(begin, nodeBegin) - nodeBegin);
    range.setEnd(node, Math.min(end, nodeBegin + node.data.length) - nodeBegin);
    const mark = el('mark', { class: 'match' });
    range.surroundContents(mark); // the node keeps the text before the mark
    marks.unshift(mark);
  }
  return marks;
}

/**
 * "Kết quả 1/12" with previous and next buttons (also the keys n and Shift+N): moves between
 * `matches` (from markMatches), scrolling each into view. Returns {element, go(index)}.
 */
export function matchNavigator(matches) {
  let current = -1;
  const position = el('span', { class: 'match-nav__position', id: 'match-position', 'aria-live': 'polite' });
  const go = (index, { scroll = true } = {}) => {
    if (!matches.length) return;
    const next = ((index % matches.length) + matches.length) % matches.length;
    if (current >= 0) for (const mark of matches[current]) mark.classList.remove('match--current');
    current = next;
    // A match in the folded part of a long table opens the table first.
    matches[current][0].closest('tr[hidden]')?.closest('.text-table')?.expand?.();
    for (const mark of matches[current]) mark.classList.add('match--current');
    position.textContent = `${current + 1}/${matches.length}`;
    if (scroll) matches[current][0].scrollIntoView({ block: 'center' });
  };
  const element = el('div', {
    class: 'match-nav', id: 'match-nav', role: 'group', 'aria-label': 'Các chỗ khớp với từ khóa',
  },
  el('span', { class: 'match-nav__label' }, 'Chỗ khớp: '), position,
  el('button', {
    type: 'button', class: 'match-nav__button', id: 'match-previous', title: 'Chỗ khớp trước (phím Shift+N)',
    'aria-label': 'Chỗ khớp trước', onclick: () => go(current - 1),
  }, '‹ Trước'),
  el('button', {
    type: 'button', class: 'match-nav__button', id: 'match-next', title: 'Chỗ khớp sau (phím n)',
    'aria-label': 'Chỗ khớp sau', onclick: () => go(current + 1),
  }, 'Sau ›'));
  element.navigate = go;
  element.current = () => current;
  return element;
}

// n / N anywhere but in a field move to the next / previous match of the shown navigator.
document.addEventListener('keydown', (event) => {
  if ((event.key !== 'n' && event.key !== 'N') || event.ctrlKey || event.metaKey || event.altKey
      || event.target.closest?.('input, textarea, select, [contenteditable]')) return;
  const nav = document.getElementById('match-nav');
  if (!nav?.navigate) return;
  event.preventDefault();
  nav.navigate(nav.current() + (event.key === 'n' ? 1 : -1));
});
