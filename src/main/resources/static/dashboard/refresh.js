/*
 * The refresh loop: every 2 s (10 s while the tab is hidden) ask the ledger for everything the page shows,
 * hand the answers to the page's draw function, and say in the top bar how fresh the page is.
 */
import { getJson, pathPart, query } from './api.js';
import { $ } from './dom.js';
import { rulebook } from './rulebook.js';
import { app, PAGE_SIZE, POLL_HIDDEN_MS, POLL_MS } from './state.js';
import { MINUTE, ms, pad } from './time.js';

/** The parts asked for, in order; a part that did not answer is named in the top bar. */
const PARTS = ['clock', 'summary', 'pairs', 'requests', 'calls', 'pair', 'pairRequests', 'pairCalls'];
const PART_WORDS = ['ledger clock', 'summary', 'pairs', 'requests', 'calls', 'pair detail', 'pair requests', 'pair calls'];

let draw = () => {};

/** {@code fn(answers)} draws the page: answers.pairs, answers.summary, ... or null for a part that did not answer. */
export function onAnswers(fn) {
  draw = fn;
}

function filterKey() {
  return JSON.stringify([app.filters, app.page, app.selected]);
}

function load() {
  const f = app.filters;
  const shared = { business: f.business, user: f.user.trim() };
  const calls = [
    getJson('/dashboard/clock'),
    getJson('/api/v1/dashboard/summary'),
    getJson('/api/v1/dashboard/pairs' + query({
      business: shared.business, user: shared.user, state: f.state,
      warning: f.warning ? 'true' : '', expiringWithin: f.expiring ? 'P1D' : '',
      page: app.page.pairs, size: PAGE_SIZE.pairs
    })),
    getJson('/api/v1/dashboard/requests' + query({
      business: shared.business, user: shared.user, status: f.requestStatus,
      page: app.page.requests, size: PAGE_SIZE.requests
    })),
    getJson('/api/v1/dashboard/calls' + query({
      business: shared.business, user: shared.user, outcome: f.callOutcome,
      page: app.page.calls, size: PAGE_SIZE.calls
    }))
  ];
  if (app.selected) {
    const root = '/api/v1/dashboard/pairs/' + pathPart(app.selected.business) + '/' + pathPart(app.selected.user);
    calls.push(getJson(root).catch((e) => {
      if (e.status === 404) {
        return { missing: true };
      }
      throw e;
    }));
    const mine = { business: app.selected.business, user: app.selected.user, size: 20 };
    calls.push(getJson('/api/v1/dashboard/requests' + query(mine)));
    calls.push(getJson('/api/v1/dashboard/calls' + query(mine)));
  }
  // one part failing (say the summary) must not blank the rest of the page
  return Promise.all(calls.map((call) => call.then((value) => ({ ok: true, value: value }),
    (error) => ({ ok: false, error: error }))));
}

export function refresh() {
  if (app.inFlight) {
    app.again = true;
    return;
  }
  clearTimeout(app.timer);
  app.inFlight = true;
  const key = filterKey();
  load().then((answers) => {
    if (key !== filterKey()) {
      app.again = true;
      return;
    }
    const failed = [];
    const named = {};
    answers.forEach((a, i) => {
      named[PARTS[i]] = a.ok ? a.value : null;
      if (!a.ok) {
        failed.push(PART_WORDS[i] + (a.error && a.error.status ? ' (HTTP ' + a.error.status + ')' : ''));
      }
    });
    if (failed.length === answers.length) {
      throw answers[0].error || new Error('no answer');
    }
    if (named.clock) {
      app.now = ms(named.clock.now);
      app.simulated = !!named.clock.simulated;
    }
    if (app.now === null) {
      throw new Error('the ledger clock did not answer');
    }
    draw(named);
    markLive(true, null, failed);
  }).catch((error) => {
    markLive(false, error);
  }).then(() => {
    app.inFlight = false;
    if (app.again) {
      app.again = false;
      refresh();
    } else {
      schedule();
    }
  });
}

function schedule() {
  clearTimeout(app.timer);
  app.timer = setTimeout(refresh, document.hidden ? POLL_HIDDEN_MS : POLL_MS);
}

function markLive(ok, error, failed) {
  const live = $('live');
  const updated = $('updated');
  if (ok) {
    const d = new Date();
    app.lastOk = d;
    const partly = failed && failed.length;
    live.className = 'live ' + (partly ? 'is-partial' : 'is-ok');
    updated.textContent = 'updated ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds())
      + (partly ? ' · not available: ' + failed.join(', ') : '');
    live.title = partly ? 'Some parts did not answer; they show their last known state' : 'Refreshes every 2 seconds';
  } else {
    live.className = 'live is-down';
    const last = app.lastOk;
    updated.textContent = (last ? 'updated ' + pad(last.getHours()) + ':' + pad(last.getMinutes()) + ':'
      + pad(last.getSeconds()) + ' · ' : '') + 'cannot reach the ledger, retrying';
    live.title = error && error.message ? 'Last error: ' + error.message : 'The last refresh failed';
  }
}

/**
 * Whether a region must be drawn again: only when what it shows changed (keeps focus, hover and scroll
 * steady), the ledger's minute moved on (countdowns), or the rules' wording or numbers arrived.
 */
export function changed(region, data) {
  const minute = app.now === null ? 0 : Math.floor(app.now / MINUTE);
  const key = JSON.stringify(data) + '|' + minute + '|' + rulebook.version;
  if (app.rendered[region] === key) {
    return false;
  }
  app.rendered[region] = key;
  return true;
}
