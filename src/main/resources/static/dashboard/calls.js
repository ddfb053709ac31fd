/*
 * The calls table: business- and user-initiated calls, their outcome, and for a refused call the rule in the
 * ledger's words and when to retry. Rows are shared with the pair panel (compact).
 */
import { $, el, labelled } from './dom.js';
import { openDetail } from './drawer.js';
import { renderPager } from './pager.js';
import { pairCell, ruleChip, timeCell } from './pieces.js';
import { changed } from './refresh.js';
import { ruleWords } from './rulebook.js';
import { app } from './state.js';
import { fullStamp, relative } from './time.js';

const OUTCOME_WORDS = {
  CONNECTED: 'connected', UNANSWERED: 'unanswered', REJECTED: 'rejected', FAILED: 'failed',
  MISSED: 'missed', IN_FLIGHT: 'in flight', REFUSED: 'refused'
};

export function renderCalls(page) {
  app.totals.calls = page.total;
  renderPager('calls', page);
  if (!changed('calls', page)) {
    return;
  }
  $('calls-body').replaceChildren(...page.items.map((c) => callRow(c, false)));
  $('calls-empty').hidden = page.items.length > 0;
}

function callOutcome(c) {
  if (c.refused) {
    return 'REFUSED';
  }
  return c.outcome || 'IN_FLIGHT';
}

export function callRow(c, compact) {
  const outcome = callOutcome(c);
  const tr = el('tr', {
    class: 'row-call' + (c.refused ? ' is-refused' : ''), tabindex: compact ? null : '0',
    data: { testid: 'call-row-' + c.callId, outcome: outcome },
    on: compact ? null : {
      click: () => openDetail(c.business, c.user),
      keydown: (e) => {
        if (e.key === 'Enter') {
          openDetail(c.business, c.user);
        }
      }
    }
  });
  tr.appendChild(labelled(el('td', { class: 'mono clip', title: c.callId }, c.callId), 'Call'));
  if (!compact) {
    tr.appendChild(labelled(el('td', null, pairCell(c.business, c.user)), 'Business · user'));
    tr.appendChild(labelled(el('td', null, c.direction === 'USER_INITIATED' ? 'user → business' : 'business → user'), 'Direction'));
  }
  tr.appendChild(labelled(el('td', null, timeCell(c.placedAt)), 'Placed'));
  tr.appendChild(labelled(el('td', null, el('span', {
    class: 'badge badge-call-' + outcome.toLowerCase(), data: { testid: 'call-outcome-' + c.callId }
  }, OUTCOME_WORDS[outcome] || outcome.toLowerCase())), 'Outcome'));
  const refusal = c.refused
    ? el('div', { class: 'refusal' }, ruleChip(c.rule),
      el('span', { class: 'refusal-words' }, ruleWords(c.rule) || (c.refusalCode || '').toLowerCase()),
      c.retryAt ? el('span', { class: 'when-abs', title: fullStamp(c.retryAt) }, 'retry ' + relative(c.retryAt)) : null)
    : el('span', { class: 'muted' }, '—');
  tr.appendChild(labelled(el('td', null, refusal), 'Refusal'));
  return tr;
}
