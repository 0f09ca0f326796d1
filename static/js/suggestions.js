// When a search finds nothing: other searches close to it (without a filter, without the phrase
// quotes or exclusions, without accents, with fewer words), each asked of the server so that
// only those that do find documents are offered, with how many.
import { hasAccents, stripAccents } from './format.js';
import { FILTER_NAMES, searchParameters, withChanges } from './url-state.js';
import { STATUS_LABELS } from './relations.js';

const FILTER_LABELS = {
  issuer: 'cơ quan ban hành', type: 'loại văn bản', year: 'năm', status: 'hiệu lực', from: 'từ ngày', to: 'đến ngày',
};

/** `q` without the document numbers in it (`numbers`: as the server read them), as words. */
function wordsBeside(q, numbers) {
  let rest = q.normalize('NFC');
  for (const number of numbers) rest = rest.replace(number.normalize('NFC'), ' ');
  return rest.split(/\s+/).filter(Boolean);
}

function candidates(state, numbers = []) {
  const out = [];
  const active = FILTER_NAMES.filter((name) => state[name]);
  for (const name of active) {
    const value = name === 'status' ? STATUS_LABELS[state[name]] ?? state[name] : state[name];
    out.push({ kind: 'filter', label: `Bỏ lọc ${FILTER_LABELS[name]} «${value}»`, state: withChanges(state, { [name]: '' }) });
  }
  if (active.length > 1) {
    const none = Object.fromEntries(active.map((name) => [name, '']));
    out.push({ kind: 'filter', label: 'Bỏ mọi bộ lọc', state: withChanges(state, none) });
  }
  const q = state.q;
  const loose = q.replace(/(^|\s)-\S+/g, ' ').replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim();
  if (loose && loose !== q) {
    out.push({ kind: 'query', label: `Tìm không cần đúng cụm từ: «${loose}»`, state: withChanges(state, { q: loose }) });
  }
  if (q && hasAccents(q)) {
    const plain = stripAccents(q);
    out.push({ kind: 'query', label: `Tìm không dấu: «${plain}»`, state: withChanges(state, { q: plain }) });
  }
  if (numbers.length) {
    // A number is what the person is after: broader searches keep it and drop the words beside.
    const besides = wordsBeside(loose, numbers);
    if (besides.length) {
      const only = numbers.join(' ');
      out.push({ kind: 'query', label: `Chỉ tìm số văn bản: «${only}»`, state: withChanges(state, { q: only }) });
    }
    if (besides.length > 1) {
      const broader = [...numbers, ...besides.slice(0, -1)].join(' ');
      out.push({ kind: 'query', label: `Tìm rộng hơn: «${broader}»`, state: withChanges(state, { q: broader }) });
    }
    return out;
  }
  const words = loose.split(' ').filter(Boolean);
  if (words.length > 1) {
    const broader = words.slice(0, -1).join(' ');
    out.push({ kind: 'query', label: `Tìm rộng hơn: «${broader}»`, state: withChanges(state, { q: broader }) });
  }
  return out;
}

/**
 * The candidates that find something: [{label, state, total}]. `search(params, signal)` is the
 * API call; a failing candidate is just left out. `numbers`: the document numbers the server
 * read in the query (its `numbers`), which every suggestion keeps.
 */
export async function findSuggestions(state, search, signal, numbers = []) {
  const asked = candidates(state, numbers).slice(0, 6);
  const answers = await Promise.all(asked.map(async (candidate) => {
    const params = searchParameters(candidate.state);
    params.set('limit', '1');
    params.set('offset', '0');
    try {
      const data = await search(params, signal);
      return { ...candidate, total: data.total };
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      return { ...candidate, total: 0 };
    }
  }));
  return answers.filter((answer) => answer.total > 0);
}
