// The API client every page script uses: JSON calls that never throw, multipart sends with upload
// progress, and the human message of an error. No visible text is written here: every string
// comes from the server.

/**
 * Calls the API. Resolves to `{ ok, status, data }`, where `data` is the parsed JSON body or null.
 * HTTP errors are ordinary results; a network failure is `{ ok: false, status: 0, data: null }`.
 */
export async function api(method, path, body) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  let text;
  try {
    response = await fetch(path, init);
    text = await response.text();
  } catch {
    return { ok: false, status: 0, data: null };
  }
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  return { ok: response.ok, status: response.status, data };
}

/**
 * Sends a `FormData` (multipart, the browser writes the boundary) and reports upload progress as a
 * fraction 0–1 to `onProgress` (null when unknown or when the upload is done and the server is
 * working). XMLHttpRequest rather than fetch, for that progress. Resolves like `api()`.
 */
export function sendForm(method, path, form, onProgress = () => {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress(event.lengthComputable && event.total ? event.loaded / event.total : null);
    });
    xhr.upload.addEventListener('load', () => onProgress(null));
    xhr.addEventListener('load', () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, data });
    });
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, data: null }));
    xhr.addEventListener('abort', () => resolve({ ok: false, status: 0, data: null }));
    xhr.send(form);
  });
}

/** The human message of an API error body, or `fallback` when there is none. */
export function errorMessage(data, fallback) {
  const message = data && data.error && data.error.message;
  return typeof message === 'string' && message ? message : fallback;
}
