(function () {
  'use strict';
  // Every value from the data is set with textContent, never as markup.
  var PAGE_SIZE = 100;
  var byId = function (id) { return document.getElementById(id); };
  var data = JSON.parse(byId('tbr-data').textContent);
  var help = JSON.parse(byId('tbr-help').textContent);
  var strings = JSON.parse(byId('tbr-strings').textContent);
  var rule = byId('f-rule'), severity = byId('f-severity'), status = byId('f-status'), search = byId('f-search');
  var rows = byId('encounter-rows');
  var shown = [], page = 0;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // Repeated text is a number into the string table (a string when the table was full).
  function str(value) { return typeof value === 'number' ? strings[value] : value; }

  function add(parent, child) { parent.appendChild(child); return child; }

  function matches(finding, r, s) { return (!r || finding[0] === r) && (!s || finding[1] === s); }

  function apply() {
    var r = rule.value, s = severity.value, st = status.value, q = search.value.trim().toLowerCase();
    var pass = 0, fail = 0, findings = 0;
    shown = [];
    for (var i = 0; i < data.length; i++) {
      var e = data[i];
      if ((st && e.s !== st) || (q && e.id.toLowerCase().indexOf(q) < 0)) { continue; }
      var n = 0;
      for (var j = 0; j < e.f.length; j++) { if (matches(e.f[j], r, s)) { n++; } }
      if ((r || s) && n === 0) { continue; }
      shown.push(i);
      findings += n;
      if (e.s === 'pass') { pass++; } else { fail++; }
    }

    byId('shown-encounters').textContent = String(shown.length);
    byId('shown-pass').textContent = String(pass);
    byId('shown-fail').textContent = String(fail);
    byId('shown-findings').textContent = String(findings);
    page = 0;
    render();
  }

  function pages() { return Math.max(1, Math.ceil(shown.length / PAGE_SIZE)); }

  function render() {
    while (rows.firstChild) { rows.removeChild(rows.firstChild); }
    var end = Math.min(shown.length, (page + 1) * PAGE_SIZE);
    for (var k = page * PAGE_SIZE; k < end; k++) { rows.appendChild(row(data[shown[k]])); }
    byId('page-text').textContent = 'Page ' + (page + 1) + ' of ' + pages();
    byId('page-prev').disabled = page === 0;
    byId('page-next').disabled = page + 1 >= pages();
  }

  function row(e) {
    var tr = el('tr');
    tr.setAttribute('data-status', e.s);
    add(tr, el('td', 'status-' + e.s, e.s === 'pass' ? 'PASS' : 'FAIL'));
    var button = add(add(tr, el('td', 'mono')), el('button', 'open', e.id));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    add(tr, el('td', 'mono', e.d || ''));
    add(tr, el('td', '', e.m || ''));
    add(tr, el('td', 'num', e.t === undefined ? '' : e.t));
    add(tr, el('td', 'num', e.u === undefined ? '' : e.u));
    var counts = { error: 0, warning: 0, info: 0 }, ids = [];
    e.f.forEach(function (f) { counts[f[1]]++; if (ids.indexOf(f[0]) < 0) { ids.push(f[0]); } });
    add(tr, el('td', 'num sev-error', counts.error));
    add(tr, el('td', 'num sev-warning', counts.warning));
    add(tr, el('td', 'num sev-info', counts.info));
    add(tr, el('td', 'mono', ids.join(' ')));
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') === 'true';
      button.setAttribute('aria-expanded', open ? 'false' : 'true');
      if (open) { rows.removeChild(tr.nextSibling); return; }
      var detailRow = el('tr', 'detail');
      var td = add(detailRow, el('td'));
      td.colSpan = 10;
      detail(td, e);
      rows.insertBefore(detailRow, tr.nextSibling);
    });
    return tr;
  }

  function detail(td, e) {
    if (!e.l) {
      add(td, el('p', 'status-fail', 'Not checked: fix the input errors below.'));
    } else if (e.l.length > 0) {
      add(td, el('h3', '', 'Lines'));
      var table = add(td, el('table', 'lines'));
      var head = add(add(table, el('thead')), el('tr'));
      ['Code', 'Minutes', 'Units', 'Modifiers'].forEach(function (h, i) { add(head, el('th', i === 1 || i === 2 ? 'num' : '', h)); });
      var tbody = add(table, el('tbody'));
      e.l.forEach(function (line) {
        var tr = add(tbody, el('tr'));
        add(tr, el('td', 'mono', line[0]));
        add(tr, el('td', 'num', line[1]));
        add(tr, el('td', 'num', line[2]));
        add(tr, el('td', 'mono', line[3]));
      });
    }

    if (e.x && e.x.length > 0) {
      add(td, el('h3', '', 'Units explained'));
      var steps = add(td, el('ul', 'explanation'));
      e.x.forEach(function (text) { add(steps, el('li', '', str(text))); });
    }

    add(td, el('h3', '', 'Findings'));
    if (e.f.length === 0) { add(td, el('p', 'muted', 'None.')); }
    var list = add(td, el('ul', 'findings'));
    e.f.forEach(function (f) {
      var li = add(list, el('li', 'sev-' + f[1]));
      li.setAttribute('data-id', f[0]);
      add(li, el('strong', '', f[1] + ' '));
      add(li, el('code', '', f[0]));
      add(li, el('span', '', ' at '));
      add(li, el('code', '', f[2] === '' ? '(encounter)' : f[2]));
      add(li, el('span', '', ': ' + str(f[3])));
      if (f[4].length > 0) {
        var fixes = add(li, el('ul', 'fixes'));
        f[4].forEach(function (fix) { add(fixes, el('li', 'fix', str(fix))); });
      }

      var h = help[f[0]];
      if (h) {
        var p = add(li, el('div', 'help muted', 'Help: '));
        if (/^https?:\/\//i.test(h[1])) {
          var a = add(p, el('a', '', h[1]));
          a.href = h[1];
          a.rel = 'noopener noreferrer';
        } else {
          add(p, el('code', '', h[1]));
        }

        add(p, el('span', '', ' (' + h[0] + ')'));
      }
    });

    if (e.z && e.z.length > 0) {
      add(td, el('h3', '', 'Suppressed'));
      var suppressed = add(td, el('ul', 'suppressed'));
      e.z.forEach(function (z) { add(suppressed, el('li', 'muted', z[1] + ' ' + z[0] + ' at ' + (z[2] === '' ? '(encounter)' : z[2]) + ': ' + str(z[3]))); });
    }
  }

  [rule, severity, status].forEach(function (select) { select.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  byId('page-prev').addEventListener('click', function () { if (page > 0) { page--; render(); } });
  byId('page-next').addEventListener('click', function () { if (page + 1 < pages()) { page++; render(); } });
  Array.prototype.forEach.call(document.querySelectorAll('svg g.rule'), function (g) {
    g.addEventListener('click', function () {
      rule.value = g.getAttribute('data-rule');
      apply();
      byId('encounters').scrollIntoView();
    });
  });
  byId('filters').hidden = false;
  apply();
}());
