// Transcript tests of the API: each tests/transcripts/*.txt is a list of requests, each followed by
// the answer it expects (status, a few stable headers, the body with JSON keys sorted). This runner
// replays every file against the real tracuu-server (tests/browser/harness.mjs indexes the test
// corpus with the real tracuu-index) and shows a line diff on mismatch.
// TRACUU_UPDATE_TRANSCRIPTS=1 rewrites the expected answers from the server's own (README.md here).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTracuu } from '../browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const updating = process.env.TRACUU_UPDATE_TRANSCRIPTS === '1';
const only = process.env.TRACUU_TRANSCRIPT; // one file's name, to run it alone

// The headers a transcript shows: the stable ones, and X-Request-Id as a placeholder.
const SHOWN_HEADERS = ['content-type', 'content-encoding', 'content-range', 'content-disposition', 'cache-control',
  'vary', 'allow', 'retry-after', 'www-authenticate', 'access-control-allow-origin',
  'access-control-allow-methods', 'access-control-allow-headers'];
const HEADER_PLACEHOLDERS = { 'x-request-id': '<request-id>' };
// Also replaced in headers and bodies: the server's http://127.0.0.1:PORT by <server> and the
// test's temporary folder by <tmp> (localizer below).
// JSON members whose value changes from run to run or with every index change, wherever they are.
const JSON_PLACEHOLDERS = { took_ms: '<number>', score: '<number>', revision: '<number>', as_of: '<today>' };
// Text bodies shown whole; others (the page, scripts, PDFs) are shown as <any>.
const SHOWN_TEXT = /^(text\/csv|text\/plain|application\/json)/;
const SHOWN_TEXT_LIMIT = 2000;

// ---------------------------------------------------------------------------------- the format

/**
 * A transcript's text -> {preamble, exchanges}. An exchange: comment lines, `>>> METHOD TARGET`,
 * request header lines, optionally a blank line and a body, then `<<< STATUS`, header lines, a
 * blank line and the expected body, up to the next exchange's comments or `>>>`.
 */
function parse(text, file) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const starts = lines.flatMap((line, i) => (line.startsWith('>>> ') ? [i] : []));
  // Comments directly above `>>>` (after a blank line) belong to that exchange.
  const commentStart = (at) => {
    let i = at;
    while (i > 0 && lines[i - 1].startsWith('#')) i -= 1;
    return i === at || i === 0 || lines[i - 1].trim() === '' ? i : at;
  };
  const firstStart = starts.length ? commentStart(starts[0]) : lines.length;
  const preamble = lines.slice(0, firstStart);
  const exchanges = starts.map((start, n) => {
    const end = n + 1 < starts.length ? commentStart(starts[n + 1]) : lines.length;
    const comments = lines.slice(commentStart(start), start);
    const block = lines.slice(start, end);
    const [method, ...rest] = block[0].slice(4).trim().split(' ');
    const target = rest.join(' ');
    if (!method || !target) throw new Error(`${file}:${start + 1}: expected '>>> METHOD TARGET'`);
    const answerAt = block.findIndex((line) => line.startsWith('<<< '));
    const requestLines = block.slice(1, answerAt < 0 ? block.length : answerAt);
    const blank = requestLines.findIndex((line) => line.trim() === '');
    const headerLines = blank < 0 ? requestLines : requestLines.slice(0, blank);
    const body = blank < 0 ? '' : trimEnd(requestLines.slice(blank + 1)).join('\n');
    const headers = headerLines.map((line) => {
      const colon = line.indexOf(':');
      if (colon < 1) throw new Error(`${file}:${start + 1}: a request header is 'Name: value', not '${line}'`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
    const expected = answerAt < 0 ? null : trimEnd(block.slice(answerAt)).join('\n');
    return { comments, method, target, headers, body, requestText: trimEnd(block.slice(0, answerAt < 0 ? block.length : answerAt)), expected, line: start + 1 };
  });
  return { preamble, exchanges };
}

function trimEnd(lines) {
  let n = lines.length;
  while (n > 0 && lines[n - 1].trim() === '') n -= 1;
  return lines.slice(0, n).map((line) => line.replace(/\s+$/, ''));
}

/** `%args ...`, `%database missing`, `%token T` lines of the preamble -> how to start the server. */
function serverOptions(preamble) {
  const options = { args: [], database: 'shared', token: null };
  for (const line of preamble) {
    const [directive, ...words] = line.trim().split(/\s+/);
    if (directive === '%args') options.args.push(...words);
    else if (directive === '%database') options.database = words[0];
    else if (directive === '%token') options.token = words[0];
    else if (directive.startsWith('%')) throw new Error(`unknown directive ${directive}`);
  }
  return options;
}

/** `<repeat N TEXT>` -> TEXT N times (long URLs and headers); non-ASCII and spaces in the target percent-encoded. */
const expand = (text) => text.replace(/<repeat (\d+) ([^>]*)>/g, (_, n, what) => what.repeat(Number(n)));
const encodeTarget = (target) => expand(target).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

// ------------------------------------------------------------------------------- the exchange

/** Sends the request as written on a raw socket (so bodies on GET, `//paths` and huge headers go as they are). */
function send(base, exchange) {
  const url = new URL(base);
  const body = Buffer.from(expand(exchange.body), 'utf8');
  let head = `${exchange.method} ${encodeTarget(exchange.target)} HTTP/1.1\r\nHost: ${url.host}\r\n`;
  for (const [name, value] of exchange.headers) head += `${name}: ${expand(value)}\r\n`;
  if (body.length) head += `Content-Length: ${body.length}\r\n`;
  head += 'Connection: close\r\n\r\n';
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks = [];
    socket.setTimeout(60000, () => socket.destroy(new Error('no answer within 60 s')));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (error) => (chunks.length ? null : reject(error)));
    socket.on('close', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks), exchange.method));
      } catch (error) {
        reject(error);
      }
    });
    socket.write(head);
    if (body.length) socket.write(body);
    socket.end();
  });
}

function parseAnswer(bytes, method) {
  const split = bytes.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no complete answer: ${bytes.toString('utf8').slice(0, 200)}`);
  const [statusLine, ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
  }
  let body = bytes.subarray(split + 4);
  if (method === 'HEAD') body = Buffer.alloc(0);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  if (headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
  if (headers['content-encoding'] === 'br') body = zlib.brotliDecompressSync(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function dechunk(bytes) {
  const parts = [];
  let at = 0;
  for (;;) {
    const eol = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(bytes.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Sorted keys, placeholders for JSON_PLACEHOLDERS members holding numbers or strings. */
function canonicalJson(value) {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    const placeholder = JSON_PLACEHOLDERS[key];
    const plain = typeof value[key] === 'number' || typeof value[key] === 'string';
    out[key] = placeholder && plain ? `\u0000${placeholder}` : canonicalJson(value[key]);
  }
  return out;
}

const WIDTH = 100;

/** One line: `{"a": 1, "b": [2, 3]}`. */
function inline(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
}

/** JSON indented by two, an array or object kept on one line when that line fits in WIDTH columns. */
function pretty(value, indent = '', lead = 0) {
  const flat = inline(value);
  if (value === null || typeof value !== 'object' || indent.length + lead + flat.length <= WIDTH) return flat;
  const entries = Array.isArray(value) ? value.map((v) => ['', v]) : Object.entries(value).map(([k, v]) => [`${JSON.stringify(k)}: `, v]);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const inner = `${indent}  `;
  // +1 for the comma after each member.
  const lines = entries.map(([key, v]) => `${inner}${key}${pretty(v, inner, key.length + 1)}`);
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/** The body as a transcript shows it, given the mode of the expected body (`<any>`, `<lines>` or shown). */
function renderBody(answer, expectedBody, local) {
  const type = answer.headers['content-type'] ?? '';
  const text = local(answer.body.toString('utf8'));
  if (answer.body.length === 0) return [];
  if (expectedBody[0] === '<any>') return ['<any>'];
  if (expectedBody[0] === '<lines>') {
    // Each expected line must be one of the answer's lines (numbers of Prometheus samples masked).
    const actual = new Set(showText(text).split('\n').map((line) => line.replace(/^([a-z_]\w*(\{[^}]*\})?) \S+$/, '$1 <number>')));
    return ['<lines>', ...expectedBody.slice(1).filter((line) => actual.has(line))];
  }
  if (type.startsWith('application/json')) {
    try {
      return pretty(canonicalJson(JSON.parse(text))).replace(/"\\u0000(<[a-z-]+>)"/g, '$1').split('\n');
    } catch {
      return [`<not JSON> ${text.slice(0, 200)}`];
    }
  }
  if (!SHOWN_TEXT.test(type) || text.length > SHOWN_TEXT_LIMIT) return ['<any>'];
  return trimEnd(showText(text).split('\n'));
}

/** CRLF shown as LF, a byte-order mark as <BOM>. */
const showText = (text) => text.replace(/\r\n/g, '\n').replace(/^\ufeff/, '<BOM>');

/** The server's address and temporary folders -> <server>, <tmp> (they change with every run). */
function localizer(server) {
  const pairs = [[server.url, '<server>'], [server.tmp, '<tmp>'], [shared.tmp, '<tmp>']];
  return (text) => pairs.reduce((out, [from, to]) => out.replaceAll(from, to), text);
}

function renderAnswer(answer, expected, local) {
  const expectedLines = expected ? expected.split('\n') : [];
  const blank = expectedLines.indexOf('');
  const expectedBody = blank < 0 ? [] : expectedLines.slice(blank + 1);
  const lines = [`<<< ${answer.status}`];
  for (const name of Object.keys(answer.headers).sort()) {
    if (SHOWN_HEADERS.includes(name)) lines.push(`${name}: ${local(answer.headers[name])}`);
    else if (HEADER_PLACEHOLDERS[name]) lines.push(`${name}: ${HEADER_PLACEHOLDERS[name]}`);
  }
  const body = renderBody(answer, expectedBody, local);
  if (body.length) lines.push('', ...body);
  return lines.join('\n');
}

/** A line diff (longest common subsequence), `-` expected, `+` actual, with 3 lines of context. */
function diff(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push([' ', a[i]]);
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(['-', a[i]]);
      i += 1;
    } else {
      out.push(['+', b[j]]);
      j += 1;
    }
  }
  const near = out.map((_, k) => out.slice(Math.max(0, k - 3), k + 4).some(([mark]) => mark !== ' '));
  return out.flatMap(([mark, line], k) => {
    if (near[k]) return [`${mark} ${line}`];
    return near[k - 1] ? ['  ...'] : [];
  }).join('\n');
}

// ------------------------------------------------------------------------------------ the run

const files = fs.readdirSync(here).filter((name) => name.endsWith('.txt') && (!only || name === only)).sort();
let shared; // the indexed corpus every transcript's server reads
const servers = [];

before(async () => {
  shared = await startTracuu();
});

after(async () => {
  for (const server of servers) await server.stop();
  await shared?.stop();
});

/** A server for one transcript, fresh so that its /metrics counts only its own requests. */
async function serverFor(options) {
  const serverArgs = [...options.args];
  if (options.token) {
    const tokens = path.join(shared.tmp, `tokens-${servers.length}`);
    fs.writeFileSync(tokens, `${options.token}\n`);
    serverArgs.push('--token-file', tokens);
  }
  const server = await startTracuu({ database: options.database === 'missing' ? 'missing' : shared.db, serverArgs });
  servers.push(server);
  return server;
}

describe('API transcripts (tests/transcripts)', () => {
  it('has transcripts', () => assert.ok(files.length > 0, `no transcript in ${here}`));
  for (const file of files) {
    it(file, async () => {
      const where = path.join(here, file);
      const { preamble, exchanges } = parse(fs.readFileSync(where, 'utf8'), file);
      const server = await serverFor(serverOptions(preamble));
      const local = localizer(server);
      const failures = [];
      const written = [...trimEnd(preamble)];
      for (const exchange of exchanges) {
        const answer = await send(server.url, exchange);
        const actual = renderAnswer(answer, exchange.expected, local);
        if (exchange.expected === null) {
          failures.push(`${file}:${exchange.line}: ${exchange.method} ${exchange.target}: no expected answer yet (run with TRACUU_UPDATE_TRANSCRIPTS=1)\n${actual}`);
        } else if (actual !== exchange.expected) {
          failures.push(`${file}:${exchange.line}: ${exchange.method} ${exchange.target}\n${diff(exchange.expected, actual)}`);
        }
        if (written.length) written.push('');
        written.push(...exchange.comments, ...exchange.requestText, actual);
      }
      if (updating) {
        fs.writeFileSync(where, `${written.join('\n')}\n`);
        return;
      }
      assert.ok(failures.length === 0, `${failures.length} answer(s) differ from the transcript `
        + `(- expected, + actual; TRACUU_UPDATE_TRANSCRIPTS=1 rewrites them):\n\n${failures.join('\n\n')}`);
    });
  }
});
