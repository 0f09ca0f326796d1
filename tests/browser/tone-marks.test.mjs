// Tone marks on clamped text (issue 17): a capital carrying two stacked marks (VỀ, SẮP, CẤP,
// CỦA) rises above the font's ascent, and a clamp (`overflow: hidden`) cuts what sticks out of its
// box: VỀ read as VÊ. For every clamped element on the page, the glyphs' ink, measured with the
// element's own font, must stay inside the clip box on the visible lines, and the first hidden
// line's marks must not peek in at the bottom.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  browser, openPage, serveCorpusInBrowser, settled, tracuu,
} from './harness.mjs';

serveCorpusInBrowser();

/**
 * Each clamped element of #main: its text, its clip box and, per line, the ink's top and bottom
 * (the line's content area from a Range, the baseline from the font's ascent, the ink from
 * canvas measureText of the element's whole text in its font: the highest mark anywhere in it).
 */
function clampedBoxes(page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    const clamped = [...document.querySelectorAll('#main *')].filter((node) => {
      const style = getComputedStyle(node);
      return style.overflow !== 'visible' && style.webkitLineClamp !== 'none' && node.textContent.trim();
    });
    return clamped.map((node) => {
      const style = getComputedStyle(node);
      canvas.font = style.font;
      const ink = canvas.measureText(node.textContent);
      const box = node.getBoundingClientRect();
      const top = box.top + parseFloat(style.borderTopWidth);
      const bottom = box.bottom - parseFloat(style.borderBottomWidth);
      const range = document.createRange();
      range.selectNodeContents(node);
      // One rectangle per line (a line's text nodes share their top).
      const tops = new Map();
      for (const rect of range.getClientRects()) {
        if (rect.width && !tops.has(Math.round(rect.top))) tops.set(Math.round(rect.top), rect.top);
      }
      const lines = [...tops.values()].sort((a, b) => a - b).map((lineTop) => {
        const baseline = lineTop + ink.fontBoundingBoxAscent;
        return { inkTop: baseline - ink.actualBoundingBoxAscent, inkBottom: baseline + ink.actualBoundingBoxDescent };
      });
      return {
        text: node.textContent, top, bottom, lines,
        rise: ink.actualBoundingBoxAscent - ink.fontBoundingBoxAscent,
      };
    });
  });
}

// A rounding pixel: rectangles and font metrics are fractional, canvas metrics whole pixels.
const SLACK = 0.5;

function assertMarksInside(boxes, where) {
  for (const { text, top, bottom, lines } of boxes) {
    const visible = lines.filter((line) => line.inkTop < bottom - SLACK);
    assert.ok(visible.length > 0, `${where}: «${text}» shows a line`);
    assert.ok(visible[0].inkTop >= top - SLACK,
      `${where}: «${text}»: marks of the first line cut (ink at ${visible[0].inkTop}, box from ${top})`);
    const last = visible.at(-1);
    assert.ok(last.inkBottom <= bottom + SLACK,
      `${where}: «${text}»: last shown line cut below (ink to ${last.inkBottom}, box to ${bottom})`);
    const hidden = lines[visible.length];
    if (hidden) {
      assert.ok(hidden.inkTop >= bottom - SLACK,
        `${where}: «${text}»: the hidden line's marks show under the last line (ink from ${hidden.inkTop}, box to ${bottom})`);
    }
  }
}

describe('clamped text keeps its tone marks', () => {
  for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 320, height: 700 }]]) {
    it(`result titles in capitals with stacked marks, ${name}`, async () => {
      const page = await openPage(browser, { viewport });
      // Resolutions of the Standing Committee: subjects in capitals, VỀ VIỆC SẮP XẾP ... CẤP XÃ CỦA
      // TỈNH ..., long enough to be clamped on a phone.
      await page.goto(`${tracuu.url}/?q=${encodeURIComponent('sap xep xa phuong')}`);
      await settled(page);
      const boxes = await clampedBoxes(page);
      assert.ok(boxes.length >= 5, `clamped titles found: ${boxes.length}`);
      const stacked = boxes.filter((b) => /[ỀẮẤỦỈỄỖẪỔỂ]/u.test(b.text));
      assert.ok(stacked.length >= 5, 'titles in capitals with stacked marks are among them');
      assert.ok(stacked.some((b) => b.rise > 0), 'their marks rise above the font ascent (what a clamp would cut)');
      if (name === 'phone') {
        assert.ok(boxes.some((b) => b.lines.length > 3), 'some title is longer than the clamp');
      }
      assertMarksInside(boxes, name);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
});
