/*
 * The filters and the open pair, kept in the address bar, so a view can be bookmarked or sent to a colleague.
 */
import { app } from './state.js';

const URL_KEYS = { business: 'business', state: 'state', user: 'user', requestStatus: 'requests', callOutcome: 'calls' };

export function writeUrl() {
  const params = new URLSearchParams();
  Object.keys(URL_KEYS).forEach((k) => {
    if (app.filters[k]) {
      params.set(URL_KEYS[k], app.filters[k]);
    }
  });
  if (app.filters.warning) {
    params.set('warning', 'true');
  }
  if (app.filters.expiring) {
    params.set('expiring', 'true');
  }
  if (app.selected) {
    params.set('pair', app.selected.business + '/' + app.selected.user);
  }
  const s = params.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
}

/** Sets the filters from the address; answers the pair to open, or null. */
export function readUrl() {
  const params = new URLSearchParams(location.search);
  Object.keys(URL_KEYS).forEach((k) => {
    app.filters[k] = params.get(URL_KEYS[k]) || '';
  });
  app.filters.warning = params.get('warning') === 'true';
  app.filters.expiring = params.get('expiring') === 'true';
  const pair = params.get('pair');
  if (pair && pair.indexOf('/') > 0) {
    const i = pair.indexOf('/');
    return { business: pair.slice(0, i), user: pair.slice(i + 1) };
  }
  return null;
}
