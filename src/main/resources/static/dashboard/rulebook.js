/*
 * The rules as the ledger states them (GET /api/v1/businesses/{business}/rules): each rule's wording, each
 * request expiry reason's, and the numbers of the policy in force for every business number shown. The page
 * keeps no copy of either: until the answer is in, a chip shows the rule id alone and a tooltip no number.
 */
import { getJson, pathPart } from './api.js';

/** A business moved to another policy is noticed at once by its pairs' policy name; else asked again each minute. */
const STALE_MS = 60000;
const books = new Map();
const asking = new Set();
const rules = new Map();
const reasons = new Map();

/** Grows whenever an answer changed what the page shows, so every region draws again. */
export const rulebook = { version: 0 };

/** Asks for the rules of each {business, policy?} not known yet, known for over a minute, or under another policy. */
export function learn(shown) {
  shown.forEach(({ business, policy }) => {
    const book = books.get(business);
    const fresh = book && Date.now() - book.at < STALE_MS && (!policy || book.policy.name === policy);
    if (!business || fresh || asking.has(business)) {
      return;
    }
    asking.add(business);
    getJson('/api/v1/businesses/' + pathPart(business) + '/rules')
      .then((answer) => keep(business, answer), () => {
        // asked again with the next refresh
      })
      .finally(() => asking.delete(business));
  });
}

function keep(business, answer) {
  const before = JSON.stringify([books.has(business) ? books.get(business).policy : null, [...rules], [...reasons]]);
  books.set(business, { policy: answer.policy, at: Date.now() });
  answer.rules.forEach((r) => rules.set(r.id, r.words));
  answer.requestExpiryReasons.forEach((r) => reasons.set(r.reason, { words: r.words, meaning: r.meaning }));
  if (JSON.stringify([answer.policy, [...rules], [...reasons]]) !== before) {
    rulebook.version++;
  }
}

/** What a rule id means, in a few words, or null while the ledger has not said. */
export function ruleWords(id) {
  return rules.get(id) || null;
}

/** {words, meaning} of a request expiry reason (NO_RESPONSE, ...), or null while the ledger has not said. */
export function expiryReason(reason) {
  return reasons.get(reason) || null;
}

/** The numbers of the policy in force for a business number, or null while the ledger has not said. */
export function policyOf(business) {
  const book = books.get(business);
  return book ? book.policy : null;
}
