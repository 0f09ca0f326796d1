// Regenerates the README's screenshots (docs/screenshots/*.png) from the real page on the real
// server, the same corpus as the browser tests. Run by scripts/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import {
  LINKED, launchBrowser, linkedId, openPage, settled, sourceDir, startTracuu,
} from './harness.mjs';

const out = process.argv[2] ?? path.join(sourceDir, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });

const desktop = { width: 1280, height: 860 };
const phone = { width: 390, height: 844 };
const q = (params) => `/?${new URLSearchParams(params)}`;

const views = [
  { name: 'search', viewport: desktop, url: q({ q: 'chuyen doi so' }) },
  { name: 'filtered', viewport: desktop, url: q({ q: 'chuyen doi so', issuer: 'Sở Giáo dục và Đào tạo Hải Phòng' }) },
  { name: 'document', viewport: desktop, url: q({ q: 'cao toc', doc: linkedId(LINKED.citing[0].file) }) },
  { name: 'document-links', viewport: desktop, url: q({ q: 'cao toc', doc: linkedId(LINKED.citing[0].file) }), scrollTo: 'a.cite-link--indexed' },
  { name: 'cited-by', viewport: desktop, url: q({ doc: linkedId(LINKED.cited.file) }), scrollTo: '#cited-by-title' },
  { name: 'references', viewport: desktop, url: q({ ref: '57-NQ/TW' }) },
  { name: 'typing', viewport: desktop, url: q({ q: 'chuyeenr ddooir soos' }) },
  { name: 'no-results', viewport: desktop, url: q({ q: 'chuyển đổi số', year: '2024' }) },
  { name: 'phone-search', viewport: phone, url: q({ q: 'sap xep xa phuong' }) },
  { name: 'phone-document', viewport: phone, url: q({ doc: 'seeds/004_883586d83ecb7309.txt' }) },
];

const tracuu = await startTracuu();
const browser = await launchBrowser();
try {
  for (const view of views) {
    const page = await openPage(browser, { viewport: view.viewport, deviceScaleFactor: 1 });
    await page.goto(tracuu.url + view.url);
    await settled(page);
    if (view.scrollTo) {
      await page.locator(view.scrollTo).first().evaluate((node) => node.scrollIntoView({ block: 'center' }));
    }
    await page.mouse.move(0, 0);
    const file = path.join(out, `${view.name}.png`);
    await page.screenshot({ path: file });
    if (page.problems.length) throw new Error(`${view.name}: ${page.problems.join('; ')}`);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await tracuu.stop();
}
