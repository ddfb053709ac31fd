/*
 * Call permission ledger: the team lead's dashboard. Plain JavaScript modules, no build step, no dependencies:
 * this module wires the page and draws each answer of the refresh loop into its region. Each region is a
 * module named for what it shows (summary, pairs, requests, calls, detail); rule wording and policy numbers
 * come from the ledger (rulebook.js), never from a copy here.
 */
import { wireKeyForm } from './api.js';
import { readUrl } from './address.js';
import { renderCalls } from './calls.js';
import { renderClock } from './clock.js';
import { renderDetail } from './detail.js';
import { $ } from './dom.js';
import { closeDetail, openDetail } from './drawer.js';
import { syncControls, wireFilters } from './filters.js';
import { renderPairs } from './pairs.js';
import { onAnswers, refresh } from './refresh.js';
import { renderRequests } from './requests.js';
import { learn } from './rulebook.js';
import { app } from './state.js';
import { renderSummary } from './summary.js';

/** The business numbers on screen (with their policy where a pair names it), whose rules the page needs. */
function shown(answers) {
  const seen = [];
  const add = (business, policy) => seen.push({ business: business, policy: policy });
  (answers.summary ? answers.summary.businesses || [] : []).forEach((b) => add(b.business));
  (answers.pairs ? answers.pairs.items : []).forEach((p) => add(p.business, p.policy));
  (answers.requests ? answers.requests.items : []).forEach((r) => add(r.business));
  (answers.calls ? answers.calls.items : []).forEach((c) => add(c.business));
  if (answers.pair && answers.pair.pair) {
    add(answers.pair.pair.business, answers.pair.pair.policy);
  }
  return seen;
}

function draw(answers) {
  learn(shown(answers));
  if (answers.clock) {
    renderClock();
  }
  if (answers.summary) {
    renderSummary(answers.summary.businesses || []);
  }
  if (answers.pairs) {
    renderPairs(answers.pairs);
  }
  if (answers.requests) {
    renderRequests(answers.requests);
  }
  if (answers.calls) {
    renderCalls(answers.calls);
  }
  if (app.selected && answers.pair) {
    renderDetail(answers.pair, answers.pairRequests, answers.pairCalls);
  }
}

function wire() {
  wireFilters();
  $('detail-close').addEventListener('click', closeDetail);
  $('detail-backdrop').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.selected) {
      closeDetail();
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      refresh();
    }
  });
}

function start() {
  onAnswers(draw);
  wireKeyForm(refresh);
  const pair = readUrl();
  syncControls();
  wire();
  if (pair) {
    openDetail(pair.business, pair.user);
  } else {
    refresh();
  }
}

start();
