// Reading the page the way a person does: what the URL says, what each result card shows.

/** '2025-10-29' -> '29/10/2025', as the page writes dates. */
export function formatDate(iso) {
  return iso.split('-').reverse().join('/');
}

export function stripAccents(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Waits until the URL's query holds exactly `params` (strings) and the view for it is drawn.
 */
export async function viewIs(page, params, { timeout = 10000 } = {}) {
  await page.waitForFunction((expected) => {
    const actual = Object.fromEntries(new URLSearchParams(location.search));
    const same = JSON.stringify(Object.entries(actual).sort()) === JSON.stringify(Object.entries(expected).sort());
    return same && !document.body.classList.contains('is-loading') && document.querySelector('#main h1');
  }, params, { timeout }).catch(async (error) => {
    throw new Error(`view never became ${JSON.stringify(params)}; URL is ${page.url()}: ${error.message}`);
  });
}

/** Each result as shown: id (from its link), number, type, title, issuer, date, marked words. */
export function resultCards(page) {
  return page.locator('.result').evaluateAll((items) => items.map((item) => {
    const link = item.querySelector('.result__link');
    return {
      id: new URL(link.href).searchParams.get('doc'),
      number: item.querySelector('.result__number')?.textContent,
      type: item.querySelector('.result__kicker .badge:not(.badge--draft)')?.textContent,
      title: link.textContent,
      issuer: item.querySelector('.result__issuer')?.textContent,
      date: item.querySelector('.result__date')?.textContent,
      marks: [...item.querySelectorAll('.result__snippet mark')].map((m) => m.textContent),
    };
  }));
}

/** Types `text` into the search box as a person would and waits for its results. */
export async function searchFor(page, text) {
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially(text, { delay: 20 });
  await viewIs(page, { q: text });
}
