// Access tokens and error sentences in real Chromium against the real server: a server started
// with --token-file makes the page ask for a token once per tab session (sessionStorage), and
// every error the page shows is a Vietnamese sentence chosen by the error's code, never the
// server's English message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, settled, sourceDir, startTracuu } from './harness.mjs';
import { resultCards } from './page-helpers.mjs';
import { ERROR_SENTENCES, PARAMETER_NAMES } from '../../static/js/messages.js';

const TOKEN = 'ma-truy-cap-phong-van-thu';

let open;
let guarded;
let browser;

before(async () => {
  open = await startTracuu();
  fs.writeFileSync(path.join(open.tmp, 'tokens'), `${TOKEN}\n`);
  guarded = await startTracuu({ database: open.db, serverArgs: ['--token-file', path.join(open.tmp, 'tokens')] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await guarded?.stop();
  await open?.stop();
});

/** Words of the English messages the server sends, which must never reach the page. */
const ENGLISH = /\b(the|must|parameter|token|not valid|whole number|longer than|words)\b/i;

describe('access token', () => {
  it('is asked for once, kept for the tab, and sent with every request', async () => {
    const page = await openPage(browser);
    const sent = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) sent.push(r.headers().authorization ?? ''); });
    await page.goto(`${guarded.url}/?q=chuyen+doi+so`);
    await page.locator('#token-needed').waitFor();
    assert.equal(await page.locator('#token-needed h1').textContent(), ERROR_SENTENCES.unauthorized);
    assert.doesNotMatch(await page.locator('#main').textContent(), ENGLISH);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');

    // A wrong token: asked again, saying so.
    await page.locator('#token').fill('sai-ma');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForFunction(() => /không đúng/.test(document.querySelector('#token-needed')?.textContent ?? ''));

    await page.locator('#token').fill(TOKEN);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await settled(page);
    assert.ok((await resultCards(page)).length > 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tracuu.token')), TOKEN);
    assert.ok(sent.includes(`Bearer ${TOKEN}`));

    // Reloaded, and a document opened: no second prompt.
    await page.reload();
    await settled(page);
    assert.equal(await page.locator('#token-needed').count(), 0);
    await page.goto(`${guarded.url}/?doc=seeds%2F000_ad8cc43618a4a18a.txt`);
    await settled(page);
    assert.equal(await page.locator('#token-needed').count(), 0);
    // The original, fetched with the token (a plain link could not send it).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải bản gốc/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Cong-van-2265-SGDDDT-VP.txt');
    assert.deepEqual(page.problems.filter((p) => !p.includes('401')), []);
    await page.context().close();

    // Another tab session: asked again.
    const other = await openPage(browser);
    await other.goto(`${guarded.url}/`);
    await other.locator('#token-needed').waitFor();
    await other.context().close();
  });
});

describe('error sentences', () => {
  it('has a Vietnamese sentence for every error code of the contract', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(sourceDir, 'server/openapi.json'), 'utf8'));
    const codes = spec.components.schemas.Error.properties.error.properties.code.enum;
    for (const code of codes) {
      assert.match(ERROR_SENTENCES[code] ?? '', /[àáảãạăâđêôơưấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i, code);
    }
    for (const parameter of spec.paths['/api/search'].get.parameters.map((p) => p.$ref.split('/').pop())) {
      assert.ok(PARAMETER_NAMES[parameter], parameter);
    }
  });

  it('a refused search says what to fix in Vietnamese, never the server\'s English', async () => {
    const page = await openPage(browser);
    const words = Array.from({ length: 60 }, (_, i) => `tu${i}`).join('+');
    await page.goto(`${open.url}/?q=${words}`);
    await page.locator('#error').waitFor();
    assert.equal(await page.locator('#error h1').textContent(), 'Điều kiện tìm kiếm không hợp lệ.');
    const text = await page.locator('#error').textContent();
    assert.match(text, /Hãy sửa «ô tìm kiếm» rồi tìm lại/);
    assert.doesNotMatch(text, ENGLISH);
    assert.deepEqual(page.problems.filter((p) => !p.includes('400')), []);
    await page.context().close();
  });
});
