// The live dashboard. It handles one stream of events (status, hello, tick, mark, end), whether
// they come from the server as they happen or from a timeline.json being replayed, so a replay
// looks exactly like the run did. Charts are uPlot's (from its WebJar).
"use strict";

// Okabe-Ito colours and a line style per stage: told apart without colour, too.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
const DASHES = [[], [14, 6], [4, 4], [14, 4, 4, 4], [2, 6], [20, 8]];
const CSS_DASHES = ["solid", "dashed", "dotted", "dashed", "dotted", "dashed"];
// A replay of any length plays in about this long; ?replaySeconds=2 for a quicker look (the browser test uses it).
const REPLAY_SECONDS = Number(new URLSearchParams(location.search).get("replaySeconds")) || 10;

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

let run = emptyRun();
let source = null;   // the live EventSource, null when replaying or ended
let replaying = false;

function emptyRun() {
  return { events: [], stages: [], t: [], figures: {}, marks: [], coldStarts: [], charts: {}, ended: false, cached: new Set() };
}

// ---- events -----------------------------------------------------------------------------

function handle(event) {
  run.events.push(event);
  switch (event.type) {
    case "status": $("#status").textContent = event.text; break;
    case "hello": hello(event); break;
    case "tick": tick(event); break;
    case "mark": run.marks.push(event); redraw(); break;
    case "end": end(event); break;
  }
}

function hello(event) {
  const events = run.events;
  destroyCharts();
  run = emptyRun();
  run.events = events;
  run.stages = event.stages;
  $("#title").textContent = event.title + (replaying ? " (replay)" : "");
  document.title = event.title + " · live";
  $("#status").textContent = event.settings;
  $("#window").textContent = event.windowSeconds;
  // The local cloud's own dashboard has no load generator: no Load buttons (a timeline from before this field has one).
  $('#controls [aria-label="Load"]').hidden = event.load === false;
  for (const stage of event.stages) {
    run.figures[stage.name] = { p50: [], p99: [], rps: [], eps: [], hit: [], ddb: [] };
  }
  layOutStages(event.stages);
  buildCharts();
}

function tick(event) {
  run.t.push(event.t);
  for (const sample of event.stages) {
    const f = run.figures[sample.stage];
    if (!f) continue;
    f.p50.push(sample.p50Ms);
    f.p99.push(sample.p99Ms);
    f.rps.push(sample.requestsPerSecond);
    f.eps.push(sample.errorsPerSecond);
    f.hit.push(hitRatioPoint(f, sample, event.load));
    f.ddb.push(sample.dynamoDbReadsPerSecond);
    for (const c of sample.coldStarts) run.coldStarts.push({ t: event.t, stage: sample.stage, ...c });
    showFigures(sample, f.hit[f.hit.length - 1] === null);
  }
  showLoad(replaying ? "replay" : event.load, event.concurrency, event.t);
  redraw();
}

// A second without cache reads is bridged (undefined: uPlot draws across it) when the load runs and
// the quiet is short; paused, waiting, or quiet for longer, the ratio is unknown (null: a gap), so
// no straight line across a talk looks like a slow change of the ratio.
const QUIET_SECONDS_BRIDGED = 10;
function hitRatioPoint(f, sample, load) {
  if (sample.hitRatio != null) {
    f.quietSeconds = 0;
    return sample.hitRatio * 100;
  }
  f.quietSeconds = (f.quietSeconds || 0) + 1;
  return load === "paused" || load === "waiting" || f.quietSeconds > QUIET_SECONDS_BRIDGED ? null : undefined;
}

function end(event) {
  run.ended = true;
  $("#status").textContent = event.text;
  if (!replaying) showLoad("stopped", null, run.t[run.t.length - 1]);
  if (source) { source.close(); source = null; }
  enableControls(false);
}

// ---- the stage cards ----------------------------------------------------------------------

function layOutStages(stages) {
  const section = $("#stages");
  section.replaceChildren();
  const target = $("#target");
  target.replaceChildren(new Option("every stage", "all"));
  stages.forEach((stage, i) => {
    const card = document.createElement("article");
    card.className = "stage";
    card.dataset.stage = stage.name;
    card.style.setProperty("--colour", COLOURS[i % COLOURS.length]);
    card.style.setProperty("--dash", CSS_DASHES[i % CSS_DASHES.length]);
    card.innerHTML = `
      <h2><span class="swatch"></span><span class="name"></span></h2>
      <p class="caches"></p>
      <div class="figures">
        ${figure("p50", "p50 ms")}${figure("p99", "p99 ms")}${figure("rps", "requests/s")}
        ${figure("errors", "errors")}${figure("hitRatio", "cache hit ratio")}${figure("dynamoDb", "DynamoDB reads/s")}
      </div>
      <div class="inforce" data-field="inForce"></div>
      <div class="coldstarts" data-field="coldStarts">no cold start yet</div>`;
    $(".name", card).textContent = stage.name;
    $(".caches", card).textContent = stage.caches;
    card.title = stage.description;
    section.append(card);
    target.append(new Option(stage.name, stage.name));
  });
}

function figure(field, name) {
  return `<div class="figure" data-field="${field}"><div class="value">&ndash;</div><div class="name">${name}</div></div>`;
}

function showFigures(sample, hitRatioUnknown) {
  const card = $(`.stage[data-stage="${CSS.escape(sample.stage)}"]`);
  if (!card) return;
  const set = (field, text, alarm = false) => {
    const element = $(`[data-field="${field}"]`, card);
    $(".value", element).textContent = text;
    element.dataset.alarm = alarm;
  };
  set("p50", ms(sample.p50Ms));
  set("p99", ms(sample.p99Ms));
  set("rps", Math.round(sample.requestsPerSecond).toString());
  set("errors", sample.errors.toString(), sample.errors > 0);
  // A second without cache reads (all requests waiting, say) keeps the last ratio: "no cache reads" is for a stage without a cache.
  if (sample.hitRatio != null) {
    run.cached.add(sample.stage);
    set("hitRatio", Math.round(sample.hitRatio * 100) + " %", sample.cacheErrors > 0);
  } else if (!run.cached.has(sample.stage)) {
    set("hitRatio", "no cache reads");
  }
  $('[data-field="hitRatio"]', card).dataset.none = !run.cached.has(sample.stage);
  // Paused, waiting or long quiet (a gap on the chart): the ratio kept is the last one measured, and the card says so.
  $('[data-field="hitRatio"]', card).dataset.last = run.cached.has(sample.stage) && hitRatioUnknown;
  $('[data-field="hitRatio"]', card).dataset.misses = sample.cacheMisses;
  set("dynamoDb", Math.round(sample.dynamoDbReadsPerSecond).toString());
  const inForce = $('[data-field="inForce"]', card);
  inForce.replaceChildren(...sample.inForce.map(words => Object.assign(document.createElement("span"), { textContent: words })));
  const cold = run.coldStarts.filter(c => c.stage === sample.stage);
  if (cold.length) {
    const last = cold.slice(-3).map(c => `${c.function}#${c.environment} ${c.failed ? "failed after " : ""}${seconds(c.initDurationMs)}`);
    $('[data-field="coldStarts"]', card).textContent = `${cold.length} cold start${cold.length > 1 ? "s" : ""}, Init Duration: ${last.join(", ")}`;
  }
}

function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

// A failed Init (an error, or past its limit) is an environment that never served: said so, and drawn hollow.
function coldStartLabel(c) {
  return `Init ${c.failed ? "failed after " : ""}${seconds(c.initDurationMs)}`;
}

function ms(value) {
  return value == null ? "–" : value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

function showLoad(state, concurrency, t) {
  const load = $("#load");
  load.dataset.state = state;
  load.textContent = state + (t == null ? "" : ` · ${Math.round(t)} s`);
  if (concurrency != null) $("#concurrency").textContent = concurrency;
}

// ---- charts -----------------------------------------------------------------------------

const CHARTS = {
  latency: { unit: "ms", log: true, series: (name, f, i) => [
      line(`${name} p50`, f.p50, i, 4, DASHES[i % DASHES.length]),
      line(`${name} p99`, f.p99, i, 2, [8, 5])] },
  throughput: { unit: "req/s", series: (name, f, i) => [
      line(`${name}`, f.rps, i, 4, DASHES[i % DASHES.length]),
      line(`${name} errors`, f.eps, i, 2, [2, 4])] },
  hitRatio: { unit: "%", range: [0, 100], series: (name, f, i) => [line(name, f.hit, i, 4, DASHES[i % DASHES.length])] },
  dynamoDb: { unit: "reads/s", series: (name, f, i) => [line(name, f.ddb, i, 4, DASHES[i % DASHES.length])] },
};

function line(label, values, i, width, dash) {
  return { label, values, stroke: COLOURS[i % COLOURS.length], width, dash };
}

function buildCharts() {
  for (const [key, spec] of Object.entries(CHARTS)) {
    const element = $(`[data-chart="${key}"]`);
    element.replaceChildren();
    const lines = run.stages.flatMap((stage, i) => spec.series(stage.name, run.figures[stage.name], i));
    const font = `${Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8)}px system-ui, sans-serif`;
    const axis = { font, stroke: "#111", grid: { stroke: "#ddd" }, ticks: { stroke: "#bbb" } };
    const options = {
      ...size(element),
      scales: { x: { time: false }, y: spec.log ? { distr: 3, log: 10 } : { range: spec.range ? () => spec.range : (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{ ...axis, values: (u, values) => values.map(v => v + " s") },
             { ...axis, size: 85, values: (u, values) => values.map(v => (v == null ? "" : +v.toFixed(2)) + "") }],
      series: [{ label: "t" }, ...lines.map(l => ({ label: l.label, stroke: l.stroke, width: l.width, dash: l.dash,
                                                     points: { show: false }, value: (u, v) => v == null ? "–" : (+v.toFixed(1)) + " " + spec.unit }))],
      legend: { live: false },
      cursor: { show: false },
      hooks: { draw: [u => drawMarks(u, key === "latency")] },
    };
    run.charts[key] = { plot: new uPlot(options, data(lines), element), lines, element };
  }
}

function data(lines) {
  return [run.t, ...lines.map(l => l.values)];
}

function size(element) {
  return { width: Math.max(200, element.clientWidth), height: Math.max(80, element.clientHeight) };
}

function redraw() {
  for (const chart of Object.values(run.charts)) {
    chart.plot.setData(data(chart.lines));
    chart.element.dataset.points = run.t.length;
    chart.element.dataset.marks = run.marks.length;
  }
}

function destroyCharts() {
  Object.values(run.charts).forEach(chart => chart.plot.destroy());
}

// The instructor's clicks as labelled vertical lines; cold starts as triangles with their Init Duration.
function drawMarks(u, withColdStarts) {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  const { top, height } = u.bbox;
  // The plot's edges where the x scale puts them: the same positions as the lines below.
  const left = u.valToPos(u.scales.x.min, "x", true), width = u.valToPos(u.scales.x.max, "x", true) - left;
  ctx.save();
  ctx.font = `bold ${Math.round(13 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = "top";
  ctx.textAlign = "left";  // uPlot leaves it as its last axis set it
  const rows = [];  // per row of labels, the [from, to] each label takes: a label goes in the first row it fits in
  run.marks.forEach(mark => {
    const x = u.valToPos(mark.t, "x", true);
    if (x < left || x > left + width) return;
    ctx.strokeStyle = "#111";
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
    const text = (mark.stage === "all" ? "" : mark.stage + ": ") + mark.label;
    const textWidth = ctx.measureText(text).width;
    // Right of the line, moved left as far as it must to stay inside the chart.
    const textX = Math.max(left + 3 * ratio, Math.min(x + 6 * ratio, left + width - textWidth - 3 * ratio));
    const from = textX - 8 * ratio, to = textX + textWidth + 8 * ratio;
    let row = rows.findIndex(taken => taken.every(([a, b]) => to < a || from > b));
    if (row < 0) row = rows.push([]) - 1;
    rows[row].push([from, to]);
    const y = top + 4 * ratio + row * 16 * ratio;
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fillRect(textX - 3 * ratio, y, textWidth + 6 * ratio, 15 * ratio);
    ctx.fillStyle = "#111";
    ctx.fillText(text, textX, y);
  });
  if (withColdStarts) {
    ctx.setLineDash([]);
    let labelledUpTo = -Infinity;
    run.coldStarts.forEach(c => {
      const x = u.valToPos(c.t, "x", true);
      const i = run.stages.findIndex(s => s.name === c.stage);
      const y = top + height - 6 * ratio;
      ctx.fillStyle = ctx.strokeStyle = COLOURS[i % COLOURS.length];
      ctx.lineWidth = 2 * ratio;
      ctx.beginPath(); ctx.moveTo(x, y - 12 * ratio); ctx.lineTo(x - 7 * ratio, y); ctx.lineTo(x + 7 * ratio, y); ctx.closePath();
      if (c.failed) ctx.stroke(); else ctx.fill();
      const text = coldStartLabel(c);
      const textWidth = ctx.measureText(text).width;
      // Right of the triangle, or left of it where the chart ends first (the newest are at the right edge).
      const textX = x + 8 * ratio + textWidth <= left + width ? x + 8 * ratio : x - 8 * ratio - textWidth;
      if (textX > labelledUpTo) {  // a label only where it does not cover the previous one
        ctx.fillStyle = "#111";
        ctx.fillText(text, textX, y - 14 * ratio);
        labelledUpTo = textX + textWidth + 4 * ratio;
      }
    });
  }
  ctx.restore();
}

window.addEventListener("resize", () => {
  for (const chart of Object.values(run.charts)) chart.plot.setSize(size(chart.element));
});

// ---- controls -----------------------------------------------------------------------------

async function control(action, value) {
  const stage = $("#target").value;
  const query = new URLSearchParams({ stage });
  if (value != null) query.set("value", value);
  const path = `api/controls/${action}?${query}`;
  const said = $("#said");
  try {
    const answer = await fetch(path, { method: "POST" });
    const body = await answer.json();
    said.dataset.error = !answer.ok;
    said.textContent = answer.ok
      ? `${body.label}${body.stage === "all" ? "" : " on " + body.stage}. From a terminal: curl -X POST '${new URL(path, location.href)}'`
      : `Not done: ${body.error}`;
  } catch (e) {
    said.dataset.error = true;
    said.textContent = `The dashboard did not answer (${e.message}); is the run still going?`;
  }
}

function enableControls(enabled) {
  $$("#controls button[data-action], #controls button[data-concurrency], #target").forEach(b => b.disabled = !enabled);
}

for (const button of $$("button[data-action]")) {
  button.addEventListener("click", () => control(button.dataset.action));
}
for (const button of $$("button[data-concurrency]")) {
  button.addEventListener("click", () => {
    const now = parseInt($("#concurrency").textContent, 10) || 1;
    control("concurrency", Math.max(1, now + parseInt(button.dataset.concurrency, 10)));
  });
}

// ---- export and replay ------------------------------------------------------------------

$("#export").addEventListener("click", () => {
  const blob = new Blob([JSON.stringify(run.events, null, 1)], { type: "application/json" });
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: "timeline.json" });
  link.click();
  URL.revokeObjectURL(link.href);
});

$("#replay").addEventListener("click", () => $("#replay-file").click());
$("#replay-file").addEventListener("change", async e => {
  const file = e.target.files[0];
  if (file) replay(JSON.parse(await file.text()));
});

// Plays a recorded run back through the same handler, faster than it happened.
async function replay(events) {
  if (source) { source.close(); source = null; }
  replaying = true;
  enableControls(false);
  run = emptyRun();
  const pause = REPLAY_SECONDS * 1000 / Math.max(1, events.filter(event => event.type === "tick").length);
  for (const event of events) {
    handle(event);
    if (event.type === "tick") await new Promise(resolve => setTimeout(resolve, pause));
  }
  showLoad("replay", null, run.t[run.t.length - 1]);
  document.body.dataset.replayed = "true";
}
window.dashboardReplay = replay;

// ---- live -------------------------------------------------------------------------------

function listen() {
  source = new EventSource("api/events");  // relative, as every address here: the page works under any prefix
  source.onmessage = message => handle(JSON.parse(message.data));
  source.onerror = () => {
    if (run.ended) { source.close(); source = null; return; }
    $("#status").textContent = "Lost the run's server; trying again…";
    run.events = [];  // it sends the whole run again on reconnecting
  };
}

listen();
