// Typing without a Vietnamese input method, in real Chromium against the real server: Telex and
// VNI key sequences and run-together syllables are searched as what they spell, and the page says
// so; an unfinished last word shows the documents of the words it starts, never "Không tìm thấy".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';
import { resultCards, searchFor } from './page-helpers.mjs';

serveCorpusInBrowser();

/** The ids /api/search gives for `q` (first page). */
async function apiIds(q) {
  const answer = await apiJson(tracuu.url, `/api/search?q=${encodeURIComponent(q)}&limit=10`);
  return answer.results.map((r) => r.id);
}

describe('typing without an input method', () => {
  for (const typed of ['chuyeenr ddooir soos', 'chuye6n3 d9o6i3 so61', 'chuyendoiso']) {
    it(`reads «${typed}» and says what it searched`, async () => {
      const page = await openPage(browser);
      await page.goto(`${tracuu.url}/`);
      await settled(page);
      await searchFor(page, typed);
      const notice = page.locator('#interpreted');
      await notice.waitFor();
      const meant = typed === 'chuyendoiso' ? 'chuyen doi so' : 'chuyển đổi số';
      assert.match(await notice.textContent(), new RegExp(`^Đang hiển thị kết quả cho «${meant}»`));
      assert.equal(await page.locator('#no-results').count(), 0);
      const cards = await resultCards(page);
      assert.ok(cards.length > 0);
      // The same documents, in the same order, as the words typed properly.
      assert.deepEqual(cards.map((c) => c.id), await apiIds(meant));
      assert.ok(cards.some((c) => c.marks.length > 0), 'the words it spells are marked');

      // A document opened from these results marks the words it was found by.
      await page.locator('.result__link').first().click();
      await page.locator('#document-title').waitFor();
      await settled(page);
      assert.ok(await page.locator('mark.match').count() > 0, 'matches marked in the document');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }

  it('says nothing when the query was typed properly', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('chuyển đổi số')}`);
    await settled(page);
    assert.equal(await page.locator('#interpreted').count(), 0);
    assert.ok((await resultCards(page)).length > 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('shows results for an unfinished last word, never "Không tìm thấy"', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    for (const partial of ['chuy', 'ke hoach chuy']) {
      await searchFor(page, partial);
      assert.equal(await page.locator('#no-results').count(), 0, `${partial}: no "Không tìm thấy"`);
      const cards = await resultCards(page);
      assert.ok(cards.length > 0, `${partial}: results`);
      if (partial === 'chuy') {
        // Alone, its completions are what is marked (with other words, their phrase is).
        const marks = cards.flatMap((c) => c.marks.map((m) => m.toLowerCase()));
        assert.ok(marks.length && marks.every((m) => m.startsWith('chuy')), `completions marked: ${marks}`);
      }
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
