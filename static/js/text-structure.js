// Tables in the full text. The indexer stores a crawled page's pipe table (`| 11 | 00226 | … |`)
// as one line per row, each cell after a tab (indexer/extraction_cleanup.hpp; headings,
// emphasis, rules and `<br>` are removed there); here consecutive such lines are a table, its
// first row the header, and a table longer than LONG_TABLE rows shows its first rows and
// "Xem toàn bộ bảng". Works on the full text's pieces (strings, and the citation links made from
// the API's byte spans), so every link keeps its place, inside a cell too.
import { el } from './dom.js';
import { formatNumber } from './format.js';

const LONG_TABLE = 25;
const SHOWN_ROWS = 10;

/** The text of a line's pieces. */
function textOf(line) {
  return line.map((piece) => (typeof piece === 'string' ? piece : piece.textContent)).join('');
}

// A row starts with a tab and has two cells at least (a DOCX line may hold a tab or two too, but
// rarely starts with one).
const isRow = (text) => text.startsWith('\t') && text.indexOf('\t', 1) > 0 && text.trim() !== '';
const isBlank = (text) => text.trim() === '';

/**
 * Splits pieces (strings and elements) into groups at each `separator` of the strings; `keep`
 * says which string parts are kept.
 */
function splitPieces(pieces, separator, keep) {
  const groups = [[]];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      groups.at(-1).push(piece);
      continue;
    }
    piece.split(separator).forEach((part, i) => {
      if (i > 0) groups.push([]);
      if (keep(part)) groups.at(-1).push(part);
    });
  }
  return groups;
}

/** Splits pieces into lines (arrays of pieces) at each '\n' of the strings. */
const splitLines = (pieces) => splitPieces(pieces, '\n', (part) => part !== '');

/** A row's cells: its pieces split at each tab; before the first tab: nothing. */
const cells = (line) => splitPieces(line, '\t', (part) => part.trim() !== '').slice(1);

function table(lines) {
  const [head, ...rows] = lines.map(cells);
  const width = Math.max(...lines.map((line) => cells(line).length));
  const pad = (row) => [...row, ...Array(width - row.length).fill([])];
  const long = rows.length > LONG_TABLE;
  const body = el('tbody', {}, rows.map((row, i) => el('tr', { hidden: long && i >= SHOWN_ROWS },
    pad(row).map((cell) => el('td', {}, cell)))));
  const block = el('div', { class: 'text-table' },
    el('table', {},
      el('thead', {}, el('tr', {}, pad(head).map((cell) => el('th', { scope: 'col' }, cell)))),
      body));
  if (long) {
    const button = el('button', {
      type: 'button', class: 'text-table__more', onclick: () => block.expand(),
    }, `Xem toàn bộ bảng (${formatNumber(rows.length)} hàng)`);
    block.expand = () => {
      for (const tr of body.querySelectorAll('tr[hidden]')) tr.hidden = false;
      button.remove();
    };
    block.append(button);
  }
  return block;
}

/**
 * The full text's pieces (strings and link elements) as nodes for a `white-space: pre-wrap`
 * container: lines as text, runs of tab-separated rows as tables.
 */
export function structuredText(pieces) {
  const lines = splitLines(pieces);
  const out = [];
  let i = 0;
  while (i < lines.length) {
    if (!isRow(textOf(lines[i]))) {
      out.push(...lines[i], i + 1 < lines.length ? '\n' : '');
      ++i;
      continue;
    }
    const rows = [];
    for (;;) {
      while (i < lines.length && isRow(textOf(lines[i]))) rows.push(lines[i++]);
      // Empty lines between rows (the header's rule, extraction residue) do not end the table.
      let next = i;
      while (next < lines.length && isBlank(textOf(lines[next]))) ++next;
      if (next === i || next >= lines.length || !isRow(textOf(lines[next]))) break;
      i = next;
    }
    out.push(rows.length > 1 ? table(rows) : [...rows[0], '\n']);
  }
  return out;
}
