/*
 * The summary strip: one card per business number, with its pairs per state, warnings, expiring permissions
 * and today's calls and requests. Clicking a figure filters the tables.
 */
import { $, el } from './dom.js';
import { setFilters, syncBusinessOptions } from './filters.js';
import { missesRule } from './pieces.js';
import { changed } from './refresh.js';
import { app } from './state.js';

const STATES = ['GRANTED', 'REQUESTED', 'EXPIRED', 'DECLINED', 'REVOKED', 'NONE'];

export function renderSummary(businesses) {
  syncBusinessOptions(businesses);
  if (!changed('summary', [businesses, app.filters.business, app.filters.state])) {
    return;
  }
  let cards = businesses.map(summaryCard);
  if (!cards.length) {
    cards = [el('div', { class: 'card card-empty' }, 'No pairs yet. They appear here as soon as the ledger records their first event.')];
  }
  $('summary').replaceChildren(...cards);
}

function summaryCard(b) {
  const active = app.filters.business === b.business;
  const states = b.states || {};
  const bar = el('div', {
    class: 'stack', role: 'img', 'aria-label': STATES.map((s) => (states[s] || 0) + ' ' + s.toLowerCase()).join(', ')
  });
  STATES.forEach((s) => {
    const n = states[s] || 0;
    if (n > 0) {
      const seg = el('span', { class: 'stack-seg seg-' + s.toLowerCase(), title: n + ' ' + s.toLowerCase() });
      seg.style.flexGrow = String(n);
      bar.appendChild(seg);
    }
  });
  const legend = el('div', { class: 'legend' }, STATES.filter((s) => states[s]).map((s) => {
    const on = active && app.filters.state === s;
    return el('button', {
      type: 'button', class: 'legend-item' + (on ? ' is-on' : ''),
      title: 'Show the ' + s.toLowerCase() + ' pairs of ' + b.business,
      data: { testid: 'summary-state-' + b.business + '-' + s },
      on: {
        click: (event) => {
          event.stopPropagation();
          setFilters({ business: b.business, state: on ? '' : s });
        }
      }
    }, el('span', { class: 'dot dot-' + s.toLowerCase(), 'aria-hidden': 'true' }), s.charAt(0) + s.slice(1).toLowerCase(),
    el('strong', null, String(states[s])));
  }));
  const kpis = el('dl', { class: 'kpis' },
    kpi('Warnings', b.warnings, b.warnings > 0 ? 'kpi-warn' : '', 'summary-warnings-' + b.business,
      'Pairs with ' + missesRule(b.business) + ' (R-MISS-WARNING)',
      () => setFilters({ business: b.business, warning: true, state: '', expiring: false })),
    kpi('Expiring < 24 h', b.expiringWithin24h, b.expiringWithin24h > 0 ? 'kpi-soon' : '', 'summary-expiring-' + b.business,
      'Granted pairs whose permission ends within 24 hours',
      () => setFilters({ business: b.business, expiring: true, state: '', warning: false })),
    kpi('Calls today', b.callsPlacedToday, '', 'summary-calls-' + b.business,
      'Business calls placed today (UTC day of the ledger clock)', null,
      b.callsConnectedToday + ' connected · ' + b.callsRefusedToday + ' refused'),
    kpi('Requests today', b.requestsSentToday, '', 'summary-requests-' + b.business,
      'Permission requests sent today', null, b.requestsRefusedToday + ' refused'));
  return el('article', {
    class: 'card' + (active ? ' is-active' : ''), data: { testid: 'summary-' + b.business, business: b.business }
  },
  el('div', { class: 'card-head' },
    el('button', {
      type: 'button', class: 'card-title', title: active ? 'Show every business number' : 'Show only this business number',
      'aria-pressed': active ? 'true' : 'false',
      on: { click: () => setFilters({ business: active ? '' : b.business, state: '' }) }
    }, el('span', { class: 'card-label' }, 'Business number'), el('span', { class: 'card-number' }, b.business)),
    el('div', { class: 'card-total' }, el('strong', null, String(b.pairs)), ' pairs')),
  bar, legend, kpis);
}

function kpi(label, value, cls, testid, title, onClick, sub) {
  const valueNode = onClick && value > 0
    ? el('button', { type: 'button', class: 'kpi-value linkish', title: title, on: { click: onClick } }, String(value))
    : el('span', { class: 'kpi-value', title: title }, String(value));
  return el('div', { class: 'kpi ' + (cls || ''), data: { testid: testid } },
    el('dt', null, label), el('dd', null, valueNode, sub ? el('span', { class: 'kpi-sub' }, sub) : null));
}
