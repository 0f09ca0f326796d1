// The search view in real Chromium against the real server: results as one types, accent-free,
// what each result shows, facets, date range, sort, pages, number queries, nothing found.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, startTracuu, tracuu,
} from './harness.mjs';
import {
  formatDate, resultCards, searchFor, stripAccents, viewIs,
} from './page-helpers.mjs';

serveCorpusInBrowser();

describe('search view', () => {
  it('finds accented text for an accent-free query while typing, without Enter', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    const all = await apiJson(tracuu.url, '/api/search?limit=1');
    assert.equal(await page.locator('h1').textContent(), 'Văn bản mới nhất');
    assert.match(await page.locator('#summary').textContent(), new RegExp(`Tìm thấy ${all.total} văn bản`));

    const searches = [];
    page.on('request', (r) => { if (r.url().includes('/api/search')) searches.push(r.url()); });
    const entries = await page.evaluate(() => history.length);
    await page.locator('#q').pressSequentially('chuyen doi so', { delay: 40 });
    await viewIs(page, { q: 'chuyen doi so' });
    // Debounced: one request per pause, not one per letter (13 here).
    assert.ok(searches.length >= 1 && searches.length <= 5, `searches while typing: ${searches.length}`);
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'typing makes one history entry');
    assert.equal(await page.locator('h1').textContent(), 'Kết quả cho «chuyen doi so»');
    assert.equal(await page.locator('#announcer').textContent(), await page.locator('#summary').textContent());

    const api = await apiJson(tracuu.url, '/api/search?q=chuyen%20doi%20so&sort=relevance&limit=10');
    assert.ok(api.total >= 5);
    const cards = await resultCards(page);
    assert.deepEqual(cards.map((c) => c.id), api.results.map((r) => r.id));
    for (const [i, card] of cards.entries()) {
      const f = api.results[i].fields;
      assert.equal(card.number, f.number?.value ?? 'Chưa rõ số');
      assert.equal(card.type, f.type?.value);
      assert.equal(card.issuer, api.results[i].issuer_label ?? f.issuer?.value ?? 'Chưa rõ cơ quan ban hành');
      if (f.date) assert.equal(card.date, `Ngày ${formatDate(f.date.value)}`);
      if (f.subject) assert.equal(card.title.toLowerCase(), f.subject.value.toLowerCase());
      assert.ok(card.marks.length > 0, `${card.id} has highlighted words`);
      for (const mark of card.marks) {
        assert.match(stripAccents(mark).toLowerCase(), /^(chuyen|doi|so)( (chuyen|doi|so))*$/, mark);
      }
    }
    const marks = cards.flatMap((c) => c.marks);
    assert.ok(marks.some((m) => m.includes('chuyển đổi số')), `accented matches marked: ${marks}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('keeps the results while a condition is being typed, and says what is wrong on Enter', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=chuyen+doi+so`);
    await settled(page);
    const before = (await resultCards(page)).map((c) => c.id);
    await page.evaluate(() => {
      window.sawError = false;
      new MutationObserver(() => { if (document.querySelector('#error')) window.sawError = true; })
        .observe(document.querySelector('#main'), { childList: true, subtree: true });
    });
    const box = page.locator('#q');
    await box.press('End');
    // `nam:2`, `nam:20`, `nam:202` are not years yet: the results stay, with a quiet note.
    await box.pressSequentially(' nam:2', { delay: 30 });
    await viewIs(page, { q: 'chuyen doi so nam:2' });
    await page.locator('#typing-problem').waitFor();
    assert.match(await page.locator('#typing-problem').textContent(), /^«chuyen doi so nam:2» chưa phải là điều kiện tìm kiếm hợp lệ\./);
    assert.deepEqual((await resultCards(page)).map((c) => c.id), before);
    await box.pressSequentially('025', { delay: 30 });
    await viewIs(page, { q: 'chuyen doi so nam:2025' });
    assert.equal(await page.locator('#typing-problem').count(), 0);
    const filtered = await apiJson(tracuu.url, '/api/search?q=chuyen%20doi%20so%20nam%3A2025');
    assert.deepEqual((await resultCards(page)).map((c) => c.id), filtered.results.map((r) => r.id));
    assert.equal(await page.evaluate(() => window.sawError), false, 'no error shown while typing');
    // Stopped at `nam:2` and Enter: the error, naming the search box.
    await box.press('Backspace');
    await box.press('Backspace');
    await box.press('Backspace');
    await viewIs(page, { q: 'chuyen doi so nam:2' });
    await page.locator('#typing-problem').waitFor();
    await box.press('Enter');
    await page.locator('#error').waitFor();
    assert.equal(await page.locator('#error h1').textContent(), 'Điều kiện tìm kiếm không hợp lệ.');
    assert.match(await page.locator('#error').textContent(), /«ô tìm kiếm»/);
    // The browser logs each refused request (400) as a console error; nothing else is allowed.
    assert.deepEqual(page.problems.filter((p) => !/status of 400/.test(p)), []);
    await page.context().close();
  });

  it('puts a mistyped syllable right: searched when nothing has the words as typed, else offered', async () => {
    const page = await openPage(browser);
    // `chyển` is in no document: the results of `chuyển đổi số`, said so.
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('chyển đổi số')}`);
    await settled(page);
    assert.equal(await page.locator('#did-you-mean').textContent(),
      'Đang hiển thị kết quả cho «chuyển đổi số». Không có văn bản nào chứa đủ các từ đã gõ «chyển đổi số».');
    const right = await apiJson(tracuu.url, `/api/search?q=${encodeURIComponent('chuyển đổi số')}`);
    assert.deepEqual((await resultCards(page)).map((c) => c.id), right.results.map((r) => r.id));
    // `hàng` is in documents with the other words: their results, and the query put right offered.
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('thủ tục hàng chính')}`);
    await settled(page);
    const offer = page.locator('#did-you-mean');
    assert.equal(await offer.textContent(), 'Có phải bạn muốn tìm: thủ tục hành chính?');
    await offer.getByRole('link').click();
    await viewIs(page, { q: 'thủ tục hành chính' });
    assert.equal(await page.locator('#did-you-mean').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('narrows by issuing body, type and year from facets with counts, and clears them', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=chuyen+doi+so`);
    await settled(page);
    const issuer = 'Sở Giáo dục và Đào tạo Hải Phòng';
    const facet = page.locator('.facet__item', { hasText: issuer });
    const count = Number(await facet.locator('.facet__count').textContent());
    assert.ok(count >= 2);
    await facet.click();
    await viewIs(page, { q: 'chuyen doi so', issuer });
    const cards = await resultCards(page);
    assert.equal(cards.length, count);
    for (const card of cards) assert.match(card.issuer, /^Sở Giáo dục và Đào tạo/);
    assert.equal(await page.locator('.facet__item[aria-current="true"]').count(), 1);
    assert.equal(await page.locator('.chip').textContent(), `Cơ quan: ${issuer} ×`);
    const api = await apiJson(tracuu.url, `/api/search?q=chuyen%20doi%20so&issuer=${encodeURIComponent(issuer)}`);
    assert.deepEqual(cards.map((c) => c.id).sort(), api.results.map((r) => r.id).sort());

    // A second filter from another facet, then the chip takes the issuer off again.
    await page.locator('.facet__item', { hasText: 'Công văn' }).click();
    await viewIs(page, { q: 'chuyen doi so', issuer, type: 'Công văn' });
    for (const card of await resultCards(page)) assert.equal(card.type, 'Công văn');
    await page.locator('.chip', { hasText: 'Cơ quan' }).click();
    await viewIs(page, { q: 'chuyen doi so', type: 'Công văn' });
    const byType = await apiJson(tracuu.url, '/api/search?q=chuyen%20doi%20so&type=C%C3%B4ng%20v%C4%83n');
    assert.equal((await resultCards(page)).length, byType.results.length);

    await page.goto(`${tracuu.url}/`);
    await settled(page);
    const year = page.locator('#facet-year .facet__item').first();
    const yearValue = await year.locator('.facet__value').textContent();
    const yearCount = Number(await year.locator('.facet__count').textContent());
    await year.click();
    await viewIs(page, { year: yearValue });
    assert.match(await page.locator('#summary').textContent(), new RegExp(`Tìm thấy ${yearCount} văn bản`));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('filters by date range and sorts by date both ways', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await page.locator('#sort').selectOption('oldest');
    await viewIs(page, { sort: 'oldest' });
    let dates = (await resultCards(page)).map((c) => c.date).filter((d) => d.startsWith('Ngày '));
    const iso = (shown) => shown.replace('Ngày ', '').split('/').reverse().join('-');
    assert.ok(dates.length >= 5);
    assert.deepEqual(dates.map(iso), [...dates.map(iso)].sort());

    // Typed as people write dates, dd/mm/yyyy.
    await page.locator('#date-from').fill('01/06/2025');
    await page.locator('#date-to').fill('30/06/2025');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    await viewIs(page, { sort: 'oldest', from: '2025-06-01', to: '2025-06-30' });
    const api = await apiJson(tracuu.url, '/api/search?from=2025-06-01&to=2025-06-30&sort=oldest&limit=10');
    assert.ok(api.total > 0);
    assert.match(await page.locator('#summary').textContent(), new RegExp(`Tìm thấy ${api.total} văn bản`));
    // Days inside the range; a month or a year only (partial dates) when it overlaps it.
    const shownDates = (await resultCards(page)).map((c) => c.date);
    for (const d of shownDates) {
      if (d.startsWith('Ngày ')) assert.ok(iso(d) >= '2025-06-01' && iso(d) <= '2025-06-30', d);
      else assert.ok(['Tháng 06/2025', 'Năm 2025'].includes(d), d);
    }
    dates = shownDates.filter((d) => d.startsWith('Ngày ')).map(iso);
    assert.equal(await page.locator('.chip', { hasText: 'Từ ngày' }).textContent(), 'Từ ngày: 01/06/2025 ×');

    await page.locator('#sort').selectOption('date');
    await viewIs(page, { sort: 'date', from: '2025-06-01', to: '2025-06-30' });
    dates = (await resultCards(page)).map((c) => c.date).filter((d) => d.startsWith('Ngày ')).map(iso);
    assert.deepEqual(dates, [...dates].sort().reverse());

    // A range that ends before it starts is caught before asking the server.
    await page.locator('#date-from').fill('01/07/2025');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    assert.equal(await page.locator('.date-range__problem').textContent(), 'Ngày bắt đầu phải trước ngày kết thúc.');
    assert.equal(new URL(page.url()).searchParams.get('from'), '2025-06-01');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('pages through results', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    const first = (await resultCards(page)).map((c) => c.id);
    assert.equal(first.length, 10);
    await page.getByRole('link', { name: 'Trang sau' }).click();
    await viewIs(page, { page: '2' });
    const second = await resultCards(page);
    const api = await apiJson(tracuu.url, '/api/search?sort=date&limit=10&offset=10');
    assert.deepEqual(second.map((c) => c.id), api.results.map((r) => r.id));
    assert.equal(await page.locator('ol.results').getAttribute('start'), '11');
    assert.equal(await page.locator('.pager__current').textContent(), '2');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-title');
    await page.getByRole('link', { name: 'Trang 1' }).click();
    await viewIs(page, {});
    assert.deepEqual((await resultCards(page)).map((c) => c.id), first);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('recognises a document number in any shape and offers its citations', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await page.locator('#q').fill('57 NQ TW');
    await page.keyboard.press('Enter');
    await viewIs(page, { q: '57 NQ TW' });
    const cards = await resultCards(page);
    const citing = await apiJson(tracuu.url, '/api/references/57-NQ%2FTW');
    assert.ok(citing.total >= 3);
    for (const doc of citing.cited_by) assert.ok(cards.some((c) => c.id === doc.id), doc.id);
    const notice = page.locator('.number-notice');
    assert.equal(await notice.textContent(),
      `Số văn bản 57-NQ/TW: chưa có trong cơ sở dữ liệu. Xem ${citing.total} văn bản trích dẫn số này`);
    await notice.getByRole('link').click();
    await viewIs(page, { q: '57 NQ TW', ref: '57 NQ TW' });
    assert.equal(await page.locator('h1').textContent(), 'Văn bản số 57-NQ/TW');
    const listed = await page.locator('#citing .link-list__title').evaluateAll(
      (links) => links.map((a) => new URL(a.href).searchParams.get('doc')));
    assert.deepEqual(listed, citing.cited_by.map((d) => d.id));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('says which number it understood, however the number is typed', async () => {
    const page = await openPage(browser);
    for (const typed of ['cong van so 2265', 'cv 2265', '2265 SGDĐT VP', 'công văn 2265']) {
      await page.goto(`${tracuu.url}/?q=${encodeURIComponent(typed)}`);
      await settled(page);
      const notice = page.locator('.number-notice');
      assert.match(await notice.textContent(), /^Số văn bản 2265\/SGDDĐT-VP: có trong cơ sở dữ liệu: /, typed);
      assert.equal((await resultCards(page))[0].number, '2265/SGDDĐT-VP', typed);
      assert.equal(await page.locator('#numbers-without-year').count(), 0, typed);
    }
    // Given in full with a year the document's number does not have: found, and said so.
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('1654/2025/NQ-UBTVQH15')}`);
    await settled(page);
    assert.equal(await page.locator('#numbers-without-year').textContent(),
      'Không có văn bản nào mang đúng số đã gõ (1654/2025/NQ-UBTVQH15); dưới đây là các văn bản có cùng số và ký hiệu, chỉ khác ở chỗ có hay không ghi năm ban hành.');
    assert.equal((await resultCards(page))[0].number, '1654/NQ-UBTVQH15');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('says clearly when nothing is found, with suggestions that do find something', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    await page.locator('#q').pressSequentially('pizza khủng', { delay: 20 });
    await viewIs(page, { q: 'pizza khủng' });
    const message = page.locator('#no-results');
    assert.equal(await message.locator('.notice__title').textContent(), 'Không tìm thấy văn bản nào cho «pizza khủng».');
    assert.match(await message.textContent(), /gõ không dấu.*bớt từ để tìm rộng hơn/);
    assert.equal(await page.locator('#suggestions').count(), 0, 'no suggestion that finds nothing');
    assert.equal(await page.locator('.result').count(), 0);
    assert.match(await page.locator('#summary').textContent(), /Không có văn bản nào/);

    // With a filter that empties the list: each way out is offered with what it finds.
    await page.goto(`${tracuu.url}/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&year=2024`);
    await settled(page);
    const unfiltered = await apiJson(tracuu.url, '/api/search?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91');
    const suggestion = page.locator('#suggestions li', { hasText: 'Bỏ lọc năm «2024»' });
    assert.equal(await suggestion.textContent(), `Bỏ lọc năm «2024» (${unfiltered.total} văn bản)`);
    await suggestion.locator('a').click();
    await viewIs(page, { q: 'chuyển đổi số' });
    assert.equal((await resultCards(page)).length, Math.min(unfiltered.total, 10));

    // The same for a phrase that does not occur: the words alone are offered.
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('"số chuyển đổi"')}`);
    await settled(page);
    const loose = page.locator('#suggestions li', { hasText: 'Tìm không cần đúng cụm từ' });
    assert.match(await loose.textContent(), /«số chuyển đổi» \(\d+ văn bản\)/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('says when the answer misses a shard (--allow-partial), and not otherwise', async () => {
    // The corpus and a remote shard nobody listens on: searched without it, marked partial.
    const port = await new Promise((done) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: taken } = server.address();
        server.close(() => done(taken));
      });
    });
    const stub = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tracuu-partial-'));
    fs.writeFileSync(path.join(stub, 'XAPIANDB'), `auto ${tracuu.db}\nremote 127.0.0.1:${port}\n`);
    const partial = await startTracuu({ database: stub, serverArgs: ['--allow-partial'] });
    try {
      const page = await openPage(browser);
      await page.goto(`${partial.url}/?q=chuyen+doi+so`);
      await settled(page);
      assert.match(await page.locator('#partial-notice').textContent(), /^Kết quả chưa đầy đủ/);
      await page.goto(`${tracuu.url}/?q=chuyen+doi+so`);
      await settled(page);
      assert.equal(await page.locator('#partial-notice').count(), 0);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    } finally {
      await partial.stop();
      fs.rmSync(stub, { recursive: true, force: true });
    }
  });
});
