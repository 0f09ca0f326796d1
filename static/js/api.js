// The JSON API, with every failure turned into an ApiError the page can explain, and the access
// token (when the server asks for one) kept for this browser tab's session.

const TOKEN_KEY = 'tracuu.token';

export class ApiError extends Error {
  /**
   * kind: 'network' (no answer), 'server' (5xx), 'not_found' (404), 'unauthorized' (401),
   * 'request' (other 4xx).
   * code: the server's stable error code (server/openapi.json), if it sent one.
   * parameter: the request parameter the server named, if any.
   */
  constructor(kind, status, message, parameter = '', code = '') {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.parameter = parameter;
    this.code = code;
  }
}

/** The token given for this tab (sessionStorage: gone when the tab closes), or ''. */
export function accessToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setAccessToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token lasts until the page is left.
  }
  memoryToken = token;
}

let memoryToken = '';

function authorization() {
  const token = accessToken() || memoryToken;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json', ...authorization() } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('network', 0, error.message);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    // A proxy's HTML error page, or a cut connection: still say what the status was.
  }
  if (response.ok && body) return body;
  const message = body?.error?.message ?? `HTTP ${response.status}`;
  const parameter = body?.error?.parameter ?? '';
  const code = body?.error?.code ?? '';
  if (response.status >= 500 || (response.ok && !body)) {
    throw new ApiError('server', response.status, message, '', code);
  }
  if (response.status === 401) throw new ApiError('unauthorized', 401, message, parameter, code);
  if (response.status === 404) throw new ApiError('not_found', 404, message, parameter, code);
  throw new ApiError('request', response.status, message, parameter, code);
}

export function search(params, signal) {
  return getJson(`api/search?${params}`, signal);
}

export function fetchDocument(id, signal) {
  return getJson(`api/documents/${encodeURIComponent(id)}`, signal);
}

export function fetchReferences(number, signal) {
  return getJson(`api/references/${encodeURIComponent(number)}`, signal);
}

/** The file name a Content-Disposition header gives (`filename*=UTF-8''…`), or ''. */
function dispositionName(header) {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return '';
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? '';
}

/**
 * Downloads a file of the API with the access token (a plain link cannot send it): fetched,
 * then saved under the server's file name (else `fallbackName`). Throws ApiError as getJson does.
 */
export async function downloadWithToken(url, fallbackName = 'van-ban') {
  let response;
  try {
    response = await fetch(url, { headers: authorization() });
  } catch (error) {
    throw new ApiError('network', 0, error.message);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    const kind = response.status === 401 ? 'unauthorized' : response.status === 404 ? 'not_found'
      : response.status >= 500 ? 'server' : 'request';
    throw new ApiError(kind, response.status, body?.error?.message ?? `HTTP ${response.status}`,
      body?.error?.parameter ?? '', body?.error?.code ?? '');
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = dispositionName(response.headers.get('Content-Disposition')) || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}
