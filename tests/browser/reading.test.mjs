// Reading a document found by a search (issue 17): the search's words marked in the full text by
// the snippets' rule (accent-free; the phrase when the words occur in order), a "n/N" navigator
// with buttons and the keys n / Shift+N, the first match scrolled into view, and Back from a
// followed citation returning to the place in the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';
import { stripAccents, viewIs } from './page-helpers.mjs';

serveCorpusInBrowser();

const seed004 = 'seeds/004_883586d83ecb7309.txt';
const fold = (text) => stripAccents(text).toLowerCase();

/** Where the phrase of `words` (folded) occurs in `text` with only spaces between its words. */
function phraseCount(text, words) {
  const tokens = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  let count = 0;
  for (let i = 0; i + words.length <= tokens.length; ++i) {
    let k = 0;
    while (k < words.length && fold(tokens[i + k][0]) === words[k]
      && (k === 0 || /^\s+$/.test(text.slice(tokens[i + k - 1].index + tokens[i + k - 1][0].length, tokens[i + k].index)))) ++k;
    if (k === words.length) { ++count; i += k - 1; }
  }
  return count;
}

/** The matches as shown: one entry per match (its marks' text joined), and which is current. */
function shownMatches(page) {
  return page.evaluate(() => {
    // A match across a line break or a link is several <mark>s with one data-match.
    const texts = [];
    for (const mark of document.querySelectorAll('.fulltext mark.match')) {
      const k = Number(mark.dataset.match);
      texts[k] = texts[k] === undefined ? mark.textContent : `${texts[k]} ${mark.textContent}`;
    }
    const current = [...document.querySelectorAll('.fulltext mark.match--current')];
    return {
      texts,
      current: current.map((m) => m.textContent),
      position: document.querySelector('#match-position')?.textContent,
    };
  });
}

/** Whether the current match is inside the window (and not under the sticky navigator). */
function currentInView(page) {
  return page.evaluate(() => {
    const mark = document.querySelector('.fulltext mark.match--current');
    if (!mark) return false;
    const box = mark.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

describe('matches inside a document', () => {
  it('marks the phrase accent-free, says n/N, shows the first, moves with n, N and the buttons', async () => {
    const page = await openPage(browser, { viewport: { width: 1366, height: 700 } });
    const q = 'chuyen doi so';
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ q, doc: seed004 })}`);
    await settled(page);
    const doc = await apiJson(tracuu.url, `/api/documents/${encodeURIComponent(seed004)}`);
    const expected = phraseCount(doc.text, ['chuyen', 'doi', 'so']);
    assert.ok(expected >= 3, `the text has the phrase ${expected} times`);

    const shown = await shownMatches(page);
    assert.equal(shown.texts.length, expected, 'one mark per occurrence of the phrase');
    for (const text of shown.texts) assert.equal(fold(text).replace(/\s+/g, ' '), 'chuyen doi so');
    assert.equal(shown.position, `1/${expected}`);
    assert.equal(await currentInView(page), true, 'the first match is scrolled into view');
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the view moved down to it');
    // The text itself is unchanged by the marks.
    const squeeze = (t) => t.replace(/\s+/g, ' ').trim();
    assert.equal(squeeze(await page.locator('.fulltext').textContent()), squeeze(doc.text));

    await page.keyboard.press('n');
    assert.equal((await shownMatches(page)).position, `2/${expected}`);
    assert.equal(await currentInView(page), true);
    await page.keyboard.press('Shift+N');
    assert.equal((await shownMatches(page)).position, `1/${expected}`);
    await page.keyboard.press('Shift+N');
    assert.equal((await shownMatches(page)).position, `${expected}/${expected}`, 'wraps around');
    await page.locator('#match-next').click();
    assert.equal((await shownMatches(page)).position, `1/${expected}`);
    await page.locator('#match-previous').click();
    assert.equal((await shownMatches(page)).position, `${expected}/${expected}`);
    assert.equal(await currentInView(page), true);
    // n typed in the search box is a letter, not a move.
    await page.locator('#q').focus();
    await page.keyboard.press('n');
    assert.equal((await shownMatches(page)).position, `${expected}/${expected}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('marks single words when the phrase is absent, never across punctuation', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ q: 'so chuyen', doc: seed004 })}`);
    await settled(page);
    const shown = await shownMatches(page);
    assert.ok(shown.texts.length > 0);
    for (const text of shown.texts) {
      assert.match(fold(text), /^(so|chuyen)(\s+(so|chuyen))*$/, `«${text}» is the query's words only`);
    }
    // Words of a cited number or a filter are not searched in the text: no navigator for them.
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ q: '57-NQ/TW', doc: seed004 })}`);
    await settled(page);
    assert.equal(await page.locator('#match-nav').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('Back from a followed citation returns to the reading position', async () => {
    const page = await openPage(browser, { viewport: { width: 1366, height: 700 } });
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ doc: seed004 })}`);
    await settled(page);
    const link = page.locator('.fulltext a.cite-link').last();
    await link.evaluate((node) => node.scrollIntoView({ block: 'center' }));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 300, `read down the text (${before})`);
    const target = new URL(await link.evaluate((a) => a.href)).searchParams;
    await link.click();
    await viewIs(page, Object.fromEntries(target));
    assert.ok(await page.evaluate(() => window.scrollY) < before, 'the new view starts at its top');
    await page.goBack();
    await viewIs(page, { doc: seed004 });
    assert.equal(await page.evaluate(() => Math.round(window.scrollY)), Math.round(before));
    await page.goForward();
    await viewIs(page, Object.fromEntries(target));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('markdown left in crawled pages', () => {
  it('drops heading and emphasis marks and <br>; a pipe table is a table, folded when long', async () => {
    const id = 'ubtvqh-2025/1027_CTK-CSCL.txt';
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ doc: id })}`);
    await settled(page);
    const doc = await apiJson(tracuu.url, `/api/documents/${encodeURIComponent(id)}`);
    // Stored as one line per row, each cell after a tab (indexer/extraction_cleanup.hpp).
    const dataRows = doc.text.split('\n').filter((l) => l.startsWith('\t')).length - 1;
    assert.ok(dataRows > 1000, `a long table (${dataRows} rows)`);

    const shownText = await page.locator('.fulltext').evaluate((node) => node.innerText);
    for (const residue of ['## ', '**', '<br>', '_(', ')_', '| ---', '|']) {
      assert.ok(!shownText.includes(residue), `no «${residue}» shown`);
    }
    assert.match(shownText, /^Phụ lục I DANH MỤC/);
    assert.match(shownText, /\n\(Ban hành kèm theo Công văn số 1027\/CTK-CSCL/);
    assert.deepEqual(await page.locator('.text-table th').allTextContents(),
      ['Stt', 'Mã số', 'Tên đơn vị hành chính', 'Tỉnh (thành phố)']);
    // `Phường Văn Miếu -<br>Quốc Tử Giám`: one cell.
    assert.equal(await page.locator('.text-table td', { hasText: 'Phường Văn Miếu - Quốc Tử Giám' }).count(), 1);

    const table = page.locator('.text-table').first();
    assert.equal(await table.locator('tbody tr:visible').count(), 10, 'the first rows only');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 8000, `the folded page is short (${height} px)`);
    const more = table.getByRole('button', { name: /^Xem toàn bộ bảng/ });
    assert.equal(await more.textContent(), `Xem toàn bộ bảng (${dataRows.toLocaleString('vi-VN')} hàng)`);
    await more.click();
    assert.equal(await table.locator('tbody tr:visible').count(), dataRows);
    assert.equal(await table.locator('tbody tr').first().locator('td').count(), 4);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('drops lone | and # lines of a crawled page; a match in a folded table opens it', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?${new URLSearchParams({ doc: 'legal-2025/2c71d790ecdeb8d1.txt' })}`);
    await settled(page);
    const lines = (await page.locator('.fulltext').evaluate((node) => node.innerText)).split('\n');
    assert.ok(!lines.some((l) => /^\s*[|#]\s*$/.test(l)), 'no line of only | or #');

    await page.goto(`${tracuu.url}/?${new URLSearchParams({ q: 'Thuong Bang La', doc: 'ubtvqh-2025/1027_CTK-CSCL.txt' })}`);
    await settled(page);
    // Xã Thượng Bằng La is row 478: folded away, opened for the navigator.
    assert.ok(await page.locator('.fulltext mark.match--current').isVisible());
    assert.equal(await page.locator('.text-table__more').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
