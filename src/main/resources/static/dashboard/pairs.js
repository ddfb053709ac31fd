/*
 * The pairs table: one row per business number × user, as the ledger would decide right now. The permission
 * and misses cells are shared with the pair panel.
 */
import { $, el, labelled } from './dom.js';
import { openDetail } from './drawer.js';
import { renderPager } from './pager.js';
import { meter, missesRule, possibility, stateBadge, timeCell, warningMarker } from './pieces.js';
import { changed } from './refresh.js';
import { policyOf } from './rulebook.js';
import { app } from './state.js';
import { DAY, fullStamp, ms, period, span } from './time.js';

const SOURCE_WORDS = { REQUEST: 'via request', BUSINESS_PROFILE: 'from profile', CALLBACK: 'user called' };

export function renderPairs(page) {
  app.totals.pairs = page.total;
  renderPager('pairs', page);
  if (!changed('pairs', [page, app.selected])) {
    return;
  }
  $('pairs-body').replaceChildren(...page.items.map(pairRow));
  $('pairs-empty').hidden = page.items.length > 0;
}

export function pairTestId(p) {
  return p.business + '-' + p.user;
}

function isSelected(p) {
  return app.selected && app.selected.business === p.business && app.selected.user === p.user;
}

function pairRow(p) {
  const id = pairTestId(p);
  const cls = 'row-pair' + (p.warning ? ' has-warning' : '') + (isSelected(p) ? ' is-selected' : '');
  const open = () => openDetail(p.business, p.user);
  const tr = el('tr', {
    class: cls, tabindex: '0', 'aria-label': 'Pair ' + p.business + ' and ' + p.user + ', ' + p.state.toLowerCase(),
    data: { testid: 'pair-row-' + id, state: p.state, business: p.business, user: p.user },
    on: {
      click: open,
      keydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }
    }
  });
  const policy = policyOf(p.business);
  tr.appendChild(labelled(el('td', null, el('div', { class: 'pair' }, el('span', { class: 'mono pair-business' }, p.business),
    el('span', { class: 'mono strong pair-user' }, p.user))), 'Business · user'));
  tr.appendChild(labelled(el('td', null, el('div', { class: 'state-cell' }, stateBadge(p.state, 'pair-state-' + id),
    missesCell(p, id))), 'State'));
  tr.appendChild(labelled(el('td', null, permissionCell(p, id)), 'Permission'));
  tr.appendChild(labelled(el('td', { class: 'num' },
    el('div', {
      class: 'count-line', title: 'Connected or in-flight business calls in the last '
        + (policy ? period(policy.callWindow) : 'day') + ', of the cap (R-CALL-CAP)'
    }, String(p.connectedCalls24h), el('span', { class: 'muted' }, ' / ' + p.callCap)),
    meter(p.connectedCalls24h, p.callCap)), 'Calls 24 h'));
  tr.appendChild(labelled(el('td', { class: 'num', title: requestWindows(policy) },
    String(p.requests24h), el('span', { class: 'muted' }, ' · '), String(p.requests7d)), 'Requests 24 h · 7 d'));
  tr.appendChild(labelled(el('td', null, possibility(p.canCall, 'call', p.callBlockedBy, p.callPossibleAt, 'pair-call-' + id)), 'Call now?'));
  tr.appendChild(labelled(el('td', null, possibility(p.canRequest, 'request', p.requestBlockedBy, p.requestPossibleAt, 'pair-request-' + id)), 'Request now?'));
  tr.appendChild(labelled(el('td', null, timeCell(p.lastActivityAt)), 'Last activity'));
  return tr;
}

/** "Requests counted in the rolling 24 h (max 1) and 7 days (max 2)", by the business's policy. */
function requestWindows(policy) {
  if (!policy) {
    return 'Requests counted in the two rolling windows (R-REQUEST-24H, R-REQUEST-7D)';
  }
  return 'Requests counted in the rolling ' + period(policy.requestWindowShort) + ' (max ' + policy.requestCapShort
    + ') and ' + period(policy.requestWindowLong) + ' (max ' + policy.requestCapLong + ')';
}

export function permissionCell(p, id) {
  const kind = p.permissionKind === 'PERMANENT' ? 'Permanent' : p.permissionKind === 'TEMPORARY' ? 'Temporary' : null;
  const source = p.grantSource ? SOURCE_WORDS[p.grantSource] || p.grantSource.toLowerCase() : null;
  const head = kind ? el('div', { class: 'perm-kind' }, kind + (source ? ' · ' + source : '')) : null;
  const expires = ms(p.expiresAt);
  let line = null;
  if (p.state === 'GRANTED' && !isNaN(expires)) {
    const left = expires - app.now;
    line = el('div', {
      class: 'countdown' + (left <= DAY ? ' is-soon' : ''), title: 'Ends ' + fullStamp(p.expiresAt) + ' (R-TEMPORARY-168H)',
      data: { testid: 'pair-expiry-' + id }
    }, 'expires in ' + span(left));
  } else if (p.state === 'GRANTED') {
    line = el('div', { class: 'countdown is-forever' }, 'never expires');
  } else if (p.state === 'EXPIRED' && !isNaN(expires)) {
    line = el('div', { class: 'countdown is-over', title: fullStamp(p.expiresAt), data: { testid: 'pair-expiry-' + id } },
      'expired ' + span(app.now - expires) + ' ago');
  } else if (p.state === 'EXPIRED') {
    line = el('div', { class: 'countdown is-over' }, p.expiredRequests > 0
      ? (p.expiredRequests === 1 ? '1 request expired' : p.expiredRequests + ' requests expired')
      : 'permission ran out');
  }
  if (!head && !line) {
    return el('span', { class: 'muted' }, p.state === 'REQUESTED' ? 'waiting for a reply' : '—');
  }
  return el('div', { class: 'perm' + (p.state !== 'GRANTED' ? ' is-past' : '') }, head, line);
}

/** The run of unanswered or rejected business calls, with the warning marker once the policy's warning is raised. */
export function missesCell(p, id, always) {
  const n = p.consecutiveUnanswered;
  if (!p.warning && n === 0 && !always) {
    return null;
  }
  return el('div', { class: 'misses', title: 'Rule R-MISS-WARNING: ' + missesRule(p.business) },
    p.warning ? warningMarker('pair-warning-' + id, p.business) : null,
    el('span', { class: n > 0 ? 'misses-n' : 'muted' }, n === 0 ? 'none' : n + ' unanswered in a row'));
}
