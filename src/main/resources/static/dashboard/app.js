/*
 * Call permission ledger: the team lead's dashboard.
 * Plain JavaScript, no build step, no dependencies. It polls the dashboard query API every 2 s and
 * redraws what changed. Every piece of data goes into the page as text (textContent / setAttribute),
 * never as HTML.
 */
(function () {
  'use strict';

  var POLL_MS = 2000;
  var POLL_HIDDEN_MS = 10000;
  var FETCH_TIMEOUT_MS = 8000;
  var PAGE_SIZE = { pairs: 25, requests: 10, calls: 10 };
  var STATES = ['GRANTED', 'REQUESTED', 'EXPIRED', 'DECLINED', 'REVOKED', 'NONE'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAY = 86400000;
  var HOUR = 3600000;
  var MINUTE = 60000;

  /** What a rule id means, in a few words; docs/rules.md has the full text. */
  var RULE_WORDS = {
    'R-PERMISSION-REQUIRED': 'no valid permission',
    'R-TEMPORARY-168H': 'permission lasts 7 days',
    'R-PERMANENT': 'permanent permission',
    'R-PROFILE-GRANT': 'granted from the profile',
    'R-PROFILE-REVOKE': 'revoked from the profile',
    'R-CALLBACK-GRANT': 'granted by a user call',
    'R-REQUEST-24H': '1 request per 24 h already sent',
    'R-REQUEST-7D': '2 requests per 7 days already sent',
    'R-REQUEST-RESET': 'request limits reset',
    'R-REQUEST-WHILE-PERMANENT': 'a permanent permission is held',
    'R-REQUEST-EXPIRY': 'the request had expired',
    'R-REPLY-ACCEPT': 'accepted',
    'R-REPLY-DECLINE': 'declined',
    'R-CALL-CAP': 'connected-call cap for 24 h reached',
    'R-MISS-WARNING': 'calls unanswered in a row',
    'R-MISS-REVOKE': 'revoked after unanswered calls'
  };
  var SOURCE_WORDS = { REQUEST: 'via request', BUSINESS_PROFILE: 'from profile', CALLBACK: 'user called' };
  var EXPIRY_WORDS = { NO_RESPONSE: 'no response', AFTER_REPLY: '7 days after reply', SUPERSEDED: 'superseded' };
  var EXPIRY_LONG = {
    NO_RESPONSE: 'No reply within 7 days of delivery',
    AFTER_REPLY: '7 days after the user replied',
    SUPERSEDED: 'The user answered a newer request'
  };
  var CALL_OUTCOME_WORDS = {
    CONNECTED: 'connected', UNANSWERED: 'unanswered', REJECTED: 'rejected', FAILED: 'failed',
    MISSED: 'missed', IN_FLIGHT: 'in flight', REFUSED: 'refused'
  };

  var app = {
    filters: { business: '', state: '', user: '', warning: false, expiring: false, requestStatus: '', callOutcome: '' },
    page: { pairs: 0, requests: 0, calls: 0 },
    totals: { pairs: 0, requests: 0, calls: 0 },
    selected: null,
    now: null,
    simulated: false,
    timer: null,
    inFlight: false,
    again: false,
    lastOk: null,
    rendered: {},
    businesses: []
  };

  // ---------------------------------------------------------------- small DOM helpers (text only)

  function $(id) {
    return document.getElementById(id);
  }

  /** el('td', {class: 'x', title: 't', data: {testid: 'y'}}, 'text', node, ...): children are text or nodes. */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'class') {
          node.className = value;
        } else if (key === 'data') {
          Object.keys(value).forEach(function (d) {
            if (value[d] !== null && value[d] !== undefined) {
              node.setAttribute('data-' + d, String(value[d]));
            }
          });
        } else if (key === 'on') {
          Object.keys(value).forEach(function (type) {
            node.addEventListener(type, value[type]);
          });
        } else {
          node.setAttribute(key, value === true ? '' : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) {
        append(node, c);
      });
    } else if (typeof child === 'object' && child.nodeType) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // ---------------------------------------------------------------- time, always by the ledger clock

  function ms(iso) {
    return iso ? Date.parse(iso) : NaN;
  }

  /** 2 d 3 h, 5 h 12 min, 12 min, under a minute. */
  function span(millis) {
    var m = Math.abs(millis);
    if (m >= DAY) {
      var d = Math.floor(m / DAY);
      var h = Math.floor((m % DAY) / HOUR);
      return d + ' d' + (h ? ' ' + h + ' h' : '');
    }
    if (m >= HOUR) {
      var hh = Math.floor(m / HOUR);
      var mm = Math.floor((m % HOUR) / MINUTE);
      return hh + ' h' + (mm ? ' ' + mm + ' min' : '');
    }
    if (m >= MINUTE) {
      return Math.floor(m / MINUTE) + ' min';
    }
    return 'under a minute';
  }

  function relative(iso) {
    var t = ms(iso);
    if (isNaN(t) || app.now === null) {
      return '';
    }
    var diff = t - app.now;
    if (Math.abs(diff) < MINUTE) {
      return 'now';
    }
    return diff > 0 ? 'in ' + span(diff) : span(diff) + ' ago';
  }

  /** Mar 14, 09:12 (UTC). */
  function stamp(iso) {
    var t = ms(iso);
    if (isNaN(t)) {
      return '—';
    }
    var d = new Date(t);
    return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }

  function fullStamp(iso) {
    var t = ms(iso);
    if (isNaN(t)) {
      return '';
    }
    var d = new Date(t);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' UTC';
  }

  function timeCell(iso) {
    if (!iso) {
      return el('span', { class: 'muted' }, '—');
    }
    return el('span', { class: 'when', title: fullStamp(iso) },
      el('span', { class: 'when-rel' }, relative(iso)),
      el('span', { class: 'when-abs' }, stamp(iso)));
  }

  // ---------------------------------------------------------------- small visual pieces

  function stateBadge(state, testid) {
    return el('span', { class: 'badge badge-' + state.toLowerCase(), data: { testid: testid, state: state } }, state);
  }

  function ruleChip(rule) {
    if (!rule) {
      return null;
    }
    return el('code', { class: 'rule', title: RULE_WORDS[rule] || rule }, rule);
  }

  function warningMarker(testid) {
    return el('span', { class: 'warn', title: 'Rule R-MISS-WARNING: 2 or more business calls in a row unanswered or rejected; at 4 the permission is revoked', data: { testid: testid } },
      el('span', { class: 'warn-icon', 'aria-hidden': 'true' }, '!'), 'warning');
  }

  function possibility(can, verb, rule, possibleAt, testid) {
    if (can) {
      return el('div', { class: 'can can-yes', data: { testid: testid, can: 'true' } },
        el('span', { class: 'can-icon', 'aria-hidden': 'true' }, '✓'), 'can ' + verb + ' now');
    }
    var when = possibleAt
      ? el('div', { class: 'can-when', title: fullStamp(possibleAt) }, 'possible ' + relative(possibleAt))
      : el('div', { class: 'can-when' }, RULE_WORDS[rule] || 'not possible');
    return el('div', { class: 'can can-no', data: { testid: testid, can: 'false', rule: rule } },
      el('div', { class: 'can-line' },
        el('span', { class: 'can-icon', 'aria-hidden': 'true' }, '✕'),
        rule ? ruleChip(rule) : 'blocked'),
      when);
  }

  function meter(used, max) {
    var ratio = max > 0 ? Math.min(1, used / max) : 0;
    var level = ratio >= 1 ? 'full' : ratio >= 0.6 ? 'high' : 'ok';
    var bar = el('span', { class: 'meter meter-' + level, 'aria-hidden': 'true' }, el('span', { class: 'meter-fill' }));
    bar.firstChild.style.width = Math.round(ratio * 100) + '%';
    return bar;
  }

  function labelled(td, label) {
    td.setAttribute('data-label', label);
    return td;
  }

  // ---------------------------------------------------------------- fetching

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== '' && v !== null && v !== undefined && v !== false) {
        search.set(k, String(v));
      }
    });
    var s = search.toString();
    return s ? '?' + s : '';
  }

  var KEY_STORE = 'ledger.apiKey';

  function apiKey() {
    try {
      return sessionStorage.getItem(KEY_STORE) || '';
    } catch (e) {
      return '';
    }
  }

  /** The ledger answered 401 or 403: ask for a key (again), keep it for this tab only. */
  function askForKey(status) {
    var form = document.getElementById('key-form');
    document.getElementById('key-message').textContent = status === 403
      ? 'This API key may not read the dashboard. Enter a key with the DASHBOARD, AUDITOR or ADMIN role.'
      : 'This dashboard needs an API key with the DASHBOARD (or AUDITOR, ADMIN) role.';
    form.hidden = false;
  }

  function wireKeyForm() {
    var form = document.getElementById('key-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var value = document.getElementById('key-input').value.trim();
      if (!value) {
        return;
      }
      try {
        sessionStorage.setItem(KEY_STORE, value);
      } catch (e) {
        // without session storage the key lives only until the page is left
      }
      app.memoryKey = value;
      document.getElementById('key-input').value = '';
      form.hidden = true;
      refresh();
    });
  }

  function getJson(url) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () {
      controller.abort();
    }, FETCH_TIMEOUT_MS) : null;
    var headers = { Accept: 'application/json' };
    var key = apiKey() || app.memoryKey;
    if (key) {
      headers['X-Api-Key'] = key;
    }
    return fetch(url, { headers: headers, cache: 'no-store', signal: controller ? controller.signal : undefined })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          askForKey(response.status);
        }
        if (!response.ok) {
          var error = new Error('HTTP ' + response.status);
          error.status = response.status;
          throw error;
        }
        return response.json();
      })
      .finally(function () {
        if (timer) {
          clearTimeout(timer);
        }
      });
  }

  function pathPart(s) {
    return encodeURIComponent(s);
  }

  function filterKey() {
    return JSON.stringify([app.filters, app.page, app.selected]);
  }

  function load() {
    var f = app.filters;
    var shared = { business: f.business, user: f.user.trim() };
    var calls = [
      getJson('/dashboard/clock'),
      getJson('/api/v1/dashboard/summary'),
      getJson('/api/v1/dashboard/pairs' + query({
        business: shared.business, user: shared.user, state: f.state,
        warning: f.warning ? 'true' : '', expiringWithin: f.expiring ? 'P1D' : '',
        page: app.page.pairs, size: PAGE_SIZE.pairs
      })),
      getJson('/api/v1/dashboard/requests' + query({
        business: shared.business, user: shared.user, status: f.requestStatus,
        page: app.page.requests, size: PAGE_SIZE.requests
      })),
      getJson('/api/v1/dashboard/calls' + query({
        business: shared.business, user: shared.user, outcome: f.callOutcome,
        page: app.page.calls, size: PAGE_SIZE.calls
      }))
    ];
    if (app.selected) {
      var root = '/api/v1/dashboard/pairs/' + pathPart(app.selected.business) + '/' + pathPart(app.selected.user);
      calls.push(getJson(root).catch(function (e) {
        if (e.status === 404) {
          return { missing: true };
        }
        throw e;
      }));
      var mine = { business: app.selected.business, user: app.selected.user, size: 20 };
      calls.push(getJson('/api/v1/dashboard/requests' + query(mine)));
      calls.push(getJson('/api/v1/dashboard/calls' + query(mine)));
    }
    // one part failing (say the summary) must not blank the rest of the page
    return Promise.all(calls.map(function (call) {
      return call.then(function (value) {
        return { ok: true, value: value };
      }, function (error) {
        return { ok: false, error: error };
      });
    }));
  }

  var PARTS = ['ledger clock', 'summary', 'pairs', 'requests', 'calls', 'pair detail', 'pair requests', 'pair calls'];

  function refresh() {
    if (app.inFlight) {
      app.again = true;
      return;
    }
    clearTimeout(app.timer);
    app.inFlight = true;
    var key = filterKey();
    load().then(function (answers) {
      if (key !== filterKey()) {
        app.again = true;
        return;
      }
      var failed = [];
      answers.forEach(function (a, i) {
        if (!a.ok) {
          failed.push(PARTS[i] + (a.error && a.error.status ? ' (HTTP ' + a.error.status + ')' : ''));
        }
      });
      if (failed.length === answers.length) {
        throw answers[0].error || new Error('no answer');
      }
      if (answers[0].ok) {
        app.now = ms(answers[0].value.now);
        app.simulated = !!answers[0].value.simulated;
        renderClock();
      }
      if (app.now === null) {
        throw new Error('the ledger clock did not answer');
      }
      if (answers[1].ok) {
        renderSummary(answers[1].value.businesses || []);
      }
      if (answers[2].ok) {
        renderPairs(answers[2].value);
      }
      if (answers[3].ok) {
        renderRequests(answers[3].value);
      }
      if (answers[4].ok) {
        renderCalls(answers[4].value);
      }
      if (app.selected && answers[5].ok) {
        renderDetail(answers[5].value, answers[6].ok ? answers[6].value : null, answers[7].ok ? answers[7].value : null);
      }
      markLive(true, null, failed);
    }).catch(function (error) {
      markLive(false, error);
    }).then(function () {
      app.inFlight = false;
      if (app.again) {
        app.again = false;
        refresh();
      } else {
        schedule();
      }
    });
  }

  function schedule() {
    clearTimeout(app.timer);
    app.timer = setTimeout(refresh, document.hidden ? POLL_HIDDEN_MS : POLL_MS);
  }

  function markLive(ok, error, failed) {
    var live = $('live');
    var updated = $('updated');
    if (ok) {
      var d = new Date();
      app.lastOk = d;
      var partly = failed && failed.length;
      live.className = 'live ' + (partly ? 'is-partial' : 'is-ok');
      updated.textContent = 'updated ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds())
        + (partly ? ' · not available: ' + failed.join(', ') : '');
      live.title = partly ? 'Some parts did not answer; they show their last known state' : 'Refreshes every 2 seconds';
    } else {
      live.className = 'live is-down';
      var last = app.lastOk;
      updated.textContent = (last ? 'updated ' + pad(last.getHours()) + ':' + pad(last.getMinutes()) + ':'
        + pad(last.getSeconds()) + ' · ' : '') + 'cannot reach the ledger, retrying';
      live.title = error && error.message ? 'Last error: ' + error.message : 'The last refresh failed';
    }
  }

  /** Redraw a region only when what it shows changed (keeps focus, hover and scroll steady). */
  function changed(region, data) {
    var minute = app.now === null ? 0 : Math.floor(app.now / MINUTE);
    var key = JSON.stringify(data) + '|' + minute;
    if (app.rendered[region] === key) {
      return false;
    }
    app.rendered[region] = key;
    return true;
  }

  // ---------------------------------------------------------------- header clock

  function renderClock() {
    var d = new Date(app.now);
    $('ledger-now').textContent = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()] + ' '
      + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear() + ', '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
    $('clock-simulated').hidden = !app.simulated;
  }

  // ---------------------------------------------------------------- summary strip

  function renderSummary(businesses) {
    syncBusinessOptions(businesses);
    if (!changed('summary', [businesses, app.filters.business, app.filters.state])) {
      return;
    }
    var strip = $('summary');
    var cards = businesses.map(summaryCard);
    if (!cards.length) {
      cards = [el('div', { class: 'card card-empty' }, 'No pairs yet. They appear here as soon as the ledger records their first event.')];
    }
    strip.replaceChildren.apply(strip, cards);
  }

  function summaryCard(b) {
    var active = app.filters.business === b.business;
    var states = b.states || {};
    var bar = el('div', { class: 'stack', role: 'img', 'aria-label': STATES.map(function (s) {
      return (states[s] || 0) + ' ' + s.toLowerCase();
    }).join(', ') });
    STATES.forEach(function (s) {
      var n = states[s] || 0;
      if (n > 0) {
        var seg = el('span', { class: 'stack-seg seg-' + s.toLowerCase(), title: n + ' ' + s.toLowerCase() });
        seg.style.flexGrow = String(n);
        bar.appendChild(seg);
      }
    });
    var legend = el('div', { class: 'legend' }, STATES.filter(function (s) {
      return states[s];
    }).map(function (s) {
      var on = active && app.filters.state === s;
      return el('button', {
        type: 'button', class: 'legend-item' + (on ? ' is-on' : ''),
        title: 'Show the ' + s.toLowerCase() + ' pairs of ' + b.business,
        data: { testid: 'summary-state-' + b.business + '-' + s },
        on: {
          click: function (event) {
            event.stopPropagation();
            setFilters({ business: b.business, state: on ? '' : s });
          }
        }
      }, el('span', { class: 'dot dot-' + s.toLowerCase(), 'aria-hidden': 'true' }), s.charAt(0) + s.slice(1).toLowerCase(),
      el('strong', null, String(states[s])));
    }));
    var kpis = el('dl', { class: 'kpis' },
      kpi('Warnings', b.warnings, b.warnings > 0 ? 'kpi-warn' : '', 'summary-warnings-' + b.business,
        'Pairs with 2 or more calls in a row unanswered or rejected', function () {
          setFilters({ business: b.business, warning: true, state: '', expiring: false });
        }),
      kpi('Expiring < 24 h', b.expiringWithin24h, b.expiringWithin24h > 0 ? 'kpi-soon' : '', 'summary-expiring-' + b.business,
        'Granted pairs whose permission ends within 24 hours', function () {
          setFilters({ business: b.business, expiring: true, state: '', warning: false });
        }),
      kpi('Calls today', b.callsPlacedToday, '', 'summary-calls-' + b.business,
        'Business calls placed today (UTC day of the ledger clock)', null,
        b.callsConnectedToday + ' connected · ' + b.callsRefusedToday + ' refused'),
      kpi('Requests today', b.requestsSentToday, '', 'summary-requests-' + b.business,
        'Permission requests sent today', null, b.requestsRefusedToday + ' refused'));
    return el('article', {
      class: 'card' + (active ? ' is-active' : ''), data: { testid: 'summary-' + b.business, business: b.business }
    },
    el('div', { class: 'card-head' },
      el('button', {
        type: 'button', class: 'card-title', title: active ? 'Show every business number' : 'Show only this business number',
        'aria-pressed': active ? 'true' : 'false',
        on: {
          click: function () {
            setFilters({ business: active ? '' : b.business, state: '' });
          }
        }
      }, el('span', { class: 'card-label' }, 'Business number'), el('span', { class: 'card-number' }, b.business)),
      el('div', { class: 'card-total' }, el('strong', null, String(b.pairs)), ' pairs')),
    bar, legend, kpis);
  }

  function kpi(label, value, cls, testid, title, onClick, sub) {
    var valueNode = onClick && value > 0
      ? el('button', { type: 'button', class: 'kpi-value linkish', title: title, on: { click: onClick } }, String(value))
      : el('span', { class: 'kpi-value', title: title }, String(value));
    return el('div', { class: 'kpi ' + (cls || ''), data: { testid: testid } },
      el('dt', null, label), el('dd', null, valueNode, sub ? el('span', { class: 'kpi-sub' }, sub) : null));
  }

  function syncBusinessOptions(businesses) {
    var names = businesses.map(function (b) {
      return b.business;
    });
    if (app.filters.business && names.indexOf(app.filters.business) < 0) {
      names.push(app.filters.business);
    }
    if (JSON.stringify(names) === JSON.stringify(app.businesses)) {
      return;
    }
    app.businesses = names;
    var select = $('f-business');
    var options = [el('option', { value: '' }, 'All business numbers')].concat(names.map(function (n) {
      return el('option', { value: n }, n);
    }));
    select.replaceChildren.apply(select, options);
    select.value = app.filters.business;
  }

  // ---------------------------------------------------------------- pairs

  function renderPairs(page) {
    app.totals.pairs = page.total;
    renderPager('pairs', page);
    if (!changed('pairs', [page, app.selected])) {
      return;
    }
    var body = $('pairs-body');
    body.replaceChildren.apply(body, page.items.map(pairRow));
    $('pairs-empty').hidden = page.items.length > 0;
  }

  function pairTestId(p) {
    return p.business + '-' + p.user;
  }

  function isSelected(p) {
    return app.selected && app.selected.business === p.business && app.selected.user === p.user;
  }

  function pairRow(p) {
    var id = pairTestId(p);
    var cls = 'row-pair' + (p.warning ? ' has-warning' : '') + (isSelected(p) ? ' is-selected' : '');
    var open = function () {
      openDetail(p.business, p.user);
    };
    var tr = el('tr', {
      class: cls, tabindex: '0', 'aria-label': 'Pair ' + p.business + ' and ' + p.user + ', ' + p.state.toLowerCase(),
      data: { testid: 'pair-row-' + id, state: p.state, business: p.business, user: p.user },
      on: {
        click: open,
        keydown: function (e) {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        }
      }
    });
    tr.appendChild(labelled(el('td', null, el('div', { class: 'pair' }, el('span', { class: 'mono pair-business' }, p.business),
      el('span', { class: 'mono strong pair-user' }, p.user))), 'Business · user'));
    tr.appendChild(labelled(el('td', null, el('div', { class: 'state-cell' }, stateBadge(p.state, 'pair-state-' + id),
      missesCell(p, id))), 'State'));
    tr.appendChild(labelled(el('td', null, permissionCell(p, id)), 'Permission'));
    tr.appendChild(labelled(el('td', { class: 'num' },
      el('div', { class: 'count-line', title: 'Connected or in-flight business calls in the last 24 h, of the cap (R-CALL-CAP)' },
        String(p.connectedCalls24h), el('span', { class: 'muted' }, ' / ' + p.callCap)),
      meter(p.connectedCalls24h, p.callCap)), 'Calls 24 h'));
    tr.appendChild(labelled(el('td', { class: 'num', title: 'Requests counted in the rolling 24 h (max 1) and 7 days (max 2)' },
      String(p.requests24h), el('span', { class: 'muted' }, ' · '), String(p.requests7d)), 'Requests 24 h · 7 d'));
    tr.appendChild(labelled(el('td', null, possibility(p.canCall, 'call', p.callBlockedBy, p.callPossibleAt, 'pair-call-' + id)), 'Call now?'));
    tr.appendChild(labelled(el('td', null, possibility(p.canRequest, 'request', p.requestBlockedBy, p.requestPossibleAt, 'pair-request-' + id)), 'Request now?'));
    tr.appendChild(labelled(el('td', null, timeCell(p.lastActivityAt)), 'Last activity'));
    return tr;
  }

  function permissionCell(p, id) {
    var kind = p.permissionKind === 'PERMANENT' ? 'Permanent' : p.permissionKind === 'TEMPORARY' ? 'Temporary' : null;
    var source = p.grantSource ? SOURCE_WORDS[p.grantSource] || p.grantSource.toLowerCase() : null;
    var head = kind ? el('div', { class: 'perm-kind' }, kind + (source ? ' · ' + source : '')) : null;
    var expires = ms(p.expiresAt);
    var line = null;
    if (p.state === 'GRANTED' && !isNaN(expires)) {
      var left = expires - app.now;
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

  /** The run of unanswered or rejected business calls, with the warning marker from the 2nd (R-MISS-WARNING). */
  function missesCell(p, id, always) {
    var n = p.consecutiveUnanswered;
    if (!p.warning && n === 0 && !always) {
      return null;
    }
    return el('div', { class: 'misses', title: 'Business calls in a row unanswered or rejected; 2 raise a warning, 4 revoke the permission' },
      p.warning ? warningMarker('pair-warning-' + id) : null,
      el('span', { class: n > 0 ? 'misses-n' : 'muted' }, n === 0 ? 'none' : n + ' unanswered in a row'));
  }

  // ---------------------------------------------------------------- requests

  function renderRequests(page) {
    app.totals.requests = page.total;
    renderPager('requests', page);
    if (!changed('requests', page)) {
      return;
    }
    var body = $('requests-body');
    body.replaceChildren.apply(body, page.items.map(function (r) {
      return requestRow(r, false);
    }));
    $('requests-empty').hidden = page.items.length > 0;
  }

  function requestRow(r, compact) {
    var tr = el('tr', {
      class: 'row-request' + (r.expired ? ' is-expired' : ''), tabindex: compact ? null : '0',
      data: { testid: 'request-row-' + r.requestId, status: r.status, expired: r.expired ? 'true' : 'false' },
      on: compact ? null : {
        click: function () {
          openDetail(r.business, r.user);
        },
        keydown: function (e) {
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
    var reply = r.response
      ? el('span', { class: r.response === 'ACCEPT' ? 'reply-yes' : 'reply-no', title: fullStamp(r.repliedAt) },
        (r.response === 'ACCEPT' ? 'accepted' : 'declined') + (r.permanent ? ' (permanent)' : ''),
        el('span', { class: 'when-abs' }, stamp(r.repliedAt)))
      : el('span', { class: 'muted' }, 'no reply');
    tr.appendChild(labelled(el('td', null, reply), 'Reply'));
    tr.appendChild(labelled(el('td', null, expiryCell(r)), 'Expiry'));
    return tr;
  }

  function expiryCell(r) {
    if (r.expired) {
      var reason = r.expiryReason || '';
      return el('div', { class: 'expired-mark', title: (EXPIRY_LONG[reason] || 'Expired') + ' (R-REQUEST-EXPIRY)' },
        el('span', {
          class: 'expired-tag', data: { testid: 'request-expired-' + r.requestId, 'expiry-reason': reason }
        }, 'expired · ' + (EXPIRY_WORDS[reason] || reason.toLowerCase())),
        el('span', { class: 'when-abs' }, r.expiredAt ? stamp(r.expiredAt) + ' · ' + relative(r.expiredAt) : ''));
    }
    if (r.expiresAt) {
      var left = ms(r.expiresAt) - app.now;
      return el('span', { class: 'countdown is-neutral' + (left <= DAY ? ' is-soon' : ''), title: fullStamp(r.expiresAt) },
        'expires in ' + span(left));
    }
    return el('span', { class: 'muted' }, '—');
  }

  function pairCell(business, user) {
    return el('button', {
      type: 'button', class: 'pair-link', title: 'Open the pair',
      on: {
        click: function (e) {
          e.stopPropagation();
          openDetail(business, user);
        }
      }
    }, el('span', { class: 'mono muted' }, business), el('span', { class: 'mono strong' }, user));
  }

  // ---------------------------------------------------------------- calls

  function renderCalls(page) {
    app.totals.calls = page.total;
    renderPager('calls', page);
    if (!changed('calls', page)) {
      return;
    }
    var body = $('calls-body');
    body.replaceChildren.apply(body, page.items.map(function (c) {
      return callRow(c, false);
    }));
    $('calls-empty').hidden = page.items.length > 0;
  }

  function callOutcome(c) {
    if (c.refused) {
      return 'REFUSED';
    }
    return c.outcome || 'IN_FLIGHT';
  }

  function callRow(c, compact) {
    var outcome = callOutcome(c);
    var tr = el('tr', {
      class: 'row-call' + (c.refused ? ' is-refused' : ''), tabindex: compact ? null : '0',
      data: { testid: 'call-row-' + c.callId, outcome: outcome },
      on: compact ? null : {
        click: function () {
          openDetail(c.business, c.user);
        },
        keydown: function (e) {
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
    }, CALL_OUTCOME_WORDS[outcome] || outcome.toLowerCase())), 'Outcome'));
    var refusal = c.refused
      ? el('div', { class: 'refusal' }, ruleChip(c.rule),
        el('span', { class: 'refusal-words' }, RULE_WORDS[c.rule] || (c.refusalCode || '').toLowerCase()),
        c.retryAt ? el('span', { class: 'when-abs', title: fullStamp(c.retryAt) }, 'retry ' + relative(c.retryAt)) : null)
      : el('span', { class: 'muted' }, '—');
    tr.appendChild(labelled(el('td', null, refusal), 'Refusal'));
    return tr;
  }

  // ---------------------------------------------------------------- pagers

  function renderPager(name, page) {
    var pager = $(name + '-pager');
    var total = page.total || 0;
    var size = page.size || PAGE_SIZE[name];
    var last = Math.max(0, Math.ceil(total / size) - 1);
    if (app.page[name] > last) {
      app.page[name] = last;
      app.again = true;
    }
    var from = total === 0 ? 0 : page.page * size + 1;
    var to = Math.min(total, (page.page + 1) * size);
    var key = [from, to, total, last].join('/');
    if (pager.getAttribute('data-key') === key) {
      return;
    }
    pager.setAttribute('data-key', key);
    pager.replaceChildren(
      el('span', { class: 'pager-range', data: { testid: name + '-range' } }, total === 0 ? 'none' : from + '–' + to + ' of ' + total),
      el('button', {
        type: 'button', class: 'btn btn-icon', 'aria-label': 'Previous page', disabled: page.page <= 0,
        on: {
          click: function () {
            app.page[name] = Math.max(0, app.page[name] - 1);
            refresh();
          }
        }
      }, '‹'),
      el('button', {
        type: 'button', class: 'btn btn-icon', 'aria-label': 'Next page', disabled: page.page >= last,
        on: {
          click: function () {
            app.page[name] = Math.min(last, app.page[name] + 1);
            refresh();
          }
        }
      }, '›'));
  }

  // ---------------------------------------------------------------- the pair detail panel

  function openDetail(business, user) {
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

  function closeDetail() {
    app.selected = null;
    app.rendered.pairs = null;
    $('detail').hidden = true;
    $('detail-backdrop').hidden = true;
    document.body.classList.remove('has-drawer');
    writeUrl();
    refresh();
    // back to the row the panel was opened from (it may have been redrawn since)
    var back = app.returnFocus && app.returnFocus.testid
      ? document.querySelector('[data-testid="' + cssEscape(app.returnFocus.testid) + '"]') : null;
    app.returnFocus = null;
    if (back) {
      back.focus();
    }
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  function renderDetail(answer, requests, calls) {
    if (!changed('detail', [answer, requests, calls])) {
      return;
    }
    var body = $('detail-body');
    if (!answer || answer.missing) {
      body.replaceChildren(el('p', { class: 'muted' },
        'This pair is not on the dashboard yet. It appears within moments of its first event.'));
      return;
    }
    var p = answer.pair;
    var id = pairTestId(p);
    var facts = el('dl', { class: 'facts' },
      fact('Permission', permissionCell(p, 'detail')),
      fact('Granted', p.grantedAt ? timeCell(p.grantedAt) : el('span', { class: 'muted' }, '—')),
      fact('Calls in 24 h', String(p.connectedCalls24h) + ' of ' + p.callCap),
      fact('Requests', p.requests24h + ' in 24 h · ' + p.requests7d + ' in 7 d'),
      fact('Unanswered in a row', missesCell(p, 'detail', true)),
      fact('Call now?', possibility(p.canCall, 'call', p.callBlockedBy, p.callPossibleAt, 'detail-call')),
      fact('Request now?', possibility(p.canRequest, 'request', p.requestBlockedBy, p.requestPossibleAt, 'detail-request')),
      fact('Expired requests', String(p.expiredRequests)),
      fact('Last activity', timeCell(p.lastActivityAt)));
    var entries = (answer.timeline || []).slice().reverse();
    var timeline = el('ol', { class: 'timeline', data: { testid: 'detail-timeline' } }, entries.map(function (t) {
      return el('li', { class: 'tl-item tl-' + kindClass(t.kind), data: { kind: t.kind } },
        el('div', { class: 'tl-when', title: fullStamp(t.occurredAt) },
          el('span', null, stamp(t.occurredAt)), el('span', { class: 'muted' }, relative(t.occurredAt))),
        el('div', { class: 'tl-text' }, t.text, t.rule ? el('span', { class: 'tl-rule' }, ruleChip(t.rule)) : null));
    }));
    var parts = [
      el('div', { class: 'detail-badges', data: { testid: 'detail-pair-' + id } }, stateBadge(p.state, 'detail-state'),
        p.warning ? warningMarker('detail-warning') : null,
        p.policy ? el('span', { class: 'muted', title: 'The policy this business number is under' }, 'policy ' + p.policy) : null),
      facts,
      el('h3', null, 'Timeline ', el('span', { class: 'muted' }, '(newest first)')),
      entries.length ? timeline : el('p', { class: 'muted' }, 'No events yet.')
    ];
    if (requests && requests.items.length) {
      parts.push(el('h3', null, 'Requests'));
      parts.push(el('div', { class: 'table-wrap' }, el('table', { class: 'grid grid-compact' },
        el('tbody', null, requests.items.map(function (r) {
          return requestRow(r, true);
        })))));
    }
    if (calls && calls.items.length) {
      parts.push(el('h3', null, 'Calls'));
      parts.push(el('div', { class: 'table-wrap' }, el('table', { class: 'grid grid-compact' },
        el('tbody', null, calls.items.map(function (c) {
          return callRow(c, true);
        })))));
    }
    body.replaceChildren.apply(body, parts);
  }

  function fact(label, value) {
    return el('div', { class: 'fact' }, el('dt', null, label), el('dd', null, value));
  }

  function kindClass(kind) {
    var k = String(kind || '');
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

  // ---------------------------------------------------------------- filters and the address bar

  function setFilters(change) {
    Object.keys(change).forEach(function (k) {
      app.filters[k] = change[k];
    });
    app.page.pairs = 0;
    app.page.requests = 0;
    app.page.calls = 0;
    syncControls();
    writeUrl();
    refresh();
  }

  function syncControls() {
    var f = app.filters;
    if ($('f-business').value !== f.business) {
      if (f.business && app.businesses.indexOf(f.business) < 0) {
        $('f-business').appendChild(el('option', { value: f.business }, f.business));
        app.businesses.push(f.business);
      }
      $('f-business').value = f.business;
    }
    $('f-state').value = f.state;
    if ($('f-user').value.trim() !== f.user) {
      $('f-user').value = f.user;
    }
    $('f-warning').checked = f.warning;
    $('f-expiring').checked = f.expiring;
    $('f-request-status').value = f.requestStatus;
    $('f-call-outcome').value = f.callOutcome;
  }

  var URL_KEYS = { business: 'business', state: 'state', user: 'user', requestStatus: 'requests', callOutcome: 'calls' };

  function writeUrl() {
    var params = new URLSearchParams();
    Object.keys(URL_KEYS).forEach(function (k) {
      if (app.filters[k]) {
        params.set(URL_KEYS[k], app.filters[k]);
      }
    });
    if (app.filters.warning) {
      params.set('warning', 'true');
    }
    if (app.filters.expiring) {
      params.set('expiring', 'true');
    }
    if (app.selected) {
      params.set('pair', app.selected.business + '/' + app.selected.user);
    }
    var s = params.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    Object.keys(URL_KEYS).forEach(function (k) {
      app.filters[k] = params.get(URL_KEYS[k]) || '';
    });
    app.filters.warning = params.get('warning') === 'true';
    app.filters.expiring = params.get('expiring') === 'true';
    var pair = params.get('pair');
    if (pair && pair.indexOf('/') > 0) {
      var i = pair.indexOf('/');
      return { business: pair.slice(0, i), user: pair.slice(i + 1) };
    }
    return null;
  }

  function wire() {
    $('f-business').addEventListener('change', function (e) {
      setFilters({ business: e.target.value });
    });
    $('f-state').addEventListener('change', function (e) {
      setFilters({ state: e.target.value });
    });
    var typing = null;
    $('f-user').addEventListener('input', function (e) {
      clearTimeout(typing);
      typing = setTimeout(function () {
        setFilters({ user: e.target.value.trim() });
      }, 350);
    });
    $('f-warning').addEventListener('change', function (e) {
      setFilters({ warning: e.target.checked });
    });
    $('f-expiring').addEventListener('change', function (e) {
      setFilters({ expiring: e.target.checked });
    });
    $('f-request-status').addEventListener('change', function (e) {
      setFilters({ requestStatus: e.target.value });
    });
    $('f-call-outcome').addEventListener('change', function (e) {
      setFilters({ callOutcome: e.target.value });
    });
    $('f-clear').addEventListener('click', function () {
      setFilters({ business: '', state: '', user: '', warning: false, expiring: false, requestStatus: '', callOutcome: '' });
    });
    $('detail-close').addEventListener('click', closeDetail);
    $('detail-backdrop').addEventListener('click', closeDetail);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && app.selected) {
        closeDetail();
      }
    });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        refresh();
      }
    });
  }

  function start() {
    wireKeyForm();
    var pair = readUrl();
    syncControls();
    wire();
    if (pair) {
      openDetail(pair.business, pair.user);
    } else {
      refresh();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
