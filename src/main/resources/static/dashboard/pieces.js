/*
 * The small visual pieces the tables and the pair panel share: badges, rule chips, the warning marker,
 * "can call now?", gauges, times and the pair link.
 */
import { el } from './dom.js';
import { openDetail } from './drawer.js';
import { policyOf, ruleWords } from './rulebook.js';
import { fullStamp, relative, stamp } from './time.js';

export function stateBadge(state, testid) {
  return el('span', { class: 'badge badge-' + state.toLowerCase(), data: { testid: testid, state: state } }, state);
}

/** A rule id; hovering shows its wording as the ledger states it. */
export function ruleChip(rule) {
  if (!rule) {
    return null;
  }
  return el('code', { class: 'rule', title: ruleWords(rule) || rule }, rule);
}

/** "2 or more business calls in a row ...; at 4 ...": the run of misses under the business's policy. */
export function missesRule(business) {
  const policy = policyOf(business);
  return policy
    ? policy.warnAfterMisses + ' or more business calls in a row unanswered or rejected; at '
      + policy.revokeAfterMisses + ' the permission is revoked'
    : ruleWords('R-MISS-WARNING') || 'business calls in a row unanswered or rejected';
}

export function warningMarker(testid, business) {
  return el('span', { class: 'warn', title: 'Rule R-MISS-WARNING: ' + missesRule(business), data: { testid: testid } },
    el('span', { class: 'warn-icon', 'aria-hidden': 'true' }, '!'), 'warning');
}

export function possibility(can, verb, rule, possibleAt, testid) {
  if (can) {
    return el('div', { class: 'can can-yes', data: { testid: testid, can: 'true' } },
      el('span', { class: 'can-icon', 'aria-hidden': 'true' }, '✓'), 'can ' + verb + ' now');
  }
  const when = possibleAt
    ? el('div', { class: 'can-when', title: fullStamp(possibleAt) }, 'possible ' + relative(possibleAt))
    : el('div', { class: 'can-when' }, ruleWords(rule) || 'not possible');
  return el('div', { class: 'can can-no', data: { testid: testid, can: 'false', rule: rule } },
    el('div', { class: 'can-line' },
      el('span', { class: 'can-icon', 'aria-hidden': 'true' }, '✕'),
      rule ? ruleChip(rule) : 'blocked'),
    when);
}

export function meter(used, max) {
  const ratio = max > 0 ? Math.min(1, used / max) : 0;
  const level = ratio >= 1 ? 'full' : ratio >= 0.6 ? 'high' : 'ok';
  const bar = el('span', { class: 'meter meter-' + level, 'aria-hidden': 'true' }, el('span', { class: 'meter-fill' }));
  bar.firstChild.style.width = Math.round(ratio * 100) + '%';
  return bar;
}

export function timeCell(iso) {
  if (!iso) {
    return el('span', { class: 'muted' }, '—');
  }
  return el('span', { class: 'when', title: fullStamp(iso) },
    el('span', { class: 'when-rel' }, relative(iso)),
    el('span', { class: 'when-abs' }, stamp(iso)));
}

/** Business and user in a row of the requests or calls table; opens the pair. */
export function pairCell(business, user) {
  return el('button', {
    type: 'button', class: 'pair-link', title: 'Open the pair',
    on: {
      click: (e) => {
        e.stopPropagation();
        openDetail(business, user);
      }
    }
  }, el('span', { class: 'mono muted' }, business), el('span', { class: 'mono strong' }, user));
}
