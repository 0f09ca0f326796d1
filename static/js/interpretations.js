// How the server read queries typed without a Vietnamese input method (its `interpreted_as`:
// `chuyeenr ddooir soos` searched as `chuyển đổi số`), kept for this tab so that a document
// opened from those results marks the words it was found by, also after a reload.

const KEY = 'tracuu.interpretations';
const KEPT = 20;
let memory = {};

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') ?? {};
  } catch {
    return memory;
  }
}

/** Remembers that `q` was searched as `interpreted` (the latest few queries only). */
export function rememberInterpretation(q, interpreted) {
  if (!q || !interpreted) return;
  const all = stored();
  delete all[q];
  all[q] = interpreted;
  const names = Object.keys(all);
  for (const name of names.slice(0, Math.max(0, names.length - KEPT))) delete all[name];
  memory = all;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage refused (private mode): remembered until the page is left.
  }
}

/** The text `q` was searched as: its interpretation when it had one, else `q`. */
export function searchedText(q) {
  return (q && stored()[q]) || q;
}
