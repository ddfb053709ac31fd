/*
 * Opening and closing the pair panel on the right; what it shows is drawn by detail.js.
 */
import { $, cssEscape, el } from './dom.js';
import { writeUrl } from './address.js';
import { refresh } from './refresh.js';
import { app } from './state.js';

export function openDetail(business, user) {
  if (!app.selected && document.activeElement && document.activeElement !== document.body) {
    app.returnFocus = { testid: document.activeElement.getAttribute('data-testid') };
  }
  app.selected = { business: business, user: user };
  app.rendered.detail = null;
  app.rendered.pairs = null;
  $('detail-title').textContent = business + ' · ' + user;
  $('detail-body').replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  $('detail').hidden = false;
  $('detail-backdrop').hidden = false;
  document.body.classList.add('has-drawer');
  $('detail').focus();
  writeUrl();
  refresh();
}

export function closeDetail() {
  app.selected = null;
  app.rendered.pairs = null;
  $('detail').hidden = true;
  $('detail-backdrop').hidden = true;
  document.body.classList.remove('has-drawer');
  writeUrl();
  refresh();
  // back to the row the panel was opened from (it may have been redrawn since)
  const back = app.returnFocus && app.returnFocus.testid
    ? document.querySelector('[data-testid="' + cssEscape(app.returnFocus.testid) + '"]') : null;
  app.returnFocus = null;
  if (back) {
    back.focus();
  }
}
