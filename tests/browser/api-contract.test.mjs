// The API's contract (server/openapi.json, OpenAPI 3.1) against the real server: every endpoint
// and every error kind is asked for, and each answer's status, media type, required headers and
// body are validated with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). An answer the
// contract does not describe fails, and so does a path or error code of the contract that no
// request produced: the file cannot drift from the server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LINKED, linkedId, sourceDir, startTracuu } from './harness.mjs';

const spec = JSON.parse(fs.readFileSync(path.join(sourceDir, 'server/openapi.json'), 'utf8'));
const TOKEN = 'contract-test-token';
const ORIGIN = 'https://congthongtin.example.gov.vn';
// Codes no request can provoke: a bug (internal), a status the server never picks (error), and a
// body too large (the server refuses every request with a body before reading it).
const UNREACHABLE_CODES = new Set(['internal', 'error', 'payload_too_large']);

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const compiled = new Map();
addFormats(ajv);
// OpenAPI's own members around the schemas.
ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components',
  'jsonSchemaDialect', 'externalDocs', 'webhooks']);
ajv.addSchema(spec, 'openapi');

const exercised = new Set(); // "get /api/search"
const codesSeen = new Set();

let main; // the corpus, CORS on, a static folder with a link leading outside
let guarded; // the same database, --token-file
let tiny; // one worker, no wait list, 2 s timeout
let missing; // no database
let shardDown; // the corpus and a remote shard that refuses connections
let partial; // the same, --allow-partial

/** A loopback port nothing listens on (taken, then let go). */
function closedPort() {
  return new Promise((resolvePromise) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** `#/components/...` -> that object, following $ref. */
function resolve(node) {
  let pointer = '';
  while (node && node.$ref) {
    pointer = node.$ref.slice(1);
    node = pointer.split('/').slice(1).reduce((at, key) => at[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return { node, pointer };
}

const escape = (key) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** An HTTP request as sent, the answer with its body decoded (chunks, gzip). */
function request(base, target, { method = 'GET', headers = {}, body } = {}) {
  const url = new URL(base);
  return new Promise((resolvePromise, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, method, path: target, headers: { Connection: 'close', ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let bytes = Buffer.concat(chunks);
        if (res.headers['content-encoding'] === 'gzip') bytes = zlib.gunzipSync(bytes);
        if (res.headers['content-encoding'] === 'br') bytes = zlib.brotliDecompressSync(bytes);
        resolvePromise({ status: res.statusCode, headers: res.headers, text: bytes.toString('utf8') });
      });
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Bytes on a raw socket (for requests no HTTP client sends), the answer parsed. */
function raw(base, bytes, { holdOpenMs = 0 } = {}) {
  const url = new URL(base);
  return new Promise((resolvePromise, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (error) => (chunks.length ? null : reject(error)));
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const head = all.slice(0, all.indexOf('\r\n\r\n'));
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolvePromise({ status: Number(statusLine.split(' ')[1]), headers, text: all.slice(head.length + 4) });
    });
    socket.write(bytes);
    if (holdOpenMs === 0) socket.end();
  });
}

/** Validates `answer` as the contract's response of `template` for `method`. */
function check(template, method, answer, what = template) {
  const context = `${method.toUpperCase()} ${what} -> ${answer.status}: ${answer.text.slice(0, 300)}`;
  // Methods that are not served get the 405 every operation describes.
  const operation = spec.paths[template]?.[method] ?? (answer.status === 405 ? spec.paths[template]?.get : undefined);
  assert.ok(operation, `the contract has no ${method} ${template}`);
  exercised.add(`${method} ${template}`);
  const declared = operation.responses[String(answer.status)] ?? operation.responses.default;
  assert.ok(declared, `status not in the contract: ${context}`);
  const { node: response, pointer } = resolve(declared);
  const base = pointer || `/paths/${escape(template)}/${method}/responses/${answer.status}`;
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const { node } = resolve(header);
    if (node.required) assert.ok(answer.headers[name.toLowerCase()] !== undefined, `header ${name} missing: ${context}`);
  }
  if (!response.content) {
    assert.equal(answer.text, '', `no body expected: ${context}`);
    return;
  }
  const type = (answer.headers['content-type'] ?? '').split(';')[0].trim();
  const mediaType = type in response.content ? type : '*/*';
  assert.ok(mediaType in response.content, `media type ${type} not in the contract: ${context}`);
  const ref = `openapi#${base}/content/${escape(mediaType)}/schema`;
  if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
  const validate = compiled.get(ref);
  const body = type === 'application/json' ? JSON.parse(answer.text) : answer.text;
  if (!validate(body)) assert.fail(`${context}\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  if (body?.error?.code) codesSeen.add(body.error.code);
}

async function get(server, template, target, options = {}) {
  const answer = await request(server.url, target, options);
  check(template, (options.method ?? 'GET').toLowerCase(), answer, target);
  return answer;
}

before(async () => {
  const staticDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tracuu-contract-static-'));
  fs.cpSync(path.join(sourceDir, 'static'), staticDir, { recursive: true });
  fs.symlinkSync('/etc/hostname', path.join(staticDir, 'leak.txt'));
  main = await startTracuu({ staticDir, serverArgs: ['--cors-origin', ORIGIN] });
  main.staticDir = staticDir;
  fs.writeFileSync(path.join(main.tmp, 'tokens'), `${TOKEN}\n`);
  guarded = await startTracuu({ database: main.db, serverArgs: ['--token-file', path.join(main.tmp, 'tokens')] });
  tiny = await startTracuu({ database: main.db, serverArgs: ['--threads', '1', '--queue', '0', '--timeout', '2'] });
  missing = await startTracuu({ database: 'missing' });
  const stub = path.join(main.tmp, 'stub');
  fs.mkdirSync(stub);
  fs.writeFileSync(path.join(stub, 'XAPIANDB'), `auto ${main.db}\nremote 127.0.0.1:${await closedPort()}\n`);
  shardDown = await startTracuu({ database: stub });
  partial = await startTracuu({ database: stub, serverArgs: ['--allow-partial'] });
});

after(async () => {
  for (const server of [guarded, tiny, missing, shardDown, partial, main]) await server?.stop();
  if (main?.staticDir) fs.rmSync(main.staticDir, { recursive: true, force: true });
});

describe('the served contract', () => {
  it('is the file in the repository, and valid OpenAPI 3.1 with JSON Schema 2020-12', async () => {
    const answer = await get(main, '/api/openapi.json', '/api/openapi.json');
    assert.deepEqual(JSON.parse(answer.text), spec);
    assert.equal(spec.openapi, '3.1.0');
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      assert.ok(ajv.getSchema(`openapi#/components/schemas/${name}`), `schema ${name} compiles`);
      assert.ok(schema.type || schema.oneOf || schema.const, `schema ${name} has a type`);
    }
  });
});

describe('every endpoint answers as the contract says', () => {
  it('/api/search: JSON, every sort and filter, paging, relaxed, gzip, CSV', async () => {
    for (const query of ['q=chuyen%20doi%20so', 'q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91&sort=date',
      'q=57%20NQ%20TW', 'q=%22th%E1%BB%A7%20t%E1%BB%A5c%22%20-ph%C3%B2ng&sort=oldest', 'issuer=S%E1%BB%9F%20GD%C4%90T&year=2025',
      'type=C%C3%B4ng%20v%C4%83n&from=2025-01&to=2025-12-31&limit=100', 'cites=57-NQ%2FTW', 'signer=Ph%E1%BA%A1m%20Qu%E1%BB%91c%20Hi%E1%BB%87u',
      'number=627%2FTB-VPCP', 'q=nghi%20quyet&offset=3&limit=4', 'q=xyzzy%20chuyen', 'limit=1', 'q=khongcotu', '',
      'q=chuy', 'q=ke%20hoach%20chuy', 'q=1654%2F2025%2FNQ-UBTVQH15', 'q=118%2FN%C4%90-CP',
      'cites=57-NQ%2FTW&relation=implements', 'cites=57%20NQ&relation=basis', 'relation=amends', 'cites=57-NQ%2FTW&relation=sua']) {
      await get(main, '/api/search', `/api/search?${query}`);
    }
    // Read as typed without an input method: `interpreted_as` is there, and checked.
    for (const query of ['q=chuyeenr%20ddooir%20soos', 'q=chuye6n3%20d9o6i3%20so61', 'q=chuyendoiso']) {
      const answer = await get(main, '/api/search', `/api/search?${query}`);
      assert.ok(JSON.parse(answer.text).interpreted_as, query);
    }
    const packed = await get(main, '/api/search', '/api/search?q=chuyen%20doi%20so', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(packed.headers['content-encoding'], 'gzip');
    const csv = await get(main, '/api/search', '/api/search?q=chuyen%20doi%20so&format=csv');
    assert.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
    assert.ok(csv.text.startsWith('\ufeffid,number,type,issuer,date,subject,link\r\n'));
  });

  it('/api/documents/{id} and its source: whole, a range, past the end', async () => {
    const ids = ['seeds/000_ad8cc43618a4a18a.txt', 'seeds/001_91529e2d677ee411.txt',
      linkedId(LINKED.cited.file), linkedId(LINKED.citing[0].file)];
    for (const id of ids) {
      const doc = JSON.parse((await get(main, '/api/documents/{id}', `/api/documents/${id}`)).text);
      assert.ok(doc.source, `${id} has its original`);
      await get(main, '/api/documents/{id}/source', doc.source.url);
    }
    const cited = JSON.parse((await request(main.url, `/api/documents/${linkedId(LINKED.cited.file)}`)).text);
    assert.ok(cited.cited_by.length > 0, 'a document cited by others');
    const source = `/api/documents/${ids[0]}/source`;
    const part = await get(main, '/api/documents/{id}/source', source, { headers: { Range: 'bytes=0-99' } });
    assert.equal(part.status, 206);
    const past = await get(main, '/api/documents/{id}/source', source, { headers: { Range: 'bytes=999999-' } });
    assert.equal(past.status, 416);
    await get(main, '/api/documents/{id}/source', '/api/documents/seeds/nope.txt/source');
    await get(main, '/api/documents/{id}', '/api/documents/seeds%2F001_91529e2d677ee411.txt');
  });

  it('a remote shard that does not answer: 503 shard_unavailable, or partial answers', async () => {
    for (const [template, target] of [['/api/search', '/api/search?q=nghi%20quyet'], ['/healthz', '/healthz']]) {
      const answer = await get(shardDown, template, target);
      assert.equal(answer.status, 503, target);
      assert.equal(JSON.parse(answer.text).error.code, 'shard_unavailable', target);
    }
    for (const [template, target] of [['/api/search', '/api/search?q=nghi%20quyet'], ['/api/stats', '/api/stats'],
      ['/healthz', '/healthz'], ['/api/documents/{id}', '/api/documents/seeds/000_ad8cc43618a4a18a.txt'],
      ['/api/references/{number}', '/api/references/57-NQ-TW']]) {
      const answer = await get(partial, template, target);
      assert.equal(answer.status, 200, target);
      const body = JSON.parse(answer.text);
      assert.equal(body.partial, true, target);
      assert.equal(body.missing_shards.length, 1, target);
    }
    // Not found among the shards that answer: it may be on the missing one.
    assert.equal((await get(partial, '/api/documents/{id}', '/api/documents/seeds/nope.txt')).status, 503);
    assert.equal((await get(partial, '/api/search', '/api/search?q=nghi&format=csv')).status, 503);
  });

  it('/api/references/{number}: indexed, only cited, unknown', async () => {
    for (const number of ['57-NQ-TW', encodeURIComponent(LINKED.cited.number), '118%2F2025%2FN%C4%90-CP', 'NQ57',
      '57-NQ-TW?relation=implements', '57-NQ-TW?relation=khong']) {
      await get(main, '/api/references/{number}', `/api/references/${number}`);
    }
  });

  it('/api/stats, /healthz, /metrics, the page and its files', async () => {
    await get(main, '/api/stats', '/api/stats');
    await get(main, '/healthz', '/healthz');
    const metrics = await get(main, '/metrics', '/metrics');
    assert.match(metrics.text, /tracuu_documents \d+/);
    const page = await get(main, '/{file}', '/');
    await get(main, '/{file}', '/', { headers: { 'If-None-Match': page.headers.etag } });
    await get(main, '/{file}', '/js/api.js', { headers: { 'Accept-Encoding': 'gzip' } });
    await get(main, '/{file}', '/js/api.js', { headers: { Range: 'bytes=0-9' } });
    await get(main, '/{file}', '/js/api.js', { headers: { Range: 'bytes=999999-' } });
  });

  it('CORS: the preflight and the answers to an allowed origin', async () => {
    const preflight = await get(main, '/api/search', '/api/search?q=a', {
      method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    const answer = await get(main, '/api/search', '/api/search?q=a', { headers: { Origin: ORIGIN } });
    assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    const refused = await get(main, '/api/search', '/api/search?q=a', { method: 'OPTIONS', headers: { Origin: 'https://other.example' } });
    assert.equal(refused.status, 405);
  });

  it('with --token-file: 401 without a token, the same answers with one', async () => {
    for (const [template, target] of [['/api/search', '/api/search?q=a'], ['/api/stats', '/api/stats'],
      ['/api/documents/{id}', '/api/documents/seeds/000_ad8cc43618a4a18a.txt'],
      ['/api/documents/{id}/source', '/api/documents/seeds/000_ad8cc43618a4a18a.txt/source'],
      ['/api/references/{number}', '/api/references/57-NQ-TW'], ['/api/openapi.json', '/api/openapi.json'],
      ['/metrics', '/metrics']]) {
      const refused = await get(guarded, template, target);
      assert.equal(refused.status, 401);
      const wrong = await get(guarded, template, target, { headers: { Authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 401);
      const allowed = await get(guarded, template, target, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.ok(allowed.status < 400, `${target} with the token: ${allowed.status}`);
    }
    assert.equal((await get(guarded, '/healthz', '/healthz')).status, 200);
  });
});

describe('every error kind answers as the contract says', () => {
  it('bad parameters, ids and numbers', async () => {
    for (const query of ['limit=0', 'limit=101', 'offset=10001', 'offset=-1', 'sort=best', 'from=hom-qua',
      'foo=1', 'q=a&q=a', 'q=%zz', 'q=%FF', `q=${'a'.repeat(1001)}`, `q=${'a%20'.repeat(60)}`, 'format=xlsx',
      'format=csv&limit=10001']) {
      const answer = await get(main, '/api/search', `/api/search?${query}`);
      assert.equal(answer.status, 400, query);
    }
    assert.equal((await get(main, '/api/documents/{id}', '/api/documents/..%2F..%2Fetc%2Fpasswd')).status, 400);
    assert.equal((await get(main, '/api/documents/{id}', '/api/documents/seeds/khong-co.txt')).status, 404);
    assert.equal((await get(main, '/api/references/{number}', '/api/references/khong-phai-so')).status, 400);
  });

  it('malformed requests, methods, paths and sizes', async () => {
    const withBody = await raw(main.url, 'GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello');
    check('/api/stats', 'get', withBody);
    assert.equal(withBody.status, 400);
    for (const method of ['DELETE', 'POST', 'PUT']) {
      assert.equal((await get(main, '/api/search', '/api/search?q=a', { method, body: 'x' })).status, 405);
    }
    const traversal = await raw(main.url, 'GET //etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    check('/{file}', 'get', traversal);
    assert.equal(traversal.status, 400);
    assert.equal((await get(main, '/{file}', '/leak.txt')).status, 403);
    assert.equal((await get(main, '/{file}', '/khong-co.js')).status, 404);
    assert.equal((await get(main, '/api/search', `/api/search?q=${'a'.repeat(9000)}`)).status, 414);
    const huge = await raw(main.url, `GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(3 << 20)}\r\nConnection: close\r\n\r\n`);
    check('/api/stats', 'get', huge);
    assert.equal(huge.status, 431);
    const badRange = await get(main, '/{file}', '/js/api.js', { headers: { Range: 'bytes=abc' } });
    assert.equal(badRange.status, 416);
  });

  it('a request that never arrives whole: 408; a full server: 503 busy', async () => {
    const slow = await raw(tiny.url, 'GET /api/stats HTTP/1.1\r\nHost: x\r\n', { holdOpenMs: 1 });
    check('/api/stats', 'get', slow);
    assert.equal(slow.status, 408);
    // One worker and no wait list: while one connection holds the worker, the next is refused.
    let busy;
    for (let attempt = 0; attempt < 50 && busy?.status !== 503; attempt += 1) {
      const holder = net.connect(Number(new URL(tiny.url).port), '127.0.0.1');
      await new Promise((r) => holder.once('connect', r));
      await new Promise((r) => setTimeout(r, 50 + attempt * 20));
      busy = await raw(tiny.url, 'GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      holder.destroy();
    }
    check('/api/stats', 'get', busy);
    assert.equal(busy.status, 503);
    assert.equal(JSON.parse(busy.text).error.code, 'busy');
    assert.equal(busy.headers['retry-after'], '1');
  });

  it('no database: 503 unavailable, the page still served', async () => {
    for (const [template, target] of [['/api/search', '/api/search?q=a'], ['/api/stats', '/api/stats'], ['/healthz', '/healthz'],
      ['/api/documents/{id}', '/api/documents/a.txt'], ['/api/references/{number}', '/api/references/57-NQ-TW']]) {
      const answer = await get(missing, template, target);
      assert.equal(answer.status, 503, target);
    }
    assert.equal((await get(missing, '/{file}', '/')).status, 200);
  });
});

describe('coverage of the contract', () => {
  it('every path and method of the contract was asked for, and every error code produced', () => {
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const method of Object.keys(operations)) {
        assert.ok(exercised.has(`${method} ${template}`), `never asked: ${method} ${template}`);
      }
    }
    const { node: error } = resolve({ $ref: '#/components/schemas/Error' });
    for (const code of error.properties.error.properties.code.enum) {
      if (!UNREACHABLE_CODES.has(code)) assert.ok(codesSeen.has(code), `error code never produced: ${code}`);
    }
  });
});
