/*
 * Times and durations in words, always measured from the ledger clock (app.now), never the browser's.
 */
import { app } from './state.js';

export const DAY = 86400000;
export const HOUR = 3600000;
export const MINUTE = 60000;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

export function ms(iso) {
  return iso ? Date.parse(iso) : NaN;
}

/** 2 d 3 h, 5 h 12 min, 12 min, under a minute. */
export function span(millis) {
  const m = Math.abs(millis);
  if (m >= DAY) {
    const d = Math.floor(m / DAY);
    const h = Math.floor((m % DAY) / HOUR);
    return d + ' d' + (h ? ' ' + h + ' h' : '');
  }
  if (m >= HOUR) {
    const hh = Math.floor(m / HOUR);
    const mm = Math.floor((m % HOUR) / MINUTE);
    return hh + ' h' + (mm ? ' ' + mm + ' min' : '');
  }
  if (m >= MINUTE) {
    return Math.floor(m / MINUTE) + ' min';
  }
  return 'under a minute';
}

/** A policy's ISO-8601 duration as the API sends it (PT24H, PT168H, P7D) in words: 24 h, 7 days. */
export function period(iso) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!match) {
    return iso || '';
  }
  const millis = (Number(match[1] || 0) * 24 + Number(match[2] || 0)) * HOUR + Number(match[3] || 0) * MINUTE
    + Number(match[4] || 0) * 1000;
  if (millis >= 2 * DAY && millis % DAY === 0) {
    return millis / DAY + ' days';
  }
  if (millis >= HOUR && millis % HOUR === 0) {
    return millis / HOUR + ' h';
  }
  return span(millis);
}

export function relative(iso) {
  const t = ms(iso);
  if (isNaN(t) || app.now === null) {
    return '';
  }
  const diff = t - app.now;
  if (Math.abs(diff) < MINUTE) {
    return 'now';
  }
  return diff > 0 ? 'in ' + span(diff) : span(diff) + ' ago';
}

/** Mar 14, 09:12 (UTC). */
export function stamp(iso) {
  const t = ms(iso);
  if (isNaN(t)) {
    return '—';
  }
  const d = new Date(t);
  return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
}

export function fullStamp(iso) {
  const t = ms(iso);
  if (isNaN(t)) {
    return '';
  }
  const d = new Date(t);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' '
    + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' UTC';
}

/** Sat 14 Mar 2026, 09:12 UTC: the header clock. */
export function longStamp(millis) {
  const d = new Date(millis);
  return WEEKDAYS[d.getUTCDay()] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear()
    + ', ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
}
