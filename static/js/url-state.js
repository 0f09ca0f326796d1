// The page's whole state lives in the URL's query string, so a copied link shows the same view
// and the browser's back and forward buttons move between views. Names are the API's own.
//
//   ?q=chuyen+doi+so&issuer=...&type=...&year=2025&status=in_force&from=2025-01-01&to=2025-12-31&sort=date&page=2
//   ...&doc=seeds/004_883586d83ecb7309.txt   a document (the search stays in the URL for "back")
//   ...&ref=57-NQ/TW                          the documents citing a number

import { FACET_FIELDS, STATUSES } from './query-fields.js';

export const PAGE_SIZE = 10;
/** The API answers offsets up to 10000. */
export const MAX_PAGE = Math.floor(10000 / PAGE_SIZE) + 1;

/**
 * The page's filters: the query fields every search counts (query-fields.js, generated from the
 * server's tables), the status of force and the date range.
 */
export const FILTER_NAMES = [...FACET_FIELDS, 'status', 'from', 'to'];
const TEXT_NAMES = ['q', ...FILTER_NAMES, 'sort', 'doc', 'ref'];
const SORTS = ['relevance', 'date', 'oldest'];

export function emptyState() {
  return { ...Object.fromEntries(TEXT_NAMES.map((name) => [name, ''])), page: 1 };
}

/** The state in a query string (location.search); unknown or bad values are dropped. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const name of TEXT_NAMES) state[name] = (params.get(name) ?? '').trim();
  if (!SORTS.includes(state.sort)) state.sort = '';
  if (!STATUSES.includes(state.status)) state.status = '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1;
  return state;
}

/** '?q=...' for `state`, leaving out what is empty or the default ('' when nothing is set). */
export function queryString(state) {
  const params = new URLSearchParams();
  for (const name of TEXT_NAMES) {
    if (state[name]) params.set(name, state[name]);
  }
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A link target for `state`, relative to the page ('./' is the start page). */
export function href(state) {
  return queryString(state) || './';
}

/**
 * `state` with `changes`; a change to the query, a filter or the sort goes back to page 1, and
 * any search change leaves the document or reference view.
 */
export function withChanges(state, changes) {
  const next = { ...state, ...changes };
  const searchChanged = ['q', ...FILTER_NAMES, 'sort'].some(
    (name) => name in changes && changes[name] !== state[name]);
  if (searchChanged && !('page' in changes)) next.page = 1;
  if (searchChanged && !('doc' in changes)) next.doc = '';
  if (searchChanged && !('ref' in changes)) next.ref = '';
  return next;
}

/** The search part of `state` only (what "back to the results" shows). */
export function searchOnly(state) {
  return { ...state, doc: '', ref: '' };
}

/** Sort actually used: by relevance when there is a query, else newest first. */
export function effectiveSort(state) {
  return state.sort || (state.q ? 'relevance' : 'date');
}

export function hasFilters(state) {
  return FILTER_NAMES.some((name) => state[name]);
}

/** The /api/search parameters for `state`. */
export function searchParameters(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTER_NAMES) {
    if (state[name]) params.set(name, state[name]);
  }
  params.set('sort', effectiveSort(state));
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return params;
}
