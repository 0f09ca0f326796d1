// What every browser test needs: a corpus indexed by the real tracuu-index, the real
// tracuu-server on a free port serving static/, and Debian's Chromium driven by playwright-core.
//
// Paths come from the environment (CTest sets them) or default to this checkout's build/:
//   TRACUU_INDEX_BINARY, TRACUU_SERVER_BINARY, TRACUU_SOURCE_DIR, TRACUU_SHARED_DIR, CHROMIUM
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = process.env.TRACUU_SOURCE_DIR ?? path.resolve(here, '../..');
const indexBinary = process.env.TRACUU_INDEX_BINARY ?? path.join(sourceDir, 'build/indexer/tracuu-index');
const serverBinary = process.env.TRACUU_SERVER_BINARY ?? path.join(sourceDir, 'build/server/tracuu-server');
const sharedDir = process.env.TRACUU_SHARED_DIR ?? path.resolve(sourceDir, '../shared');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Three documents of the shared corpus that cite one another, so the page shows a citation that
// leads to an indexed document and a "cited by" list (the bundled corpus has no such pair):
// 11654/VPCP-CN and 224/CĐ-TTg both cite Thông báo 627/TB-VPCP.
export const LINKED = {
  cited: { file: '50f694478a35aefd.txt', number: '627/TB-VPCP' },
  citing: [
    { file: '2c71d790ecdeb8d1.txt', number: '11654/VPCP-CN' },
    { file: '1095764e502a89b8.txt', number: '224/CĐ-TTg' },
  ],
};
export const linkedId = (file) => `legal-2025/${file}`;

function fail(message) {
  throw new Error(`browser tests: ${message}`);
}

/** playwright-core, or a message saying how to install it. */
async function playwright() {
  try {
    return await import('playwright-core');
  } catch {
    fail(`playwright-core is not installed: run 'npm ci' in ${here} (scripts/test does)`);
  }
}

/**
 * A folder laid out like corpus/: the bundled seeds and ubtvqh-2025, plus the linked documents
 * from ../shared/corpus/legal-2025. Copied at test time: shared texts are never committed.
 */
function makeCorpus(root) {
  const bundled = path.join(sourceDir, 'corpus');
  for (const folder of ['seeds', 'ubtvqh-2025']) {
    fs.cpSync(path.join(bundled, folder), path.join(root, folder), {
      recursive: true,
      filter: (p) => fs.statSync(p).isDirectory() || p.endsWith('.txt'),
    });
  }
  const legal = path.join(sharedDir, 'corpus', 'legal-2025', 'docs');
  if (!fs.existsSync(legal)) {
    fail(`the shared corpus is expected at ${legal} (set TRACUU_SHARED_DIR)`);
  }
  fs.mkdirSync(path.join(root, 'legal-2025'));
  for (const { file } of [LINKED.cited, ...LINKED.citing]) {
    fs.copyFileSync(path.join(legal, file), path.join(root, 'legal-2025', file));
  }
}

/** Starts tracuu-server; resolves once it says where it listens. */
function startServer(args, port = 0) {
  if (!fs.existsSync(serverBinary)) fail(`no server binary at ${serverBinary}: build first`);
  const child = spawn(serverBinary, [...args, '--listen', `127.0.0.1:${port}`, '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${said}`)), 15000);
    child.stderr.on('data', (chunk) => {
      said += chunk;
      const found = said.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (found) {
        clearTimeout(timer);
        resolve({ child, url: found[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${said}`));
    });
  });
}

/**
 * Indexes the test corpus and starts the server on it. Returns {url, tmp, stop(), stopServer(),
 * startServer()}.
 * With {database: 'missing'} the server runs on a database folder that does not exist, so
 * every API call answers 503 while the page itself is served; with {database: DIR} it serves
 * that database (another server's `db`). `serverArgs` go to tracuu-server as they are.
 */
export async function startTracuu({
  database = 'corpus', staticDir = path.join(sourceDir, 'static'), serverArgs = [],
} = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tracuu-browser-'));
  let db = path.join(tmp, 'db');
  if (database !== 'corpus' && database !== 'missing') {
    db = database;
  } else if (database === 'corpus') {
    const corpus = path.join(tmp, 'corpus');
    makeCorpus(corpus);
    const run = spawnSync(indexBinary, ['--db', db, '--root', corpus, '--quiet', corpus], { encoding: 'utf8' });
    if (run.status !== 0) fail(`${indexBinary} failed (${run.status}): ${run.stderr}`);
  } else {
    db = path.join(tmp, 'no-such-database');
  }
  const args = ['--db', db, '--static', staticDir, ...serverArgs];
  let { child, url } = await startServer(args);
  const stopServer = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    tmp,
    db,
    /** Stops the server only (the page then meets a closed port). */
    stopServer,
    /** Starts it again on the same port. */
    async startServer() {
      ({ child } = await startServer(args, new URL(url).port));
    },
    async stop() {
      await stopServer();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, offline-friendly flags, a fresh profile, in Vietnamese. */
export async function launchBrowser() {
  if (!fs.existsSync(chromiumPath)) {
    fail(`no Chromium at ${chromiumPath}: install Debian's chromium (scripts/test does)`);
  }
  const { chromium } = await playwright();
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // A Vietnamese browser, as the users have (date fields read dd/mm/yyyy; chromium-l10n).
      '--lang=vi',
    ],
    env: { ...process.env, LANGUAGE: 'vi' },
  });
}

/**
 * A new page with its problems collected: console errors, uncaught exceptions, failed or
 * blocked loads (a CSP violation shows up as a console error), anything loaded from another
 * origin (the page must work offline). Tests assert the list is empty,
 * except for what they provoke themselves.
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && !['data:', 'blob:'].includes(url.protocol)) {
      page.problems.push(`loaded from elsewhere: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') page.problems.push(`failed: ${request.url()} ${reason}`);
  });
  return page;
}

/** The page's own view of the API, for comparing what it shows with what the server says. */
export async function apiJson(baseUrl, pathAndQuery) {
  const response = await fetch(`${baseUrl}${pathAndQuery}`);
  if (!response.ok) throw new Error(`${pathAndQuery}: HTTP ${response.status}`);
  return response.json();
}

/** Waits until the page has rendered a view and no request is in flight. */
export async function settled(page) {
  await page.waitForFunction(() => !document.body.classList.contains('is-loading')
    && document.querySelector('#main h1') !== null);
}

/**
 * The test corpus served by the real programs and a Chromium, for a whole test file: started
 * before its tests, stopped after them. Read them through the live bindings below.
 */
export let tracuu;
export let browser;
export function serveCorpusInBrowser() {
  before(async () => {
    tracuu = await startTracuu();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await tracuu?.stop();
  });
}
