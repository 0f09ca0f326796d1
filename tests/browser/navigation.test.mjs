// The page as a whole in real Chromium: a copied URL gives the same view, back and forward,
// keyboard only, a phone-sized screen, and what a person sees when the server fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, startTracuu, tracuu,
} from './harness.mjs';
import { resultCards, searchFor, viewIs } from './page-helpers.mjs';

serveCorpusInBrowser();

/** What a view shows, to compare two pages. */
async function snapshot(page) {
  return page.evaluate(() => ({
    heading: document.querySelector('#main h1')?.textContent,
    query: document.querySelector('#q').value,
    sort: document.querySelector('#sort')?.value ?? null,
    chips: [...document.querySelectorAll('.chip')].map((c) => c.textContent),
    results: [...document.querySelectorAll('.result__link')].map((a) => a.href),
    page: document.querySelector('.pager__current')?.textContent ?? null,
    fields: document.querySelector('.fields')?.textContent ?? null,
    text: document.querySelector('.fulltext')?.textContent.length ?? null,
    title: document.title,
  }));
}

const activeElement = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName, id: a?.id, className: a?.className, text: a?.textContent?.trim(), doc: a?.dataset?.docId };
});

describe('whole page', () => {
  it('gives the same view back from a copied URL, at every step', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await searchFor(page, 'sap xep don vi hanh chinh');
    await page.locator('#facet-type .facet__item', { hasText: 'Nghị quyết' }).click();
    await viewIs(page, { q: 'sap xep don vi hanh chinh', type: 'Nghị quyết' });
    await page.locator('#sort').selectOption('oldest');
    await viewIs(page, { q: 'sap xep don vi hanh chinh', type: 'Nghị quyết', sort: 'oldest' });
    await page.getByRole('link', { name: 'Trang sau' }).click();
    await viewIs(page, { q: 'sap xep don vi hanh chinh', type: 'Nghị quyết', sort: 'oldest', page: '2' });
    const searchUrl = page.url();
    const searchView = await snapshot(page);
    assert.equal(searchView.page, '2');
    assert.equal(searchView.results.length, 10);
    await page.locator('.result__link').nth(3).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
    await settled(page);
    const documentUrl = page.url();
    const documentView = await snapshot(page);
    assert.ok(documentView.text > 1000);

    for (const [url, expected] of [[searchUrl, searchView], [documentUrl, documentView]]) {
      const copy = await openPage(browser);
      await copy.goto(url);
      await settled(copy);
      assert.deepEqual(await snapshot(copy), expected, url);
      assert.deepEqual(copy.problems, []);
      await copy.context().close();
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('moves back and forward through searches, filters and documents', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await searchFor(page, 'chuyen doi so');
    const unfiltered = await resultCards(page);
    await page.locator('#facet-type .facet__item', { hasText: 'Công văn' }).click();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn' });
    const filtered = await resultCards(page);
    assert.ok(filtered.length < unfiltered.length);
    const opened = filtered[1].id;
    await page.locator('.result__link').nth(1).click();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn', doc: opened });

    await page.goBack();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn' });
    assert.deepEqual(await resultCards(page), filtered);
    await page.goBack();
    await viewIs(page, { q: 'chuyen doi so' });
    assert.deepEqual(await resultCards(page), unfiltered);
    assert.equal(await page.locator('#q').inputValue(), 'chuyen doi so');
    await page.goBack();
    await viewIs(page, {});
    assert.equal(await page.locator('#q').inputValue(), '', 'the box follows the history');
    await page.goForward();
    await viewIs(page, { q: 'chuyen doi so' });
    await page.goForward();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn' });
    await page.goForward();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn', doc: opened });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('works with the keyboard alone', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    // The search box has focus on arrival; '/' brings it back from anywhere.
    assert.equal((await activeElement(page)).id, 'q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.notEqual((await activeElement(page)).id, 'q');
    await page.keyboard.press('/');
    assert.equal((await activeElement(page)).id, 'q');

    await page.keyboard.type('chuyen doi so');
    await page.keyboard.press('Enter');
    await viewIs(page, { q: 'chuyen doi so' });
    const cards = await resultCards(page);
    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElement(page)).doc, cards[0].id);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElement(page)).doc, cards[2].id);
    await page.keyboard.press('ArrowUp');
    assert.equal((await activeElement(page)).doc, cards[1].id);
    await page.keyboard.press('Enter');
    await viewIs(page, { q: 'chuyen doi so', doc: cards[1].id });
    assert.equal((await activeElement(page)).tag, 'H1', 'the document heading takes focus');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await activeElement(page)).text, '← Quay lại kết quả tìm kiếm');
    await page.keyboard.press('Enter');
    await viewIs(page, { q: 'chuyen doi so' });
    assert.equal((await activeElement(page)).doc, cards[1].id, 'back on the result that was opened');

    // A facet with Tab and Enter; focus stays on it, so Enter again takes the filter off.
    const facet = page.locator('#facet-type .facet__item', { hasText: 'Nghị quyết' });
    for (let i = 0; i < 60 && !(await facet.evaluate((a) => a === document.activeElement)); i++) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await viewIs(page, { q: 'chuyen doi so', type: 'Nghị quyết' });
    assert.equal(await facet.getAttribute('aria-current'), 'true');
    assert.equal(await facet.evaluate((a) => a === document.activeElement), true);
    await page.keyboard.press('Enter');
    await viewIs(page, { q: 'chuyen doi so' });

    // Sort with the keyboard.
    await page.locator('#sort').focus();
    await page.keyboard.press('ArrowDown');
    await viewIs(page, { q: 'chuyen doi so', sort: 'date' });
    assert.equal((await activeElement(page)).id, 'sort');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('fits a phone-sized screen', async () => {
    const page = await openPage(browser, {
      viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    });
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`${tracuu.url}/?q=sap+xep+xa+phuong`);
    await settled(page);
    assert.equal(await noSideways(), true, 'no sideways scrolling on the results');
    const filters = page.locator('details.filters');
    assert.equal(await filters.evaluate((d) => d.open), false, 'filters folded away');
    const firstResult = await page.locator('.result').first().boundingBox();
    assert.ok(firstResult.y < 740, 'the first result is on the first screen');
    await page.locator('.filters__toggle').tap();
    assert.equal(await filters.evaluate((d) => d.open), true);
    await page.locator('#facet-type .facet__item').first().tap();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('type'));
    await settled(page);
    assert.equal(await noSideways(), true);

    await page.locator('.result__link').first().tap();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
    await settled(page);
    assert.equal(await noSideways(), true, 'no sideways scrolling on a document');
    const text = await page.locator('.fulltext').boundingBox();
    assert.ok(text.width <= 360 && text.width > 250, `text column ${text.width}px wide`);
    await page.goto(`${tracuu.url}/?doc=seeds%2F004_883586d83ecb7309.txt`);
    await settled(page);
    assert.equal(await noSideways(), true);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('tells the person when the server cannot answer, and recovers', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=chuyen+doi+so`);
    await settled(page);
    // A second server whose database is missing: the page loads, every search answers 503.
    const broken = await startTracuu({ database: 'missing' });
    try {
      const failing = await openPage(browser);
      await failing.goto(`${broken.url}/?q=chuyen+doi+so`);
      await failing.locator('#error').waitFor();
      assert.equal(await failing.locator('#error h1').textContent(), 'Máy chủ tra cứu đang gặp lỗi (mã 503).');
      assert.match(await failing.locator('#error').textContent(), /Vui lòng thử lại sau/);
      await failing.getByRole('button', { name: 'Thử lại' }).click();
      await failing.locator('#error').waitFor();
      assert.deepEqual(failing.problems.filter((p) => !p.includes('503')), []);
      await failing.context().close();
    } finally {
      await broken.stop();
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('tells the person when the server is gone, and retries once it is back', async () => {
    const own = await startTracuu();
    const page = await openPage(browser);
    try {
      await page.goto(`${own.url}/`);
      await settled(page);
      await own.stopServer();
      await searchFor(page, 'chuyen doi so').catch(() => {});
      await page.locator('#error').waitFor();
      assert.equal(await page.locator('#error h1').textContent(), 'Không kết nối được với máy chủ tra cứu.');
      assert.ok(page.problems.length > 0 && page.problems.every((p) => p.includes('ERR_CONNECTION_REFUSED')),
        page.problems.join('; '));
      await own.startServer();
      await page.getByRole('button', { name: 'Thử lại' }).click();
      await viewIs(page, { q: 'chuyen doi so' });
      assert.ok((await resultCards(page)).length > 0);
    } finally {
      await page.context().close();
      await own.stop();
    }
  });

  it('serves the page files with their types and revalidation headers', async () => {
    const page = await openPage(browser);
    const seen = new Map();
    page.on('response', (r) => seen.set(new URL(r.url()).pathname, { status: r.status(), headers: r.headers() }));
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    const type = (p) => seen.get(p)?.headers['content-type'];
    assert.equal(type('/'), 'text/html; charset=utf-8');
    assert.equal(type('/app.css'), 'text/css; charset=utf-8');
    assert.equal(type('/js/main.js'), 'text/javascript; charset=utf-8');
    // The browser asks for the icon whenever it likes, sometimes after the page has settled,
    // so the icon's type is read with a request of our own.
    const icon = await fetch(`${tracuu.url}/favicon.svg`);
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    for (const p of ['/', '/app.css', '/js/main.js']) {
      assert.equal(seen.get(p).headers['cache-control'], 'no-cache', p);
      assert.match(seen.get(p).headers.etag, /^"[0-9a-f]{16}"$/, p);
    }
    const stats = await apiJson(tracuu.url, '/api/stats');
    assert.ok(stats.documents > 40);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
