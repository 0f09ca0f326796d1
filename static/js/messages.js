// What the page says about the API's errors, in Vietnamese, in one place. The server's `message`
// is English for its log and is never shown; its stable `code` (server/openapi.json lists them)
// and `parameter` choose the sentence here.

export const ERROR_SENTENCES = {
  bad_parameter: 'Điều kiện tìm kiếm không hợp lệ.',
  bad_request: 'Yêu cầu gửi tới máy chủ không đúng định dạng.',
  bad_path: 'Đường dẫn không hợp lệ.',
  bad_range: 'Không đọc được phần tệp được yêu cầu.',
  unauthorized: 'Máy chủ tra cứu yêu cầu mã truy cập.',
  forbidden: 'Không được phép mở tệp này.',
  not_found: 'Không tìm thấy nội dung được yêu cầu.',
  method_not_allowed: 'Máy chủ chỉ cho phép tra cứu, không cho phép thay đổi dữ liệu.',
  request_timeout: 'Yêu cầu tới máy chủ bị ngắt vì quá chậm. Vui lòng thử lại sau giây lát.',
  payload_too_large: 'Yêu cầu gửi tới máy chủ quá lớn.',
  uri_too_long: 'Nội dung tìm kiếm quá dài. Hãy rút gọn rồi tìm lại.',
  request_too_large: 'Yêu cầu gửi tới máy chủ quá lớn.',
  internal: 'Máy chủ tra cứu gặp lỗi nội bộ. Vui lòng thử lại sau ít phút.',
  busy: 'Máy chủ tra cứu đang bận. Vui lòng thử lại sau giây lát.',
  unavailable: 'Chưa đọc được kho văn bản. Vui lòng thử lại sau ít phút; nếu lỗi còn tiếp diễn, hãy báo cho bộ phận quản trị.',
  shard_unavailable: 'Một phần kho văn bản tạm thời không trả lời. Vui lòng thử lại sau ít phút; nếu lỗi còn tiếp diễn, hãy báo cho bộ phận quản trị.',
  error: 'Máy chủ tra cứu từ chối yêu cầu. Vui lòng thử lại sau ít phút.',
};

/** The request parameters, as the page's controls call them. */
export const PARAMETER_NAMES = {
  q: 'ô tìm kiếm',
  limit: 'số kết quả mỗi trang',
  offset: 'trang kết quả',
  sort: 'cách sắp xếp',
  issuer: 'cơ quan ban hành',
  type: 'loại văn bản',
  number: 'số hiệu',
  cites: 'văn bản được trích dẫn',
  relation: 'quan hệ giữa các văn bản',
  status: 'tình trạng hiệu lực',
  signer: 'người ký',
  year: 'năm ban hành',
  from: 'từ ngày',
  to: 'đến ngày',
  format: 'định dạng tải về',
  id: 'mã văn bản',
  path: 'đường dẫn',
};

/** The sentence for an error code (a general one for a code this page does not know yet). */
export function errorSentence(code) {
  return ERROR_SENTENCES[code] ?? ERROR_SENTENCES.error;
}

/** What to change, for a bad parameter: `Hãy sửa «từ ngày» rồi tìm lại.` */
export function parameterAdvice(parameter) {
  const name = PARAMETER_NAMES[parameter];
  return name ? `Hãy sửa «${name}» rồi tìm lại.` : 'Hãy sửa điều kiện tìm kiếm rồi tìm lại.';
}
