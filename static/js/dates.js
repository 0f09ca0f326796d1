// Dates as the page's users write them, dd/mm/yyyy, whatever language the browser speaks (a date
// input follows the browser's locale: mm/dd/yyyy on an English Chromium). The URL and the API
// keep ISO (YYYY-MM-DD, or YYYY-MM, YYYY for a month or a year).

/** The year facet's value for documents with no date at all (the API's `year=none`). */
export const UNDATED = 'none';
export const UNDATED_LABEL = 'Không rõ ngày';

/**
 * '1/6/2025', '01.06.2025', '01-06-2025', '2025-06-01' -> '2025-06-01'; '6/2025' -> '2025-06'; '2025' -> '2025';
 * '' -> ''; anything else (31/02/2025, 13/2025) -> null.
 */
export function parseDisplayDate(text) {
  const value = text.trim();
  if (!value) return '';
  let parts = value.split(/\s*[/.-]\s*/);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  if (parts.length > 1 && parts[0].length === 4) parts = parts.reverse(); // 2025-06-01 as well
  const [year, month, day] = [...parts].reverse().map(Number);
  if (parts.at(-1).length !== 4 || year < 1000 || parts.length > 3) return null;
  const two = (n) => String(n).padStart(2, '0');
  if (parts.length === 1) return String(year);
  if (month < 1 || month > 12) return null;
  if (parts.length === 2) return `${year}-${two(month)}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

/** '2025-06-01' -> '01/06/2025'; '2025-06' -> '06/2025'; '2025' -> '2025'. */
export function displayDate(iso) {
  if (!iso) return '';
  return String(iso).split('-').reverse().join('/');
}

/** How a result's date reads: the day, else the month, else the year, else 'Chưa rõ ngày'. */
export function issueDateLabel(date, month, year) {
  if (date) return `Ngày ${displayDate(date)}`;
  if (month) return `Tháng ${displayDate(month)}`;
  if (year) return `Năm ${year}`;
  return 'Chưa rõ ngày';
}
