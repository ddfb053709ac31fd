/*
 * The filters: business number, state, user, warnings, expiring, request status and call outcome. A change
 * goes back to the first page of every table, into the address bar, and to the ledger at once.
 */
import { writeUrl } from './address.js';
import { $, el } from './dom.js';
import { refresh } from './refresh.js';
import { app } from './state.js';

export function setFilters(change) {
  Object.keys(change).forEach((k) => {
    app.filters[k] = change[k];
  });
  app.page.pairs = 0;
  app.page.requests = 0;
  app.page.calls = 0;
  syncControls();
  writeUrl();
  refresh();
}

/** The controls show the filters in force (after the address was read, or a card was clicked). */
export function syncControls() {
  const f = app.filters;
  if ($('f-business').value !== f.business) {
    if (f.business && app.businesses.indexOf(f.business) < 0) {
      $('f-business').appendChild(el('option', { value: f.business }, f.business));
      app.businesses.push(f.business);
    }
    $('f-business').value = f.business;
  }
  $('f-state').value = f.state;
  if ($('f-user').value.trim() !== f.user) {
    $('f-user').value = f.user;
  }
  $('f-warning').checked = f.warning;
  $('f-expiring').checked = f.expiring;
  $('f-request-status').value = f.requestStatus;
  $('f-call-outcome').value = f.callOutcome;
}

/** The business numbers the ledger knows, as options of the business filter. */
export function syncBusinessOptions(businesses) {
  const names = businesses.map((b) => b.business);
  if (app.filters.business && names.indexOf(app.filters.business) < 0) {
    names.push(app.filters.business);
  }
  if (JSON.stringify(names) === JSON.stringify(app.businesses)) {
    return;
  }
  app.businesses = names;
  const select = $('f-business');
  select.replaceChildren(el('option', { value: '' }, 'All business numbers'), ...names.map((n) => el('option', { value: n }, n)));
  select.value = app.filters.business;
}

export function wireFilters() {
  $('f-business').addEventListener('change', (e) => setFilters({ business: e.target.value }));
  $('f-state').addEventListener('change', (e) => setFilters({ state: e.target.value }));
  let typing = null;
  $('f-user').addEventListener('input', (e) => {
    clearTimeout(typing);
    typing = setTimeout(() => setFilters({ user: e.target.value.trim() }), 350);
  });
  $('f-warning').addEventListener('change', (e) => setFilters({ warning: e.target.checked }));
  $('f-expiring').addEventListener('change', (e) => setFilters({ expiring: e.target.checked }));
  $('f-request-status').addEventListener('change', (e) => setFilters({ requestStatus: e.target.value }));
  $('f-call-outcome').addEventListener('change', (e) => setFilters({ callOutcome: e.target.value }));
  $('f-clear').addEventListener('click', () => {
    setFilters({ business: '', state: '', user: '', warning: false, expiring: false, requestStatus: '', callOutcome: '' });
  });
}
