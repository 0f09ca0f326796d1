// The JSON API, with every failure turned into an ApiError the page can explain.

export class ApiError extends Error {
  /**
   * kind: 'network' (no answer), 'server' (5xx), 'not_found' (404), 'request' (other 4xx).
   * parameter: the request parameter the server named, if any.
   */
  constructor(kind, status, message, parameter = '') {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.parameter = parameter;
  }
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
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
  if (response.status >= 500 || (response.ok && !body)) {
    throw new ApiError('server', response.status, message);
  }
  if (response.status === 404) throw new ApiError('not_found', 404, message, parameter);
  throw new ApiError('request', response.status, message, parameter);
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
