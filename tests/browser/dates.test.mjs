// Dates (issue 17): documents dated only by a month or a year ("ngày   tháng 10 năm 2025") take
// part in date ranges when their month or year overlaps the range, sort as their earliest day,
// and "Chưa rõ ngày" comes last whichever way the list is sorted; the year facet counts the
// undated ones ("Không rõ ngày"); the date fields read dd/mm/yyyy in any browser language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiJson, browser, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';
import { resultCards, viewIs } from './page-helpers.mjs';

serveCorpusInBrowser();

const search = (params) => apiJson(tracuu.url, `/api/search?${new URLSearchParams({ limit: '100', ...params })}`);

/** A result's first and last possible day (ISO), from its day, month or year; null if undated. */
function span(result) {
  const f = result.fields;
  if (f.date) return [f.date.value, f.date.value];
  if (f.month) return [`${f.month.value}-01`, `${f.month.value}-31`];
  if (f.year) return [`${f.year.value}-01-01`, `${f.year.value}-12-31`];
  return null;
}

describe('partial dates', () => {
  it('a month or a year is in a range it overlaps, and only then', async () => {
    const all = await search({});
    const byMonth = all.results.filter((r) => r.fields.month);
    const byYear = all.results.filter((r) => !r.fields.date && !r.fields.month && r.fields.year);
    assert.ok(byMonth.some((r) => r.fields.month.value === '2025-10'), 'a seed dated «tháng 10 năm 2025»');
    assert.ok(byYear.length >= 2, 'seeds dated by their year only');
    const ranges = [
      ['2025-10-01', '2025-10-31'], ['2025-10-15', '2025-11-02'], ['2025-11-01', '2025-12-31'],
      ['2025-01-01', '2025-09-30'], ['2024-01-01', '2024-12-31'], ['2025-10', ''], ['', '2025-09-30'],
      ['2025', '2025'], ['2025-10-31', ''],
    ];
    for (const [from, to] of ranges) {
      const params = {};
      if (from) params.from = from;
      if (to) params.to = to;
      const found = new Set((await search(params)).results.map((r) => r.id));
      const low = from ? `${from}-01-01`.slice(0, 10) : '0000-00-00';
      const high = !to ? '9999-99-99' : to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
      for (const r of all.results) {
        const s = span(r);
        const expected = s !== null && s[0] <= high && s[1] >= low;
        assert.equal(found.has(r.id), expected, `${r.id} (${JSON.stringify(s)}) in ${from}..${to}`);
      }
    }
  });

  it('sorts by the earliest day, undated last both ways', async () => {
    for (const sort of ['date', 'oldest']) {
      const { results, total } = await search({ sort });
      assert.equal(results.length, total);
      const firstDays = results.map((r) => span(r)?.[0] ?? null);
      const undated = firstDays.indexOf(null);
      assert.ok(undated > 0, 'some documents are undated');
      assert.ok(firstDays.slice(undated).every((d) => d === null), `${sort}: undated ones last`);
      const dated = firstDays.slice(0, undated);
      const ordered = [...dated].sort();
      assert.deepEqual(dated, sort === 'oldest' ? ordered : ordered.reverse(), sort);
    }
    // The page's last card is undated in the oldest-first order too.
    const page = await openPage(browser);
    const { total } = await search({});
    await page.goto(`${tracuu.url}/?sort=oldest&page=${Math.ceil(total / 10)}`);
    await settled(page);
    assert.equal((await resultCards(page)).at(-1).date, 'Chưa rõ ngày');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('counts undated documents in the year facet and filters by them', async () => {
    const all = await search({});
    const undated = all.results.filter((r) => span(r) === null);
    const bucket = all.facets.year.find((v) => v.value === 'none');
    assert.equal(bucket?.count, undated.length);
    const only = await search({ year: 'none' });
    assert.deepEqual(only.results.map((r) => r.id).sort(), undated.map((r) => r.id).sort());

    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    const item = page.locator('.facet__item', { hasText: 'Không rõ ngày' });
    assert.equal(await item.locator('.facet__count').textContent(), String(undated.length));
    await item.click();
    await viewIs(page, { year: 'none' });
    assert.equal((await resultCards(page)).length, Math.min(10, undated.length));
    assert.equal(await page.locator('.chip').first().textContent(), 'Năm: Không rõ ngày ×');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('reads dates as dd/mm/yyyy in an English browser too, months and years as well', async () => {
    const page = await openPage(browser, { locale: 'en-US' });
    await page.goto(`${tracuu.url}/`);
    await settled(page);
    assert.equal(await page.locator('#date-from').getAttribute('placeholder'), 'dd/mm/yyyy');
    await page.locator('#date-from').fill('01/10/2025');
    await page.locator('#date-to').fill('31/10/2025');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    await viewIs(page, { from: '2025-10-01', to: '2025-10-31' });
    assert.equal(await page.locator('#date-from').inputValue(), '01/10/2025');
    const cards = await resultCards(page);
    assert.ok(cards.some((c) => c.date === 'Tháng 10/2025'), 'the month-dated seed is in October');
    assert.ok(cards.some((c) => c.date === 'Năm 2025'), 'a year-dated seed overlaps October');

    await page.locator('#date-from').fill('6/2025');
    await page.locator('#date-to').fill('');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    await viewIs(page, { from: '2025-06' });

    await page.locator('#date-from').fill('31/02/2025');
    await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
    assert.match(await page.locator('.date-range__problem').textContent(), /^Ngày chưa đúng/);
    assert.equal(new URL(page.url()).searchParams.get('from'), '2025-06');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
