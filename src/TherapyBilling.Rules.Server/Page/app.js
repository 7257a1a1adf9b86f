// The page: builds an encounter (input contract v1) from the form, posts it to /v1/check as the user types, and
// shows units, explanation, findings, help links and the fixes the service proves. The API key, when the server
// needs one, is kept in sessionStorage (this tab only) and never written anywhere else.
(() => {
  "use strict";
  const keyName = "therapy-rules-api-key";
  const $ = (selector, root = document) => root.querySelector(selector);
  let timer = 0;
  let lastRequest = 0;

  function addRow(listId, templateId, values = {}) {
    const row = $("#" + templateId).content.firstElementChild.cloneNode(true);
    for (const [name, value] of Object.entries(values)) { $("." + name, row).value = value; }
    $(".remove", row).addEventListener("click", () => { row.remove(); schedule(); focusLast(listId); });
    $("#" + listId).appendChild(row);
    return row;
  }

  function focusLast(listId) {
    const inputs = document.querySelectorAll("#" + listId + " input.code");
    (inputs[inputs.length - 1] || $("#add-" + (listId === "segments" ? "segment" : "line"))).focus();
  }

  function encounter() {
    const body = { id: "page", dateOfService: $("#date").value, method: $("#method").value, segments: [], lines: [] };
    if ($("#discipline").value) { body.discipline = $("#discipline").value; }
    for (const row of document.querySelectorAll("#segments > li")) {
      const code = $(".code", row).value.trim().toUpperCase();
      if (!code) { continue; }
      const segment = { code };
      const minutes = $(".minutes", row).value, start = $(".start", row).value, end = $(".end", row).value;
      if (minutes !== "") { segment.minutes = Number(minutes); } else { if (start) { segment.start = start; } if (end) { segment.end = end; } }
      body.segments.push(segment);
    }
    for (const row of document.querySelectorAll("#lines > li")) {
      const code = $(".code", row).value.trim().toUpperCase();
      if (!code) { continue; }
      const units = $(".units", row).value;
      body.lines.push({ code, units: units === "" ? 0 : Number(units), modifiers: $(".modifiers", row).value.split(/[\s,]+/).filter(Boolean).map(m => m.toUpperCase()) });
    }
    return body;
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(check, 250); }

  async function check() {
    const body = encounter();
    if (body.segments.length === 0) { show(null); $("#status").textContent = "Add a segment to start."; return; }
    const request = ++lastRequest;
    const headers = { "Content-Type": "application/json" };
    const key = sessionStorage.getItem(keyName);
    if (key) { headers["X-Api-Key"] = key; }
    $("#status").textContent = "Checking…";
    let response;
    try {
      response = await fetch("/v1/check", { method: "POST", headers, body: JSON.stringify(body) });
    } catch {
      $("#status").textContent = "The service cannot be reached.";
      return;
    }
    if (request !== lastRequest) { return; }
    if (response.status === 503) {
      // The server is still loading its reference data: say so and try again shortly.
      $("#status").textContent = "The service is starting; checking again in a moment…";
      setTimeout(schedule, 1000);
      return;
    }
    if (response.status === 401) {
      sessionStorage.removeItem(keyName);
      $("#key-section").hidden = false;
      $("#status").textContent = "This server needs an API key: enter it above.";
      $("#api-key").focus();
      return;
    }
    const json = await response.json();
    if (!response.ok) { show(null); $("#status").textContent = (json.title || "Error") + ": " + (json.detail || ""); return; }
    show(json.reports[0]);
  }

  function show(report) {
    const findings = $("#findings");
    findings.replaceChildren();
    $("#units-block").hidden = !report || !report.checked;
    if (!report) { return; }
    if (report.checked) {
      $("#total-units").textContent = report.totalUnits;
      $("#timed-minutes").textContent = report.timedMinutes;
      const tbody = $("#unit-lines tbody");
      tbody.replaceChildren(...report.lines.map(l => tr([l.code, l.minutes, l.units])));
      $("#explanation").replaceChildren(...report.explanation.map(text => li(text)));
    }
    for (const d of report.diagnostics) {
      const item = li("");
      item.className = d.severity;
      item.dataset.id = d.id;
      item.dataset.path = d.path;
      const head = document.createElement("div");
      const severity = document.createElement("span");
      severity.className = "severity";
      severity.textContent = d.severity;
      const link = document.createElement("a");
      link.href = d.help;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = d.id;
      link.setAttribute("aria-label", "Help for " + d.id + " (opens in a new tab)");
      head.append(severity, " ", link, " " + d.title + (d.path ? " (" + d.path + ")" : ""));
      const message = document.createElement("p");
      message.textContent = d.message;
      item.append(head, message);
      for (const fix of report.fixes.filter(f => f.diagnosticId === d.id && f.path === d.path)) { item.append(fixControl(fix)); }
      findings.append(item);
    }
    const count = report.diagnostics.length;
    $("#status").textContent = report.checked
      ? `${report.totalUnits} unit(s); ${count === 0 ? "no findings" : count + " finding(s)"}.`
      : "The visit could not be checked: see the findings.";
  }

  function fixControl(fix) {
    const wrap = document.createElement("div");
    wrap.className = "fix";
    if (fix.action === "documentTimes") { wrap.textContent = "Fix: " + fix.reason; return wrap; }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "apply-fix";
    button.textContent = fix.action === "setUnits" ? `Bill ${fix.units} unit(s) of ${fix.code}`
      : fix.action === "addModifier" ? `Add ${fix.modifier} to ${fix.code}` : `Remove ${fix.modifier} from ${fix.code}`;
    button.title = fix.reason;
    button.addEventListener("click", () => apply(fix));
    wrap.append(button);
    return wrap;
  }

  function apply(fix) {
    const rows = [...document.querySelectorAll("#lines > li")].filter(r => $(".code", r).value.trim() !== "");
    const row = rows[fix.line];
    if (!row) { return; }
    if (fix.action === "setUnits") { $(".units", row).value = fix.units; }
    const modifiers = $(".modifiers", row);
    const list = modifiers.value.split(/[\s,]+/).filter(Boolean).map(m => m.toUpperCase());
    if (fix.action === "addModifier" && !list.includes(fix.modifier)) { list.push(fix.modifier); }
    if (fix.action === "removeModifier") { list.splice(list.indexOf(fix.modifier), 1); }
    modifiers.value = list.join(" ");
    $("#results").focus();
    check();
  }

  function li(text) { const e = document.createElement("li"); e.textContent = text; return e; }
  function tr(cells) { const row = document.createElement("tr"); for (const c of cells) { const td = document.createElement("td"); td.textContent = c; row.append(td); } return row; }

  document.addEventListener("DOMContentLoaded", () => {
    const today = new Date();
    $("#date").value = today.toISOString().slice(0, 10);
    addRow("segments", "segment-row");
    addRow("lines", "line-row");
    $("#add-segment").addEventListener("click", () => { addRow("segments", "segment-row"); focusLast("segments"); });
    $("#add-line").addEventListener("click", () => { addRow("lines", "line-row"); focusLast("lines"); });
    $("#visit").addEventListener("input", schedule);
    $("#visit").addEventListener("change", schedule);
    $("#visit").addEventListener("submit", e => e.preventDefault());
    $("#key-form").addEventListener("submit", e => {
      e.preventDefault();
      sessionStorage.setItem(keyName, $("#api-key").value);
      $("#api-key").value = "";
      $("#key-section").hidden = true;
      check();
    });
  });
})();
