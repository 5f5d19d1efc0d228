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
document.querySelectorAll("nav button").forEach((button) =>
  button.addEventListener("click", () => {
    document.querySelectorAll("nav button, .tab").forEach((n) => n.classList.remove("active"));
    button.classList.add("active");
    $(`#tab-${button.dataset.tab}`).classList.add("active");
  })
);

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
      e.date, actorLabel(e.actor), e.cameo, actorLabel(e.recipient), e.plover ? e.plover.event : "",
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
      kind: e.modality === "asserted" ? "trigger" : "trigger not-asserted", title: `${e.cameo} ${e.modality}` });
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
$("#dyad-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target).entries());
  const params = new URLSearchParams({ by: form.by });
  if (form.since) params.set("since", form.since);
  if (form.until) params.set("until", form.until);
  const a = form.a.toUpperCase(), b = form.b.toUpperCase();
  try {
    const [series, shifts] = await Promise.all([api(`/api/dyads/${a}/${b}?${params}`), api(`/api/shifts/${a}/${b}`)]);
    const traces = [[a, b], [b, a]].map(([s, t]) => {
      const rows = series.filter((r) => r.source === s && r.target === t);
      return { x: rows.map((r) => r.period), y: rows.map((r) => r.goldstein_mean), customdata: rows.map((r) => [s, t]),
               mode: "lines+markers", name: `${s}→${t} mean Goldstein`, type: "scatter" };
    });
    const quads = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"].map((q) => {
      const periods = [...new Set(series.map((r) => r.period))].sort();
      return { x: periods, y: periods.map((p) => series.filter((r) => r.period === p).reduce((n, r) => n + r[q], 0)),
               type: "bar", name: q.replace("_", " "), yaxis: "y2", opacity: 0.35 };
    });
    const layout = { barmode: "stack", margin: { t: 30 }, yaxis: { title: "mean Goldstein" },
      yaxis2: { title: "events", overlaying: "y", side: "right" }, legend: { orientation: "h" },
      shapes: shifts.map((s) => ({ type: "line", x0: s.week, x1: s.week, yref: "paper", y0: 0, y1: 1, line: { color: "#c0392b", dash: "dot" } })),
      annotations: shifts.map((s) => ({ x: s.week, yref: "paper", y: 1, text: `shift ${s.size > 0 ? "+" : ""}${s.size}`, showarrow: false })) };
    await Plotly.newPlot("dyad-chart", [...traces, ...quads], layout, { responsive: true });
    $("#dyad-status").textContent = `${series.length} period rows, ${shifts.length} shift(s). Click a point for its events.`;
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
});

// Network
$("#network-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(event.target).entries()) if (value) params.set(key, value);
  const graph = await api(`/api/network?${params}`);
  const nodes = graph.nodes.map((n) => n.id);
  const position = Object.fromEntries(nodes.map((id, i) => [id, [Math.cos((2 * Math.PI * i) / nodes.length), Math.sin((2 * Math.PI * i) / nodes.length)]]));
  const edges = graph.edges.filter((e) => e.source !== e.target).map((e) => ({
    x: [position[e.source][0], position[e.target][0]], y: [position[e.source][1], position[e.target][1]], mode: "lines", showlegend: false,
    hoverinfo: "text", text: `${e.source}→${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean}`,
    line: { width: 1 + Math.log(1 + e.events), color: e.goldstein_mean >= 0 ? "#2e86de" : "#c0392b" }, type: "scatter" }));
  const nodeTrace = { x: nodes.map((n) => position[n][0]), y: nodes.map((n) => position[n][1]), text: nodes, mode: "markers+text",
    textposition: "top center", marker: { size: 14, color: "#1d2330" }, type: "scatter", name: "countries" };
  await Plotly.newPlot("network-chart", [...edges, nodeTrace], { xaxis: { visible: false }, yaxis: { visible: false }, margin: { t: 20 } });
});
