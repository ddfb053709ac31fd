/*
 * The pager of a table: "1–25 of 120" and previous / next.
 */
import { $, el } from './dom.js';
import { refresh } from './refresh.js';
import { app, PAGE_SIZE } from './state.js';

export function renderPager(name, page) {
  const pager = $(name + '-pager');
  const total = page.total || 0;
  const size = page.size || PAGE_SIZE[name];
  const last = Math.max(0, Math.ceil(total / size) - 1);
  if (app.page[name] > last) {
    app.page[name] = last;
    app.again = true;
  }
  const from = total === 0 ? 0 : page.page * size + 1;
  const to = Math.min(total, (page.page + 1) * size);
  const key = [from, to, total, last].join('/');
  if (pager.getAttribute('data-key') === key) {
    return;
  }
  pager.setAttribute('data-key', key);
  pager.replaceChildren(
    el('span', { class: 'pager-range', data: { testid: name + '-range' } }, total === 0 ? 'none' : from + '–' + to + ' of ' + total),
    el('button', {
      type: 'button', class: 'btn btn-icon', 'aria-label': 'Previous page', disabled: page.page <= 0,
      on: {
        click: () => {
          app.page[name] = Math.max(0, app.page[name] - 1);
          refresh();
        }
      }
    }, '‹'),
    el('button', {
      type: 'button', class: 'btn btn-icon', 'aria-label': 'Next page', disabled: page.page >= last,
      on: {
        click: () => {
          app.page[name] = Math.min(last, app.page[name] + 1);
          refresh();
        }
      }
    }, '›'));
}
