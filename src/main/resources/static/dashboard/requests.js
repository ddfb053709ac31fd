/*
 * The permission requests table: status, channel, delivery, reply, and the expiry countdown or marker. Rows
 * are shared with the pair panel (compact).
 */
import { $, el, labelled } from './dom.js';
import { openDetail } from './drawer.js';
import { renderPager } from './pager.js';
import { pairCell, stateBadge, timeCell } from './pieces.js';
import { changed } from './refresh.js';
import { expiryReason, policyOf } from './rulebook.js';
import { app } from './state.js';
import { DAY, fullStamp, ms, period, relative, span, stamp } from './time.js';

export function renderRequests(page) {
  app.totals.requests = page.total;
  renderPager('requests', page);
  if (!changed('requests', page)) {
    return;
  }
  $('requests-body').replaceChildren(...page.items.map((r) => requestRow(r, false)));
  $('requests-empty').hidden = page.items.length > 0;
}

export function requestRow(r, compact) {
  const tr = el('tr', {
    class: 'row-request' + (r.expired ? ' is-expired' : ''), tabindex: compact ? null : '0',
    data: { testid: 'request-row-' + r.requestId, status: r.status, expired: r.expired ? 'true' : 'false' },
    on: compact ? null : {
      click: () => openDetail(r.business, r.user),
      keydown: (e) => {
        if (e.key === 'Enter') {
          openDetail(r.business, r.user);
        }
      }
    }
  });
  tr.appendChild(labelled(el('td', { class: 'mono clip', title: r.requestId }, r.requestId), 'Request'));
  if (!compact) {
    tr.appendChild(labelled(el('td', null, pairCell(r.business, r.user)), 'Business · user'));
  }
  tr.appendChild(labelled(el('td', null, stateBadge(r.status, 'request-status-' + r.requestId)), 'Status'));
  if (!compact) {
    tr.appendChild(labelled(el('td', null, r.channel ? r.channel.toLowerCase().replace('_', '-') : el('span', { class: 'muted', title: 'Sent outside the ledger' }, 'unknown')), 'Channel'));
    tr.appendChild(labelled(el('td', null, timeCell(r.sentAt)), 'Sent'));
    tr.appendChild(labelled(el('td', null, r.deliveredAt ? timeCell(r.deliveredAt) : el('span', { class: 'muted' }, 'not reported')), 'Delivered'));
  }
  const reply = r.response
    ? el('span', { class: r.response === 'ACCEPT' ? 'reply-yes' : 'reply-no', title: fullStamp(r.repliedAt) },
      (r.response === 'ACCEPT' ? 'accepted' : 'declined') + (r.permanent ? ' (permanent)' : ''),
      el('span', { class: 'when-abs' }, stamp(r.repliedAt)))
    : el('span', { class: 'muted' }, 'no reply');
  tr.appendChild(labelled(el('td', null, reply), 'Reply'));
  tr.appendChild(labelled(el('td', null, expiryCell(r)), 'Expiry'));
  return tr;
}

/** A countdown while the request is open; once expired, the marker "expired · <reason>" in the ledger's words. */
function expiryCell(r) {
  if (r.expired) {
    const reason = r.expiryReason || '';
    const stated = expiryReason(reason);
    const policy = policyOf(r.business);
    const meaning = stated ? stated.meaning.charAt(0).toUpperCase() + stated.meaning.slice(1) : 'Expired';
    const life = policy ? '; a request is answerable for ' + period(policy.requestExpiry) + ' under ' + policy.name : '';
    return el('div', { class: 'expired-mark', title: meaning + life + ' (R-REQUEST-EXPIRY)' },
      el('span', {
        class: 'expired-tag', data: { testid: 'request-expired-' + r.requestId, 'expiry-reason': reason }
      }, 'expired · ' + (stated ? stated.words : reason.toLowerCase().replace('_', ' '))),
      el('span', { class: 'when-abs' }, r.expiredAt ? stamp(r.expiredAt) + ' · ' + relative(r.expiredAt) : ''));
  }
  if (r.expiresAt) {
    const left = ms(r.expiresAt) - app.now;
    return el('span', { class: 'countdown is-neutral' + (left <= DAY ? ' is-soon' : ''), title: fullStamp(r.expiresAt) },
      'expires in ' + span(left));
  }
  return el('span', { class: 'muted' }, '—');
}
