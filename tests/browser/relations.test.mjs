// Relations and status on the page: a decision replaced by a later one shows "Bị thay thế bởi"
// with the replacing sentence, both show the "Văn bản liên quan" panel grouped by relation, and
// each citing line says what the citing document does. On the results, each card carries the same
// badge, and the filters offer the statuses (kept in the URL like the other filters).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, settled, sourceDir, startTracuu } from './harness.mjs';

const indexBinary = process.env.TRACUU_INDEX_BINARY ?? path.join(sourceDir, 'build/indexer/tracuu-index');

const OLD = `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 15/2024/QĐ-UBND
Bắc Ninh, ngày 10 tháng 3 năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế quản lý cổng thông tin điện tử tỉnh

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cổng thông tin điện tử tỉnh.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
`;
const NEW = `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 30/2025/QĐ-UBND
Bắc Ninh, ngày 05 tháng 12 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế mới quản lý cổng thông tin điện tử tỉnh

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cổng thông tin điện tử tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 12 năm 2025 và thay thế Quyết định số 15/2024/QĐ-UBND ngày 10 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Bắc Ninh.
`;

let tmp;
let tracuu;
let browser;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tracuu-relations-'));
  const docs = path.join(tmp, 'docs');
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(docs, 'cu.txt'), OLD);
  fs.writeFileSync(path.join(docs, 'moi.txt'), NEW);
  const db = path.join(tmp, 'db');
  const run = spawnSync(indexBinary, ['--db', db, '--root', docs, '--quiet', docs], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  tracuu = await startTracuu({ database: db });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await tracuu?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('relations on the document view', () => {
  it('the replaced decision: badge, status with the replacing sentence, panel, relation word', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?doc=cu.txt`);
    await settled(page);
    assert.equal(await page.locator('#status-badge').textContent(), 'Bị thay thế bởi 30/2025/QĐ-UBND');
    assert.equal(await page.locator('#status-value').textContent(), 'Hết hiệu lực: bị thay thế');
    assert.match(await page.locator('#status').textContent(),
      /Có hiệu lực từ ngày 10\/03\/2024: .*Quyết định này có hiệu lực thi hành kể từ ngày ký\./);
    assert.match(await page.locator('#status-evidence').textContent(), /thay thế Quyết định số 15\/2024\/QĐ-UBND/);
    assert.equal(await page.locator('#related [data-direction="cited-by"] h3').textContent(), 'Văn bản thay thế (1)');
    assert.equal(await page.locator('#cited-by .relation-word').textContent(), 'Thay thế');
  });

  it('the replacing decision: what it replaces and what it relies on', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?doc=moi.txt`);
    await settled(page);
    assert.equal(await page.locator('#status-badge').textContent(), 'Còn hiệu lực');
    const headings = await page.locator('#related [data-direction="cites"] h3').allTextContents();
    assert.deepEqual(headings, ['Văn bản bị thay thế (1)', 'Văn bản căn cứ (1)']);
    await page.locator('#related [data-relation="replaces"] a').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('doc') === 'cu.txt');
    await settled(page);
    assert.equal(await page.locator('#status-badge').textContent(), 'Bị thay thế bởi 30/2025/QĐ-UBND');
  });
});

describe('status on the results', () => {
  const badgeOf = (page, id) => page.locator('.result', { has: page.locator(`[data-doc-id="${id}"]`) })
    .locator('.result__status');

  it('each card shows its status badge', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('cổng thông tin')}`);
    await settled(page);
    assert.equal(await badgeOf(page, 'cu.txt').textContent(), 'Bị thay thế bởi 30/2025/QĐ-UBND');
    assert.equal(await badgeOf(page, 'moi.txt').textContent(), 'Còn hiệu lực');
  });

  it('the status filter: counts, the URL, the chip, and only those documents', async () => {
    const page = await openPage(browser);
    await page.goto(`${tracuu.url}/?q=${encodeURIComponent('cổng thông tin')}`);
    await settled(page);
    const facet = page.locator('#facet-status');
    assert.deepEqual(await facet.locator('.facet__value').allTextContents(),
      ['Còn hiệu lực', 'Hết hiệu lực: bị thay thế']);
    await facet.locator('a', { hasText: 'Hết hiệu lực: bị thay thế' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'replaced');
    await settled(page);
    assert.deepEqual(await page.locator('.result [data-doc-id]').evaluateAll(
      (links) => links.map((a) => a.dataset.docId)), ['cu.txt']);
    assert.equal(await page.locator('.chip').first().textContent(), 'Hiệu lực: Hết hiệu lực: bị thay thế ×');
    // A link with the filter shows the same view; an unknown status in a link is dropped.
    await page.goto(`${tracuu.url}/?status=in_force`);
    await settled(page);
    assert.deepEqual(await page.locator('.result [data-doc-id]').evaluateAll(
      (links) => links.map((a) => a.dataset.docId)), ['moi.txt']);
    await page.goto(`${tracuu.url}/?status=khong-ro`);
    await settled(page);
    assert.equal(await page.locator('.result').count(), 2);
  });
});
