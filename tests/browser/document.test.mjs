// The document view in real Chromium against the real server: fields, full text with every cited
// number a link, citation links to indexed documents and to the list of citing documents, and
// the "cited by" list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, LINKED, linkedId, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';
import { searchFor, viewIs } from './page-helpers.mjs';

serveCorpusInBrowser();

const seed004 = 'seeds/004_883586d83ecb7309.txt';
const documentApi = (id) => apiJson(tracuu.url, `/api/documents/${encodeURIComponent(id)}`);

/** The full text's links: [{text, key, doc, ref, indexed}]. */
function textLinks(page) {
  return page.locator('.fulltext a.cite-link').evaluateAll((links) => links.map((a) => {
    const params = new URL(a.href).searchParams;
    return {
      text: a.textContent, key: a.dataset.cite, doc: params.get('doc'), ref: params.get('ref'),
      indexed: a.classList.contains('cite-link--indexed'),
    };
  }));
}

describe('document view', () => {
  it('opens from a result with its fields and full text, every cited number a link', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await searchFor(page, 'to giup viec 46-TB/TGV');
    const link = page.locator(`.result__link[data-doc-id="${seed004}"]`);
    await link.click();
    await viewIs(page, { q: 'to giup viec 46-TB/TGV', doc: seed004 });

    const doc = await documentApi(seed004);
    assert.equal(await page.locator('h1').textContent(), doc.title);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    const field = (name) => page.locator(`.fields__row[data-field="${name}"] dd`).textContent();
    assert.equal(await field('issuer'), 'Ủy ban nhân dân tỉnh Đồng Nai');
    assert.equal(await field('type'), 'Công văn');
    assert.equal(await field('signer'), 'Lê Trường Sơn');
    assert.equal(await field('signer_title'), 'PHÓ CHỦ TỊCH');
    assert.equal(await page.locator(`.fields__row[data-field="recipients"] li`).count(),
      doc.fields.recipients.value.length);
    assert.equal(await page.locator('.fields__missing').textContent(),
      'Không đọc được từ văn bản: số ký hiệu, cơ quan chủ quản, ngày ban hành.');
    assert.equal(await page.locator('.result__number').textContent(), 'Chưa rõ số');

    // The text as stored, with empty-line runs shortened, and one link per mention.
    const shown = await page.locator('.fulltext').textContent();
    const squeeze = (t) => t.replace(/\s+/g, ' ').trim();
    assert.equal(squeeze(shown), squeeze(doc.text));
    const links = await textLinks(page);
    const cites = doc.cites.filter((c) => !c.partial);
    assert.equal(links.length, cites.reduce((n, c) => n + c.spans.length, 0));
    const bytes = Buffer.from(doc.text, 'utf8');
    for (const cite of cites) {
      const mine = links.filter((l) => l.key === cite.key);
      assert.deepEqual(mine.map((l) => l.text), cite.spans.map(([b, e]) => bytes.subarray(b, e).toString('utf8')));
      for (const l of mine) assert.equal(l.ref, cite.number, 'not indexed: leads to the citing list');
    }
    assert.ok(links.some((l) => l.text === '57-NQ/TW'));
    assert.ok(links.some((l) => l.text === '46-TB/TGV'));
    assert.equal(await page.locator('#cites > li').count(), doc.cites.length);
    assert.equal(await page.locator('#cited-by-title').textContent(), 'Được trích dẫn bởi (0)');
    // The original file is on disk under the index root: the page offers it, and it is the file.
    assert.ok(doc.source, 'the server offers the original');
    const original = page.getByRole('link', { name: /^Tải bản gốc/ });
    assert.equal(await original.getAttribute('href'), doc.source.url);
    const fetched = await page.request.get(`${tracuu.url}${doc.source.url}`);
    assert.equal(fetched.status(), 200);
    assert.equal(Buffer.from(await fetched.body()).length, doc.source.bytes);

    await page.getByRole('link', { name: '← Quay lại kết quả tìm kiếm' }).click();
    await viewIs(page, { q: 'to giup viec 46-TB/TGV' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.docId), seed004,
      'focus returns to the result that was opened');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('follows a cited number that is not indexed to the documents citing it', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?doc=${encodeURIComponent(seed004)}`);
    await settled(page);
    await page.locator('.fulltext a.cite-link', { hasText: '57-NQ/TW' }).click();
    await viewIs(page, { ref: '57-NQ/TW' });
    const references = await apiJson(tracuu.url, '/api/references/57-NQ%2FTW');
    assert.equal(await page.locator('h1').textContent(), 'Văn bản số 57-NQ/TW');
    assert.match(await page.locator('#reference-status').textContent(), /chưa có trong cơ sở dữ liệu/);
    const listed = page.locator('#citing > li');
    assert.equal(await listed.count(), references.total);
    const ids = await listed.locator('.link-list__title').evaluateAll(
      (links) => links.map((a) => new URL(a.href).searchParams.get('doc')));
    assert.deepEqual(ids, references.cited_by.map((c) => c.id));
    for (const seed of ['001', '003', '004']) assert.ok(ids.some((id) => id.startsWith(`seeds/${seed}_`)), seed);
    // Each entry shows the sentence, the number marked in it.
    assert.equal(await listed.first().locator('blockquote mark').textContent(), '57-NQ/TW');

    const seed001 = ids.find((id) => id.startsWith('seeds/001_'));
    await listed.locator('.link-list__title').nth(ids.indexOf(seed001)).click();
    await viewIs(page, { doc: seed001 });
    assert.equal(await page.locator('h1').textContent(), (await documentApi(seed001)).title);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('follows a citation to the indexed document, which lists who cites it', async () => {
    const page = await openPage(browser);
    const citingId = linkedId(LINKED.citing[0].file);
    const citedId = linkedId(LINKED.cited.file);
    await page.goto(`${tracuu.url}/?doc=${encodeURIComponent(citingId)}`);
    await settled(page);
    assert.equal(await page.locator('.document .result__number').textContent(), LINKED.citing[0].number);

    const link = page.locator('.fulltext a.cite-link--indexed', { hasText: LINKED.cited.number });
    assert.equal(await link.count(), 1);
    const status = page.locator('#cites > li', { hasText: LINKED.cited.number }).locator('.link-list__status');
    assert.match(await status.textContent(), /^Có trong cơ sở dữ liệu: KẾT LUẬN CỦA THỦ TƯỚNG/);
    await link.click();
    await viewIs(page, { doc: citedId });

    const cited = await documentApi(citedId);
    assert.equal(await page.locator('h1').textContent(), cited.title);
    assert.equal(await page.locator('.document .result__number').textContent(), LINKED.cited.number);
    assert.equal(await page.locator('#cited-by-title').textContent(), `Được trích dẫn bởi (${cited.cited_by.length})`);
    const entries = page.locator('#cited-by > li');
    const shown = await entries.locator('.link-list__meta').allTextContents();
    for (const { number } of LINKED.citing) {
      assert.ok(shown.some((meta) => meta.includes(number)), `${number} in ${shown}`);
    }
    assert.deepEqual(await entries.locator('blockquote mark').allTextContents(),
      LINKED.citing.map(() => LINKED.cited.number));

    const other = entries.filter({ hasText: LINKED.citing[1].number }).locator('.link-list__title');
    await other.click();
    await viewIs(page, { doc: linkedId(LINKED.citing[1].file) });
    assert.equal(await page.locator('.document .result__number').textContent(), LINKED.citing[1].number);
    assert.equal(await page.locator('.fulltext a.cite-link--indexed', { hasText: LINKED.cited.number }).count() > 0, true);

    await page.goBack();
    await viewIs(page, { doc: citedId });
    await page.goBack();
    await viewIs(page, { doc: citingId });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('offers the original file only when the server says it can be downloaded', async () => {
    // The real answer, with `source` changed: a PDF is labelled as one; with no `source` (the file
    // is gone from disk) there is no link.
    const page = await openPage(browser);
    await page.route('**/api/documents/**', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.source = { url: '/api/documents/x/source', content_type: 'application/pdf', bytes: 123456, format: 'pdf' };
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${tracuu.url}/?doc=${encodeURIComponent(seed004)}`);
    await settled(page);
    const download = page.getByRole('link', { name: 'Tải bản gốc (PDF, 120,6 KB)' });
    assert.equal(await download.getAttribute('href'), '/api/documents/x/source');
    assert.equal(await download.getAttribute('download'), '');
    assert.deepEqual(page.problems, []);
    await page.context().close();

    const bare = await openPage(browser);
    await bare.route('**/api/documents/**', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      delete body.source;
      await route.fulfill({ response, json: body });
    });
    await bare.goto(`${tracuu.url}/?doc=${encodeURIComponent(seed004)}`);
    await settled(bare);
    assert.equal(await bare.getByRole('link', { name: /Tải bản gốc/ }).count(), 0);
    assert.deepEqual(bare.problems, []);
    await bare.context().close();
  });

  it('says so when a document does not exist', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=abc&doc=seeds%2Fno-such-file.txt`);
    await settled(page);
    assert.equal(await page.locator('#error h1').textContent(), 'Không tìm thấy văn bản này.');
    await page.getByRole('link', { name: 'Về trang tìm kiếm' }).click();
    await viewIs(page, { q: 'abc' });
    // The 404 the page asked for is the only complaint.
    assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
    await page.context().close();
  });
});
