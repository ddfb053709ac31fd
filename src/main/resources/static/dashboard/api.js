/*
 * Reading the ledger: GET with the API key of this tab, a timeout, and the key form when the ledger says 401/403.
 */
import { $ } from './dom.js';
import { app } from './state.js';

const FETCH_TIMEOUT_MS = 8000;
const KEY_STORE = 'ledger.apiKey';

/** ?a=1&b=x from the parameters that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  Object.keys(params).forEach((k) => {
    const v = params[k];
    if (v !== '' && v !== null && v !== undefined && v !== false) {
      search.set(k, String(v));
    }
  });
  const s = search.toString();
  return s ? '?' + s : '';
}

export function pathPart(s) {
  return encodeURIComponent(s);
}

function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORE) || '';
  } catch (e) {
    return '';
  }
}

/** The ledger answered 401 or 403: ask for a key (again), keep it for this tab only. */
function askForKey(status) {
  $('key-message').textContent = status === 403
    ? 'This API key may not read the dashboard. Enter a key with the DASHBOARD, AUDITOR or ADMIN role.'
    : 'This dashboard needs an API key with the DASHBOARD (or AUDITOR, ADMIN) role.';
  $('key-form').hidden = false;
}

/** The key form; {@code onKey} runs once a key was entered. */
export function wireKeyForm(onKey) {
  const form = $('key-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('key-input').value.trim();
    if (!value) {
      return;
    }
    try {
      sessionStorage.setItem(KEY_STORE, value);
    } catch (e) {
      // without session storage the key lives only until the page is left
    }
    app.memoryKey = value;
    $('key-input').value = '';
    form.hidden = true;
    onKey();
  });
}

export function getJson(url) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS) : null;
  const headers = { Accept: 'application/json' };
  const key = apiKey() || app.memoryKey;
  if (key) {
    headers['X-Api-Key'] = key;
  }
  return fetch(url, { headers: headers, cache: 'no-store', signal: controller ? controller.signal : undefined })
    .then((response) => {
      if (response.status === 401 || response.status === 403) {
        askForKey(response.status);
      }
      if (!response.ok) {
        const error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    })
    .finally(() => {
      if (timer) {
        clearTimeout(timer);
      }
    });
}
