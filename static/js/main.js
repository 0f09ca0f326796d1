// The page's controller: reads the state from the URL, asks the API, renders a view, and keeps
// the URL, the history and the keyboard focus in step.
import * as api from './api.js';
import { el } from './dom.js';
import { errorSentence, parameterAdvice } from './messages.js';
import { renderDocument } from './document-view.js';
import { renderReferences } from './reference-view.js';
import { renderSearch } from './search-view.js';
import { findSuggestions } from './suggestions.js';
import { rememberInterpretation } from './interpretations.js';
import {
  hasFilters, href, queryString, readState, searchOnly, searchParameters, withChanges,
} from './url-state.js';

const TYPING_DELAY_MS = 250;
// The page puts the reading position back itself (it is known only once a view is drawn).
history.scrollRestoration = 'manual';

const main = document.getElementById('main');
const form = document.getElementById('search-form');
const input = document.getElementById('q');
// One live region that stays in the page: screen readers hear each new view's summary once.
const announcer = document.getElementById('announcer');

let shownState = readState(location.search);
/** True while the current history entry was made by typing: more typing replaces it. */
let typingEntry = false;
let typingTimer = 0;
let request = null;
let renderCount = 0;

function currentUrl() {
  return location.pathname + location.search;
}

function urlOf(state) {
  return location.pathname + queryString(state);
}

/**
 * Shows `state` and records it in the history: a new entry, except while typing (one entry
 * per typed query, not per letter).
 */
function navigate(state, { typing = false } = {}) {
  const url = urlOf(state);
  if (url !== currentUrl()) {
    if (typing && typingEntry) history.replaceState(null, '', url);
    else {
      // Where the reader was, kept with the entry they leave: Back returns there.
      history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
      history.pushState(null, '', url);
    }
  }
  typingEntry = typing;
  show(state, { typing });
}

async function show(state, { typing = false, restoring = false, initial = false } = {}) {
  const previous = shownState;
  shownState = state;
  if (restoring || document.activeElement !== input) input.value = state.q;
  const count = ++renderCount;
  request?.abort();
  request = new AbortController();
  const { signal } = request;
  document.body.classList.add('is-loading');
  main.setAttribute('aria-busy', 'true');
  try {
    // Every answer first, then one render, only if no newer view was asked for meanwhile.
    let draw;
    if (state.doc) {
      const doc = await api.fetchDocument(state.doc, signal);
      draw = () => renderDocument(main, doc, state);
    } else if (state.ref) {
      const references = await api.fetchReferences(state.ref, signal);
      draw = () => renderReferences(main, references, state);
    } else {
      const data = await api.search(searchParameters(state), signal);
      rememberInterpretation(state.q, data.interpreted_as);
      const [suggestions, numbers] = await Promise.all([
        data.total === 0 && (state.q || hasFilters(state))
          ? findSuggestions(state, api.search, signal, data.numbers ?? [])
          : [],
        numbersKnown(data.numbers ?? [], signal),
      ]);
      draw = () => renderSearch(main, state, data, { navigate, suggestions, numbers });
    }
    if (count !== renderCount) return;
    const focusKey = document.activeElement?.dataset?.focusKey; // the control in use, if any
    const heading = draw();
    announcer.textContent = state.doc || state.ref
      ? `Đã mở: ${heading.textContent}`
      : main.querySelector('#summary')?.textContent ?? '';
    placeFocus({
      focusKey, heading, typing, initial, previous, view: Boolean(state.doc || state.ref),
      scrollY: restoring ? history.state?.scrollY : undefined,
    });
  } catch (error) {
    if (error.name === 'AbortError' || count !== renderCount) return;
    if (typing && error.kind === 'request' && error.parameter === 'q' && keepWhileTyping(state)) return;
    renderError(error, state);
  } finally {
    if (count === renderCount) {
      document.body.classList.remove('is-loading');
      main.removeAttribute('aria-busy');
    }
  }
}

/** The /api/references answers for the query's document numbers that the index knows of. */
async function numbersKnown(keys, signal) {
  const answers = await Promise.all(keys.slice(0, 3).map((key) => api.fetchReferences(key, signal)
    .catch((error) => { if (error.name === 'AbortError') throw error; return null; })));
  return answers.filter((info) => info && (info.total > 0 || info.documents?.length));
}

/**
 * After a render, put the keyboard focus where a person expects it: in the search box while
 * typing and on first load; on the result they came back from; on the same facet or menu they
 * just used; otherwise on the new view's heading (which also scrolls it into view).
 */
function placeFocus({
  focusKey, heading, typing, initial, previous, view, scrollY,
}) {
  const saved = Number.isFinite(scrollY);
  if (saved) window.scrollTo(0, scrollY); // Back or Forward: the reading position
  if (typing || document.activeElement === input) return;
  if (view) {
    // A document opened from a search shows the first match (its navigator moves on from there).
    const matches = main.querySelector('#match-nav');
    if (matches && !saved) matches.navigate(0);
    else if (!saved) window.scrollTo(0, 0);
    heading?.focus({ preventScroll: true });
    return;
  }
  if (initial) {
    input.focus();
    return;
  }
  const find = (selector) => main.querySelector(selector);
  const cameBackTo = previous?.doc && find(`.result__link[data-doc-id="${CSS.escape(previous.doc)}"]`);
  const sameControl = focusKey && find(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  (cameBackTo || sameControl || heading)?.focus({ preventScroll: saved });
}

/**
 * While typing, a condition not finished yet (`nam:2` on the way to `nam:2025`) keeps the
 * results shown and says so quietly instead of replacing them with an error; Enter shows the
 * error. False when no results are shown to keep.
 */
function keepWhileTyping(state) {
  const heading = main.querySelector('#results-title');
  if (!heading) return false;
  main.querySelector('#typing-problem')?.remove();
  heading.after(el('p', { class: 'notice notice--info', id: 'typing-problem', role: 'status' },
    `«${state.q}» chưa phải là điều kiện tìm kiếm hợp lệ. Kết quả bên dưới là của lần tìm trước; gõ tiếp, hoặc nhấn Enter để xem cần sửa gì.`));
  return true;
}

function renderError(error, state) {
  if (error.kind === 'unauthorized') {
    renderTokenForm(error);
    return;
  }
  let title;
  let detail = error.code ? errorSentence(error.code) : '';
  if (error.kind === 'network') {
    title = 'Không kết nối được với máy chủ tra cứu.';
    detail = 'Kiểm tra kết nối mạng rồi thử lại.';
  } else if (error.kind === 'server') {
    title = `Máy chủ tra cứu đang gặp lỗi (mã ${error.status}).`;
    if (!error.code) detail = 'Vui lòng thử lại sau ít phút. Nếu lỗi còn tiếp diễn, hãy báo cho bộ phận quản trị.';
  } else if (error.kind === 'not_found') {
    title = state.doc ? 'Không tìm thấy văn bản này.' : 'Không tìm thấy trang này.';
    detail = 'Văn bản có thể đã bị gỡ khỏi chỉ mục, hoặc đường dẫn bị sai.';
  } else if (error.kind === 'request') {
    title = error.code === 'bad_parameter' || !error.code ? 'Điều kiện tìm kiếm không hợp lệ.' : errorSentence(error.code);
    detail = error.code === 'bad_parameter' || !error.code ? parameterAdvice(error.parameter) : 'Hãy sửa rồi thử lại.';
  } else {
    title = 'Trang tra cứu gặp lỗi.';
    detail = 'Hãy tải lại trang.';
  }
  const retry = el('button', { type: 'button', class: 'button', onclick: () => show(shownState) }, 'Thử lại');
  const heading = el('h1', { class: 'notice__title', tabindex: '-1' }, title);
  // The server's own message is English, for its log: never shown here.
  main.replaceChildren(el('div', { class: 'notice notice--error', id: 'error', role: 'alert' },
    heading,
    el('p', {}, detail),
    el('p', { class: 'notice__actions' },
      error.kind === 'network' || error.kind === 'server' ? retry : null,
      ' ', el('a', { href: href(searchOnly({ ...state, page: 1 })), dataset: { nav: '' } }, 'Về trang tìm kiếm'))));
  document.title = 'Lỗi – Tra cứu văn bản';
  if (document.activeElement !== input) heading.focus();
}

/**
 * The server wants an access token: asked for once, kept for this tab's session
 * (sessionStorage), then the view is shown again.
 */
function renderTokenForm(error) {
  const rejected = Boolean(api.accessToken());
  const field = el('input', {
    id: 'token', name: 'token', type: 'password', class: 'token-form__input', required: true,
    autocomplete: 'current-password', spellcheck: 'false',
  });
  const heading = el('h1', { class: 'notice__title', tabindex: '-1' }, errorSentence(error.code || 'unauthorized'));
  const form = el('form', {
    class: 'token-form',
    onsubmit: (event) => {
      event.preventDefault();
      const token = field.value.trim();
      if (!token) return;
      api.setAccessToken(token);
      show(shownState);
    },
  },
  el('label', { for: 'token' }, 'Mã truy cập'),
  field,
  el('button', { type: 'submit', class: 'button' }, 'Tiếp tục'));
  main.replaceChildren(el('div', { class: 'notice notice--info', id: 'token-needed', role: 'alert' },
    heading,
    el('p', {}, rejected
      ? 'Mã truy cập vừa dùng không đúng hoặc đã hết hiệu lực. Hãy nhập lại mã do bộ phận quản trị cấp.'
      : 'Hãy nhập mã truy cập do bộ phận quản trị cấp. Trang sẽ ghi nhớ mã cho đến khi đóng thẻ trình duyệt này.'),
    form));
  if (rejected) api.setAccessToken('');
  document.title = 'Cần mã truy cập – Tra cứu văn bản';
  field.focus();
}

// Links inside the page change the view without reloading; modified clicks (new tab...) do not.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (!link || event.defaultPrevented || event.button !== 0
      || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = new URL(link.href);
  if (target.origin !== location.origin) return;
  event.preventDefault();
  navigate(readState(target.search));
});

window.addEventListener('popstate', () => {
  typingEntry = false;
  clearTimeout(typingTimer);
  show(readState(location.search), { restoring: true });
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (input.value.trim() === shownState.q && !shownState.doc && !shownState.ref) return;
    navigate(withChanges(searchOnly(shownState), { q: input.value.trim() }), { typing: true });
  }, TYPING_DELAY_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  typingEntry = false;
  const next = withChanges(searchOnly(shownState), { q: input.value.trim() });
  if (urlOf(next) === currentUrl()) {
    // Already shown while typing, unless kept back as not finished: then say what is wrong.
    if (main.querySelector('#typing-problem')) show(next);
    return;
  }
  navigate(next);
});

// Keyboard: '/' goes to the search box; arrows move between the box and the results.
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey
      && !event.target.closest('input, textarea, select, [contenteditable]')) {
    event.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...main.querySelectorAll('.result__link')];
  if (event.target === input) {
    if (event.key === 'ArrowDown' && links.length) {
      event.preventDefault();
      links[0].focus();
    }
    return;
  }
  const at = links.indexOf(event.target);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
  else if (at === 0) input.focus();
  else links[at - 1].focus();
});

show(shownState, { restoring: true, initial: true });
