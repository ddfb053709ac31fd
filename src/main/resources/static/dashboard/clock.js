/*
 * The header clock: the ledger's time, and whether it is the simulated clock.
 */
import { $ } from './dom.js';
import { app } from './state.js';
import { longStamp } from './time.js';

export function renderClock() {
  $('ledger-now').textContent = longStamp(app.now);
  $('clock-simulated').hidden = !app.simulated;
}
