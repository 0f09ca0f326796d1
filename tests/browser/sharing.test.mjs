// Taking a view elsewhere (issue 17): "Sao chép liên kết", the result list as the API's CSV
// ("Tải danh sách (CSV)"), the original under a human file name, and a print view without the
// page's controls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';

serveCorpusInBrowser();

const seed004 = 'seeds/004_883586d83ecb7309.txt';

describe('sharing, exporting and printing', () => {
  it('copies the link of the view shown', async () => {
    const page = await openPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const view of [`?q=chuyen+doi+so&year=2025`, `?q=chuyen+doi+so&doc=${encodeURIComponent(seed004)}`]) {
      await page.goto(`${tracuu.url}/${view}`);
      await settled(page);
      await page.locator('#copy-link').click();
      await page.locator('.share__status', { hasText: 'Đã sao chép liên kết.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('downloads the result list as the API CSV, in the order shown', async () => {
    const page = await openPage(browser, { acceptDownloads: true });
    await page.goto(`${tracuu.url}/?q=chuyen+doi+so&sort=date`);
    await settled(page);
    const link = page.locator('#csv-link');
    assert.equal(await link.textContent(), 'Tải danh sách (CSV)');
    const url = new URL(await link.evaluate((a) => a.href));
    assert.equal(url.pathname, '/api/search');
    assert.equal(url.searchParams.get('format'), 'csv');
    assert.equal(url.searchParams.get('q'), 'chuyen doi so');
    assert.equal(url.searchParams.get('sort'), 'date');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'danh-sach-van-ban.csv');
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark: Excel shows the marks');
    const csv = bytes.subarray(3).toString('utf8');
    assert.ok(csv.startsWith('id,'), 'the header');
    const json = await apiJson(tracuu.url, '/api/search?q=chuyen+doi+so&sort=date&limit=100');
    // Every result, in the order shown.
    const at = json.results.map((r) => csv.indexOf(`\n${r.id},`));
    assert.ok(at.every((i) => i > 0), 'every result is a row');
    assert.deepEqual(at, [...at].sort((a, b) => a - b));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('saves the original under the name the server gives, not its hash', async () => {
    const page = await openPage(browser, { acceptDownloads: true });
    await page.goto(`${tracuu.url}/?doc=${encodeURIComponent(seed004)}`);
    await settled(page);
    const source = page.locator('.document__actions a');
    const response = await fetch(new URL(await source.evaluate((a) => a.href)));
    const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition'))?.[1];
    assert.ok(named, 'the server names the file');
    const [download] = await Promise.all([page.waitForEvent('download'), source.click()]);
    assert.equal(download.suggestedFilename(), decodeURIComponent(named));
    assert.doesNotMatch(download.suggestedFilename(), /883586d83ecb7309/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('prints the document without buttons, header or side lists', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=chuyen+doi+so&doc=${encodeURIComponent(seed004)}`);
    await settled(page);
    assert.ok(await page.locator('#match-nav').isVisible());
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['button', '.share', '.match-nav', '.site-header', '.crumbs', '.document__side', '.document__actions']) {
      const shown = await page.locator(selector).evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null || n.getClientRects().length).length);
      assert.equal(shown, 0, `${selector} is not printed`);
    }
    assert.ok(await page.locator('.fulltext').isVisible(), 'the text is printed');
    assert.ok(await page.locator('h1').isVisible(), 'the title is printed');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
