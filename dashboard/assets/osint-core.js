/* The OSINT map's namespace and what every layer shares: DOM helpers, the vocabulary, dates, popups.
 * Loaded first by the map iframe from the app's own server (never a CDN); the other osint-*.js files add
 * their layers to window.OSINT.
 * Every string that came from an article is put into the page with textContent, never innerHTML,
 * so a quote holding <script>, HTML or ${...} is shown as text and never runs.
 * Names of event types, statuses, kinds and precisions, their labels and colours come from the vocabulary
 * the dataset carries (geodata/data/vocabulary.toml via geodata.vocabulary): none is spelled out here. */
(function () {
  "use strict";

  var O = window.OSINT = window.OSINT || {};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeClass(value) {
    return String(value || "").replace(/[^a-z0-9_-]/gi, "");
  }

  function row(parent, label, value) {
    if (value === undefined || value === null || value === "") return;
    var line = el("div", "osint-row");
    line.appendChild(el("span", "osint-label", label + ": "));
    line.appendChild(el("span", "osint-value", value));
    parent.appendChild(line);
  }

  // ---- the vocabulary (VOCABULARY.as_dict(): types, kinds, base_statuses, precisions) ----
  var UNKNOWN_COLOR = "#aaaaaa";  // an event type the vocabulary does not know: grey, with its raw name
  var EMPTY = { types: [], kinds: [], base_statuses: [], precisions: [] };

  function find(list, name) {
    for (var k = 0; k < (list || []).length; k++) if (list[k].name === name) return list[k];
    return null;
  }

  function vocab(v) { return v || EMPTY; }

  function eventType(v, name) {
    var t = find(vocab(v).types, name);
    return t || { name: name, label: String(name), color: UNKNOWN_COLOR, movement: false, unknown: true };
  }

  function precision(v, name) {
    return find(vocab(v).precisions, name) || { name: name, label: name ? String(name) : "undated article", exact: false };
  }

  function initialStatus(v) {
    var list = vocab(v).base_statuses;
    for (var k = 0; k < list.length; k++) if (list[k].initial) return list[k];
    return { name: "", label: "", fill: "#ffffff", stroke: "#555555", initial: true };
  }

  function baseStatus(v, name) {
    return find(vocab(v).base_statuses, name) || L.extend({}, initialStatus(v), { name: name, label: String(name) });
  }

  function kind(v, name) {
    return find(vocab(v).kinds, name) || { name: name, label: String(name || ""), symbol: "■" };
  }

  // The map's vocabulary: the first dataset that brings one (the events' draw table or the bases layer) sets
  // it; the legend (and anything else that asked with onVocabulary) is drawn from it then. `extraTypes`: type
  // names in the dataset the vocabulary does not know (listed grey in the legend).
  function useVocabulary(map, v, extraTypes) {
    if (!v) return;
    var known = map._osintVocab, extra = known ? known.extra.slice() : [];
    (extraTypes || []).forEach(function (t) { if (!find(v.types, t) && extra.indexOf(t) < 0) extra.push(t); });
    var key = JSON.stringify([v, extra]);
    if (known && known.key === key) return;
    map._osintVocab = { v: v, extra: extra, key: key };
    (map._osintVocabListeners || []).forEach(function (fn) { fn(map._osintVocab); });
  }

  function onVocabulary(map, fn) {
    (map._osintVocabListeners = map._osintVocabListeners || []).push(fn);
    if (map._osintVocab) fn(map._osintVocab);
  }

  // ---- dates ----
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function isoDay(text) {  // "2024-12-09" -> days since 1970-01-01, or null (the app's slider gives ISO dates)
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null;
  }

  function dayLabel(day) {  // the caption's format, as the app writes it: "09 Dec 2024"
    var d = new Date(day * 86400000);
    return String(d.getUTCDate()).padStart(2, "0") + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function dateText(v, p) {
    if (!p.date) return "undated";
    var span = p.date_end && p.date_end !== p.date ? p.date + " – " + p.date_end : p.date;
    return span + " (" + precision(v, p.date_precision).label + ")";
  }

  // ---- popups ----
  var MAX_LIST = 8;  // events listed in one popup (a route or a place), then "and N more"

  // The quote as text, with the places and dates the machine read marked (DOM nodes, never HTML).
  function quoteWithMarks(quote, marks) {
    var q = el("blockquote", "osint-quote"), text = String(quote || ""), at = 0;
    (marks || []).forEach(function (m) {
      var a = m[0], b = m[1];
      if (a < at || b > text.length || a >= b) return;
      if (a > at) q.appendChild(document.createTextNode(text.slice(at, a)));
      q.appendChild(el("mark", "osint-mark-" + (m[2] === "date" ? "date" : "place"), text.slice(a, b)));
      at = b;
    });
    if (at < text.length) q.appendChild(document.createTextNode(text.slice(at)));
    return q;
  }

  function eventPopup(v, p) {
    var box = el("div", "osint-popup"), t = eventType(v, p.type);
    var title = el("div", "osint-title osint-title-typed", t.label + " · " + p.status);
    title.style.background = t.color; title.style.borderColor = t.color;
    box.appendChild(title);
    row(box, "Date", dateText(v, p));
    if (p.date_text) row(box, "Date in text", "“" + p.date_text + "”");
    if (p.origin || p.destination) row(box, "Movement", (p.origin || "?") + " → " + (p.destination || "?"));
    row(box, "Place", p.place);
    if (p.actors && p.actors.length) row(box, "Actors", p.actors.join(", "));
    box.appendChild(quoteWithMarks(p.quote, p.marks));
    var srcs = p.sources || [];
    srcs.forEach(function (s) {
      row(box, "Source", s.source + " — " + s.title + " (" + (s.published || "undated") + ")");
    });
    if (srcs.length > 1) box.appendChild(el("div", "osint-corroborated", "Reported by " + srcs.length + " sources"));
    row(box, "Confidence", Math.round((p.confidence || 0) * 100) + "%");
    return box;
  }

  function basePopup(v, p) {
    var box = el("div", "osint-popup");
    box.appendChild(el("div", "osint-title", p.name));
    row(box, "Kind", kind(v, p.kind).label);
    row(box, "Status", baseStatus(v, p.status).label + (p.as_of ? " on " + p.as_of : ""));
    row(box, "Events", p.n_events);
    return box;
  }

  function listPopup(v, details, items, heading) {
    var box = el("div", "osint-popup osint-list");
    box.appendChild(el("div", "osint-title", heading));
    items.slice(0, MAX_LIST).forEach(function (i, n) {
      if (n) box.appendChild(el("hr", "osint-sep"));
      box.appendChild(eventPopup(v, details[i]));
    });
    if (items.length > MAX_LIST) box.appendChild(el("div", "osint-more", "… and " + (items.length - MAX_LIST) + " more: zoom in, narrow the dates or use the table"));
    return box;
  }

  // A canvas laid over the map's view, sized in device pixels and cleared; returns its 2D context (the events
  // canvas and the labels' canvases share it).
  function fitCanvas(map, canvas) {
    var size = map.getSize(), dpr = window.devicePixelRatio || 1;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    canvas.width = size.x * dpr; canvas.height = size.y * dpr;
    canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
    canvas.style.visibility = "";
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    return ctx;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  O._ = {
    el: el, safeClass: safeClass, row: row, plural: plural, fitCanvas: fitCanvas,
    eventType: eventType, precision: precision, baseStatus: baseStatus, initialStatus: initialStatus, kind: kind,
    useVocabulary: useVocabulary, onVocabulary: onVocabulary, UNKNOWN_COLOR: UNKNOWN_COLOR,
    isoDay: isoDay, dayLabel: dayLabel, dateText: dateText,
    quoteWithMarks: quoteWithMarks, eventPopup: eventPopup, basePopup: basePopup, listPopup: listPopup, MAX_LIST: MAX_LIST
  };
})();
