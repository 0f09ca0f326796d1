// How values read in Vietnamese: dates as dd/mm/yyyy, numbers with Vietnamese separators.

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** '2025-10-29' -> '29/10/2025'; '2025-10' -> '10/2025'; '2025' -> '2025'. */
export function formatDate(iso) {
  if (!iso) return '';
  const [year, month, day] = String(iso).split('-');
  return [day, month, year].filter(Boolean).join('/');
}

/** '1,2 MB' */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** Vietnamese without its marks, as the search matches it anyway: 'Đổi mới' -> 'Doi moi'. */
export function stripAccents(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function hasAccents(text) {
  return stripAccents(text) !== text.normalize('NFC');
}

/** First letter upper case: subjects are written as the rest of 'V/v ...'. */
export function capitalize(text) {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/** The value of a `{value, source}` field of the API, or ''. */
export function fieldValue(fields, name) {
  const field = fields?.[name];
  if (field === undefined || field === null) return '';
  return typeof field === 'object' && 'value' in field ? field.value : field;
}

/** Labels of the fields the parser reads (api: fields.*). */
export const FIELD_LABELS = {
  number: 'Số ký hiệu',
  type: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  parent_issuer: 'Cơ quan chủ quản',
  place: 'Nơi ban hành',
  date: 'Ngày ban hành',
  month: 'Tháng ban hành',
  year: 'Năm',
  subject: 'Trích yếu',
  recipients: 'Nơi nhận',
  signer: 'Người ký',
  signer_authority: 'Thẩm quyền ký',
  signer_title: 'Chức vụ người ký',
};

/** Where the parser read a field (fields.*.source). */
export const SOURCE_LABELS = {
  header: 'đọc từ phần đầu văn bản',
  title: 'đọc từ tên văn bản',
  number_code: 'suy ra từ ký hiệu văn bản',
  body: 'đọc từ nội dung',
  signature: 'đọc từ phần chữ ký',
  page_metadata: 'đọc từ thông tin trang',
};
