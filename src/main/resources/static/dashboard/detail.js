/*
 * What the pair panel shows: the pair's facts, the latest page of its timeline in the ledger's words (newest
 * first), and its requests and calls. Opening and closing the panel is drawer.js.
 */
import { callRow } from './calls.js';
import { $, el } from './dom.js';
import { missesCell, pairTestId, permissionCell } from './pairs.js';
import { possibility, ruleChip, stateBadge, timeCell, warningMarker } from './pieces.js';
import { changed } from './refresh.js';
import { requestRow } from './requests.js';
import { fullStamp, relative, stamp } from './time.js';

export function renderDetail(answer, requests, calls) {
  if (!changed('detail', [answer, requests, calls])) {
    return;
  }
  const body = $('detail-body');
  if (!answer || answer.missing) {
    body.replaceChildren(el('p', { class: 'muted' },
      'This pair is not on the dashboard yet. It appears within moments of its first event.'));
    return;
  }
  const p = answer.pair;
  const id = pairTestId(p);
  const facts = el('dl', { class: 'facts' },
    fact('Permission', permissionCell(p, 'detail')),
    fact('Granted', p.grantedAt ? timeCell(p.grantedAt) : el('span', { class: 'muted' }, '—')),
    fact('Calls in 24 h', String(p.connectedCalls24h) + ' of ' + p.callCap),
    fact('Requests', p.requests24h + ' in 24 h · ' + p.requests7d + ' in 7 d'),
    fact('Unanswered in a row', missesCell(p, 'detail', true)),
    fact('Call now?', possibility(p.canCall, 'call', p.callBlockedBy, p.callPossibleAt, 'detail-call')),
    fact('Request now?', possibility(p.canRequest, 'request', p.requestBlockedBy, p.requestPossibleAt, 'detail-request')),
    fact('Expired requests', String(p.expiredRequests)),
    fact('Last activity', timeCell(p.lastActivityAt)));
  const entries = (answer.timeline || []).slice().reverse();
  const timeline = el('ol', { class: 'timeline', data: { testid: 'detail-timeline' } }, entries.map((t) =>
    el('li', { class: 'tl-item tl-' + kindClass(t.kind), data: { kind: t.kind } },
      el('div', { class: 'tl-when', title: fullStamp(t.occurredAt) },
        el('span', null, stamp(t.occurredAt)), el('span', { class: 'muted' }, relative(t.occurredAt))),
      el('div', { class: 'tl-text' }, t.text, t.rule ? el('span', { class: 'tl-rule' }, ruleChip(t.rule)) : null))));
  const parts = [
    el('div', { class: 'detail-badges', data: { testid: 'detail-pair-' + id } }, stateBadge(p.state, 'detail-state'),
      p.warning ? warningMarker('detail-warning', p.business) : null,
      p.policy ? el('span', { class: 'muted', title: 'The policy this business number is under' }, 'policy ' + p.policy) : null),
    facts,
    el('h3', null, 'Timeline ', el('span', { class: 'muted' }, '(newest first)')),
    entries.length ? timeline : el('p', { class: 'muted' }, 'No events yet.')
  ];
  if (answer.earlierEvents > 0) {
    parts.push(el('p', { class: 'muted', data: { testid: 'detail-earlier' } }, 'The latest ' + entries.length
      + ' events; ' + answer.earlierEvents + ' earlier ' + (answer.earlierEvents === 1 ? 'one is' : 'ones are')
      + ' in the pair\'s audit history.'));
  }
  if (requests && requests.items.length) {
    parts.push(el('h3', null, 'Requests'));
    parts.push(el('div', { class: 'table-wrap' }, el('table', { class: 'grid grid-compact' },
      el('tbody', null, requests.items.map((r) => requestRow(r, true))))));
  }
  if (calls && calls.items.length) {
    parts.push(el('h3', null, 'Calls'));
    parts.push(el('div', { class: 'table-wrap' }, el('table', { class: 'grid grid-compact' },
      el('tbody', null, calls.items.map((c) => callRow(c, true))))));
  }
  body.replaceChildren(...parts);
}

function fact(label, value) {
  return el('div', { class: 'fact' }, el('dt', null, label), el('dd', null, value));
}

/** The colour of a timeline entry, by its event's kind. */
function kindClass(kind) {
  const k = String(kind || '');
  if (/Refused/.test(k)) {
    return 'refused';
  }
  if (/Granted/.test(k)) {
    return 'granted';
  }
  if (/Revoked|Warning/.test(k)) {
    return 'alert';
  }
  if (/Expired/.test(k)) {
    return 'expired';
  }
  return 'plain';
}
