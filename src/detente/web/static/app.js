// detente dashboard. Every piece of text from an article or the store is inserted with
// textContent or createTextNode, never as HTML, so article content cannot run script.
"use strict";

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

// tabs
function showTab(name) {
  document.querySelectorAll("nav button, .tab").forEach((n) => n.classList.remove("active"));
  $(`nav button[data-tab=${name}]`).classList.add("active");
  $(`#tab-${name}`).classList.add("active");
}
document.querySelectorAll("nav button").forEach((button) => button.addEventListener("click", () => showTab(button.dataset.tab)));

// CAMEO codebook: every code is shown with its name and Goldstein score
let codebook = {};
const codebookReady = api("/api/cameo").then((codes) => { codebook = codes; }).catch(() => {});
const signed = (x) => (x > 0 ? "+" : x < 0 ? "−" : "") + Math.abs(x).toFixed(1).replace(/\.0$/, "");
function cameoLabel(code) {
  const entry = codebook[code];
  return entry ? `${code} ${entry.name} (${signed(entry.goldstein)})` : code;
}

const actorLabel = (actors) => actors.map((a) => `${a.code} (${a.text})`).join(", ");
const badge = (text, kind) => el("span", { class: `badge ${kind || text}` }, text);

// Render text with highlighted spans: spans = [{start, end, kind, title}]
function highlighted(text, spans) {
  const container = el("div");
  const points = new Set([0, text.length]);
  spans.forEach((s) => { points.add(s.start); points.add(s.end); });
  const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const top = covering.find((s) => s.kind.startsWith("trigger")) || covering[0];
    container.append(el("mark", { class: top.kind, title: covering.map((s) => s.title).join(" | ") }, piece));
  }
  return container;
}

function eventRows(table, events, { withDocument = false, onSort = null } = {}) {
  table.replaceChildren();
  const columns = ["date", "actor", "cameo", "recipient", "plover", "modality", "attribution", "trigger", "confidence"];
  if (withDocument) columns.push("document");
  table.append(el("tr", {}, ...columns.map((c) => el("th", { onclick: () => onSort && onSort(c) }, c))));
  for (const e of events) {
    const cells = [
      e.date, actorLabel(e.actor), cameoLabel(e.cameo), actorLabel(e.recipient), e.plover ? e.plover.event : "",
      badge(e.modality), badge(e.attribution.kind + (e.attribution.text ? `: ${e.attribution.text}` : ""), e.attribution.kind),
      e.evidence.trigger, String(e.confidence),
    ];
    if (withDocument) cells.push(el("a", { onclick: () => showDocument(e.doc_id) }, e.title || e.doc_id));
    table.append(el("tr", { class: `event ${e.modality}` }, ...cells.map((c) => el("td", {}, c))));
  }
}

function articleSpans(events, actors) {
  const spans = [];
  for (const e of events) {
    spans.push({ start: e.evidence.trigger_start, end: e.evidence.trigger_end,
      kind: e.modality === "asserted" ? "trigger" : "trigger not-asserted", title: `${cameoLabel(e.cameo)} ${e.modality}` });
  }
  for (const a of actors || []) spans.push({ start: a.start, end: a.end, kind: "actor", title: `${a.code} (${a.via})` });
  return spans;
}

// Code an article
let lastCoded = null;
function renderCoded() {
  if (!lastCoded) return;
  const only = $("#asserted-only").checked;
  const events = lastCoded.events.filter((e) => !only || e.modality === "asserted");
  $("#article").replaceChildren(highlighted(lastCoded.text, articleSpans(events, lastCoded.actors)));
  eventRows($("#code-events"), events);
  $("#code-status").textContent = `${events.length} event(s), ${lastCoded.actors.length} actor mention(s)`;
}
$("#asserted-only").addEventListener("change", renderCoded);
$("#code-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = {};
  const text = $("#code-text").value.trim();
  if (text) body.text = text; else if ($("#code-url").value) body.url = $("#code-url").value;
  if ($("#code-date").value) body.date = $("#code-date").value;
  $("#code-status").textContent = "coding…";
  try {
    lastCoded = await api("/api/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderCoded();
  } catch (error) { $("#code-status").textContent = `error: ${error.message}`; }
});

// Events
let eventQuery = { offset: 0, sort: "-date" };
async function loadEvents() {
  const form = new FormData($("#events-form"));
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) if (value) params.set(key, value);
  params.set("offset", eventQuery.offset); params.set("limit", 50); params.set("sort", eventQuery.sort);
  try {
    const page = await api(`/api/mentions?${params}`);  // one row per report (its sentence); /api/events counts them once
    $("#events-status").textContent = `${page.total} mention(s); showing ${page.offset + 1}–${page.offset + page.items.length}`;
    eventRows($("#events-table"), page.items, { withDocument: true, onSort: (column) => {
      const sortable = { date: "date", cameo: "cameo", confidence: "confidence" }[column];
      if (!sortable) return;
      eventQuery.sort = eventQuery.sort === `-${sortable}` ? sortable : `-${sortable}`;
      loadEvents();
    } });
  } catch (error) { $("#events-status").textContent = `error: ${error.message}`; }
}
$("#events-form").addEventListener("submit", (e) => { e.preventDefault(); eventQuery.offset = 0; loadEvents(); });
$("#events-prev").addEventListener("click", () => { eventQuery.offset = Math.max(0, eventQuery.offset - 50); loadEvents(); });
$("#events-next").addEventListener("click", () => { eventQuery.offset += 50; loadEvents(); });

async function showDocument(id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const box = $("#document");
  box.replaceChildren(el("h3", {}, doc.title || doc.doc_id), el("p", { class: "status" }, `${doc.source || ""} ${doc.date || ""} ${doc.url || ""}`),
    highlighted(doc.text, articleSpans(doc.events, [])));
  box.scrollIntoView();
}

// Relationship
const DIRECTION_COLOURS = ["#0072B2", "#E69F00"];
const QUADS = [["verbal_cooperation", "verbal cooperation", "#a6dba0"], ["material_cooperation", "material cooperation", "#1b7837"],
  ["verbal_conflict", "verbal conflict", "#fdae61"], ["material_conflict", "material conflict", "#c51b1b"]];
const SHIFT_COLOURS = { "towards conflict": "#c51b1b", "towards cooperation": "#1b7837" };

function periodsBetween(first, last, by) {
  const out = [];
  let d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end) {
    out.push(d.toISOString().slice(0, 10));
    if (by === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    else d = new Date(d.getTime() + (by === "week" ? 7 : 1) * 86400000);
  }
  return out;
}

function shiftCard(shift, unit) {
  const card = el("div", { class: `shift ${shift.claimed ? "claimed" : "rejected"}`, style: `border-left-color: ${SHIFT_COLOURS[shift.direction] || "#333"}` });
  const [low, high] = shift.interval;
  card.append(el("h3", { style: `color: ${SHIFT_COLOURS[shift.direction] || "#333"}` },
    `${shift.direction} from ${shift.week}`),
  el("p", {}, `net cooperation per ${unit}: ${signed(shift.before)} → ${signed(shift.after)} (size ${signed(shift.size)}, ` +
    `90% interval ${signed(low)} to ${signed(high)}); the direction holds in ${Math.round(shift.probability * 100)}% of bootstrap replicates over events`),
  el("p", {}, `before (${shift.before_start} – ${shift.week}): ${shift.before_events} event(s) in ${shift.before_documents} document(s); ` +
    `after (to ${shift.after_end}): ${shift.after_events} event(s) in ${shift.after_documents} document(s)`));
  if (shift.events.length) {
    const table = el("table", { class: "events evidence" });
    table.append(el("tr", {}, ...["date", "actor → recipient", "event (CAMEO, Goldstein)", "outlets", "evidence", "document"].map((c) => el("th", {}, c))));
    for (const e of shift.events) {
      const doc = e.doc_id ? el("a", { onclick: () => { showTab("events"); showDocument(e.doc_id); } }, e.title || e.doc_id) : "";
      table.append(el("tr", { class: "event" }, ...[e.date, `${e.actor} → ${e.recipient}`, `${e.cameo} ${e.cameo_name || ""} (${signed(e.goldstein)})`,
        String(e.weight), e.sentence || "", doc].map((c) => el("td", {}, c))));
    }
    card.append(el("h4", {}, "Evidence: the events that carry the shift"), table);
  }
  return card;
}

async function showRelationship(form) {
  const params = new URLSearchParams({ by: form.by });
  if (form.since) params.set("since", form.since);
  if (form.until) params.set("until", form.until);
  const a = form.a.toUpperCase(), b = form.b.toUpperCase();
  const shiftParams = new URLSearchParams({ by: form.shifts_by || "week" });
  if (form.since) shiftParams.set("since", form.since);
  if (form.until) shiftParams.set("until", form.until);
  try {
    await codebookReady;
    const [series, report] = await Promise.all([api(`/api/dyads/${a}/${b}?${params}`), api(`/api/relationships/${a}/${b}?${shiftParams}`)]);
    const box = $("#dyad-shifts");
    box.replaceChildren();
    if (!series.length) {
      Plotly.purge("dyad-chart");
      $("#dyad-chart").replaceChildren(el("p", { class: "empty" }, `${report.a_label} – ${report.b_label}: no events`));
      $("#dyad-status").textContent = "no events between these two in the store";
      return;
    }
    const periods = periodsBetween(series[0].period, series[series.length - 1].period, form.by);
    const traces = [[a, b], [b, a]].map(([s, t], i) => {
      const rows = Object.fromEntries(series.filter((r) => r.source === s && r.target === t).map((r) => [r.period, r]));
      // null for periods without events: Plotly does not draw a line across them
      return { x: periods, y: periods.map((p) => (rows[p] ? rows[p].net_cooperation : null)), customdata: periods.map(() => [s, t]),
               mode: "lines+markers", connectgaps: false, name: `${s} → ${t} net cooperation`, type: "scatter",
               line: { color: DIRECTION_COLOURS[i] }, marker: { color: DIRECTION_COLOURS[i] } };
    });
    const quads = QUADS.map(([q, label, colour]) => ({
      x: periods, y: periods.map((p) => series.filter((r) => r.period === p).reduce((n, r) => n + r[q], 0)),
      type: "bar", name: label, yaxis: "y2", marker: { color: colour }, opacity: 0.45 }));
    const layout = { barmode: "stack", margin: { t: 40 }, yaxis: { title: `net cooperation per ${form.by}` },
      yaxis2: { title: "events", overlaying: "y", side: "right" }, legend: { orientation: "h" },
      title: { text: `${report.a_label} – ${report.b_label}`, font: { size: 15 } },
      shapes: report.shifts.map((s) => ({ type: "line", x0: s.week, x1: s.week, yref: "paper", y0: 0, y1: 1,
        line: { color: SHIFT_COLOURS[s.direction], dash: "dot", width: 2 } })),
      // staggered, so that shifts a few days apart do not print over each other
      annotations: report.shifts.map((s, i) => ({ x: s.week, yref: "paper", y: 1 - 0.07 * i, text: `${s.direction} from ${s.week} (${signed(s.size)})`,
        showarrow: false, font: { color: SHIFT_COLOURS[s.direction] }, xanchor: "left", bgcolor: "rgba(255,255,255,0.8)" })) };
    await Plotly.newPlot("dyad-chart", [...traces, ...quads], layout, { responsive: true });
    const unit = report.by;
    box.append(el("h2", {}, report.shifts.length ? `Shifts (${report.shifts.length}), found by ${unit}` : `No shift with enough evidence (searched by ${unit})`));
    report.shifts.forEach((s) => box.append(shiftCard(s, unit)));
    if (report.rejected.length) {
      const list = el("ul", { class: "rejected" });
      report.rejected.forEach((s) => list.append(el("li", {}, `${s.week} ${s.direction} (${signed(s.before)} → ${signed(s.after)} per ${unit}, ` +
        `${s.before_events} | ${s.after_events} events): ${s.reason}`)));
      box.append(el("h3", {}, "Candidates not claimed"), list);
    }
    $("#dyad-status").textContent = `${series.length} period rows, ${report.shifts.length} shift(s). Click a point for its events.`;
    $("#dyad-chart").on("plotly_click", async (data) => {
      const point = data.points[0];
      const [s, t] = point.customdata || [a, b];
      const start = new Date(point.x);
      const days = { day: 1, week: 7, month: 31 }[form.by];
      const end = new Date(start.getTime() + (days - 1) * 86400000);
      const iso = (d) => d.toISOString().slice(0, 10);
      const page = await api(`/api/mentions?actor=${s}&recipient=${t}&since=${iso(start)}&until=${iso(end)}&modality=asserted&limit=100`);
      $("#dyad-status").textContent = `${page.total} mention(s) ${s}→${t} from ${iso(start)}`;
      eventRows($("#dyad-events"), page.items, { withDocument: false });
    });
  } catch (error) { $("#dyad-status").textContent = `error: ${error.message}`; }
}
$("#dyad-form").addEventListener("submit", (event) => {
  event.preventDefault();
  showRelationship(Object.fromEntries(new FormData(event.target).entries()));
});

// shifts are searched by day where the store covers under half a year (too few weeks to
// compare), by week otherwise; the form lets the analyst choose
let defaultShiftsBy = "week";
function openRelationship(a, b, shiftsBy = defaultShiftsBy) {
  const form = $("#dyad-form");
  form.a.value = a; form.b.value = b; form.shifts_by.value = shiftsBy;
  showTab("relationship");
  showRelationship(Object.fromEntries(new FormData(form).entries()));
}

// Overview (the start page)
function sparkline(weeks) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  const width = 180, height = 36, max = Math.max(1, ...weeks.map((w) => Math.abs(w.net_cooperation)));
  svg.setAttribute("width", width); svg.setAttribute("height", height); svg.setAttribute("class", "sparkline");
  if (!weeks.length) return svg;
  const first = new Date(weeks[0].period), last = new Date(weeks[weeks.length - 1].period);
  const span = Math.max(1, (last - first) / (7 * 86400000));
  const bar = Math.max(1.5, width / (span + 1) - 1);
  const axis = document.createElementNS(NS, "line");
  Object.entries({ x1: 0, x2: width, y1: height / 2, y2: height / 2, stroke: "#c9ccd6" }).forEach(([k, v]) => axis.setAttribute(k, v));
  svg.append(axis);
  for (const w of weeks) {
    const x = ((new Date(w.period) - first) / (7 * 86400000)) * (width - bar) / span;
    const h = (Math.abs(w.net_cooperation) / max) * (height / 2 - 1);
    const rect = document.createElementNS(NS, "rect");
    Object.entries({ x, width: bar, y: w.net_cooperation >= 0 ? height / 2 - h : height / 2, height: Math.max(h, 0.8),
      fill: w.net_cooperation >= 0 ? "#1b7837" : "#c51b1b" }).forEach(([k, v]) => rect.setAttribute(k, v));
    const title = document.createElementNS(NS, "title");
    title.textContent = `week of ${w.period}: ${w.events} event(s), net cooperation ${signed(w.net_cooperation)}`;
    rect.append(title);
    svg.append(rect);
  }
  return svg;
}

async function loadOverview() {
  try {
    const o = await api("/api/overview");
    const share = o.resolved_share === null ? "–" : `${Math.round(o.resolved_share * 100)}%`;
    const [from, to] = [o.first_published || o.first_date, o.last_published || o.last_date];
    if (from && to && (new Date(to) - new Date(from)) / 86400000 < 183) defaultShiftsBy = "day";
    $("#dyad-form").shifts_by.value = defaultShiftsBy;
    const range = o.first_published ? `${o.first_published} – ${o.last_published}` : (o.first_date ? `${o.first_date} – ${o.last_date}` : "–");
    const card = (label, value, note) => el("div", { class: "card" }, el("div", { class: "value" }, String(value)), el("div", { class: "label" }, label), el("div", { class: "note" }, note || ""));
    $("#overview-cards").replaceChildren(
      card("documents", o.documents), card("events", o.events, `from ${o.mentions} reports`),
      card("dates covered", range, o.first_date && o.first_published ? `events dated ${o.first_date} – ${o.last_date}` : ""),
      card("both sides resolved", share, `${o.resolved_events} of ${o.events} events`));
    const table = $("#overview-dyads");
    table.replaceChildren(el("tr", {}, ...["relationship", "events", "net cooperation", "weekly trend", "last event", ""].map((c) => el("th", {}, c))));
    if (!o.dyads.length) table.append(el("tr", {}, el("td", { colspan: 6 }, "no events between two countries yet: ingest some news (detente ingest)")));
    for (const d of o.dyads) {
      table.append(el("tr", { class: "dyad" },
        el("td", {}, el("a", { onclick: () => openRelationship(d.a, d.b) }, `${d.a_label} – ${d.b_label}`), el("span", { class: "codes" }, ` ${d.a}–${d.b}`)),
        el("td", {}, `${d.events}`), el("td", {}, signed(d.net_cooperation)), el("td", {}, sparkline(d.weeks)),
        el("td", {}, d.last_date || ""), el("td", {}, el("a", { class: "open", onclick: () => openRelationship(d.a, d.b) }, "open relationship →"))));
    }
  } catch (error) { $("#overview-cards").replaceChildren(el("p", { class: "status" }, `error: ${error.message}`)); }
}
loadOverview();

// Network
const KIND_COLOURS = { country: "#1d2330", region: "#7b3294", igo: "#0072B2", ngo: "#009E73", other: "#999999" };
const KIND_NAMES = { country: "country", region: "region (CAMEO)", igo: "international organisation", ngo: "NGO", other: "other" };
$("#network-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(event.target).entries()) if (value) params.set(key, value);
  const graph = await api(`/api/network?${params}`);
  const nodes = graph.nodes;
  const position = Object.fromEntries(nodes.map((n, i) => [n.id, [Math.cos((2 * Math.PI * i) / nodes.length), Math.sin((2 * Math.PI * i) / nodes.length)]]));
  const edges = graph.edges.filter((e) => e.source !== e.target);
  const colour = (e) => (e.goldstein_mean >= 0 ? "#1b7837" : "#c51b1b");
  // direction: an arrow from actor to recipient, stopping short of the recipient's marker
  const arrows = edges.map((e) => {
    const [x0, y0] = position[e.source], [x1, y1] = position[e.target];
    return { x: x0 + (x1 - x0) * 0.93, y: y0 + (y1 - y0) * 0.93, ax: x0, ay: y0, xref: "x", yref: "y", axref: "x", ayref: "y",
      showarrow: true, arrowhead: 2, arrowsize: 1.2, arrowwidth: Math.min(6, 1 + Math.log(1 + e.events)), arrowcolor: colour(e), opacity: 0.75, text: "" };
  });
  const hover = { x: edges.map((e) => (position[e.source][0] + position[e.target][0]) / 2), y: edges.map((e) => (position[e.source][1] + position[e.target][1]) / 2),
    text: edges.map((e) => `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${signed(e.goldstein_mean)}`),
    mode: "markers", marker: { size: 6, color: edges.map(colour), opacity: 0.6 }, hoverinfo: "text", type: "scatter", showlegend: false };
  const kinds = [...new Set(nodes.map((n) => n.kind))];
  const nodeTraces = kinds.map((kind) => {
    const members = nodes.filter((n) => n.kind === kind);
    return { x: members.map((n) => position[n.id][0]), y: members.map((n) => position[n.id][1]), text: members.map((n) => n.label || n.id),
      hovertext: members.map((n) => `${n.id}: ${n.label || n.id}`), hoverinfo: "text", mode: "markers+text", textposition: "top center",
      marker: { size: 14, color: KIND_COLOURS[kind] || "#999" }, type: "scatter", name: KIND_NAMES[kind] || kind };
  });
  const legend = [["#1b7837", "cooperative relation (mean Goldstein ≥ 0)"], ["#c51b1b", "conflictual relation (mean Goldstein < 0)"]].map(([c, name]) => ({
    x: [null], y: [null], mode: "lines", line: { color: c, width: 3 }, name, type: "scatter" }));
  const layout = { xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" }, margin: { t: 20 }, annotations: arrows,
    legend: { orientation: "h" }, showlegend: true };
  if (!edges.length) layout.annotations = [{ text: "no relations between two different actors in this period", showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5 }];
  await Plotly.newPlot("network-chart", [hover, ...nodeTraces, ...legend], layout);
});

// deep link: #relationship/COL/ECU/day
const link = location.hash.match(/^#relationship\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)(?:\/(day|week))?$/);
if (link) openRelationship(link[1], link[2], link[3] || defaultShiftsBy);
