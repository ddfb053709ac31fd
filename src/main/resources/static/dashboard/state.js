/*
 * What the page knows between two refreshes: the filters and pages the reader chose, the open pair, the
 * ledger's "now", and what each region last drew. One object, shared by every module.
 */
export const POLL_MS = 2000;
export const POLL_HIDDEN_MS = 10000;
export const PAGE_SIZE = { pairs: 25, requests: 10, calls: 10 };

export const app = {
  filters: { business: '', state: '', user: '', warning: false, expiring: false, requestStatus: '', callOutcome: '' },
  page: { pairs: 0, requests: 0, calls: 0 },
  totals: { pairs: 0, requests: 0, calls: 0 },
  selected: null,
  now: null,
  simulated: false,
  timer: null,
  inFlight: false,
  again: false,
  lastOk: null,
  rendered: {},
  businesses: [],
  memoryKey: null,
  returnFocus: null
};
