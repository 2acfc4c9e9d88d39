/* Layers of the OSINT map. Loaded by the map iframe from the app's own server (never a CDN).
 * Every string that came from an article is put into the page with textContent, never innerHTML,
 * so a quote holding <script>, HTML or ${...} is shown as text and never runs. */
(function () {
  "use strict";

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

  var PRECISION_WORDS = {
    day: "exact day", week: "within the week", month: "within the month", year: "within the year",
    range: "date range", as_of: "as of publication (no date in the text)", "": "undated article"
  };

  function dateText(p) {
    if (!p.date) return "undated";
    var span = p.date_end && p.date_end !== p.date ? p.date + " – " + p.date_end : p.date;
    return span + " (" + (PRECISION_WORDS[p.date_precision] || p.date_precision) + ")";
  }

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

  function eventPopup(p) {
    var box = el("div", "osint-popup");
    box.appendChild(el("div", "osint-title osint-type-" + safeClass(p.type), p.type.replace(/_/g, " ") + " · " + p.status));
    row(box, "Date", dateText(p));
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

  function basePopup(p) {
    var box = el("div", "osint-popup");
    box.appendChild(el("div", "osint-title", p.name));
    row(box, "Kind", String(p.kind).replace(/_/g, " "));
    row(box, "Status", p.status + (p.as_of ? " on " + p.as_of : ""));
    row(box, "Events", p.n_events);
    return box;
  }

  var KIND_SYMBOL = { air_base: "✈", airport: "✈", naval_base: "⚓", port: "⚓", military_base: "★" };

  var TYPE_COLORS = {
    base_presence: "#1f77b4", withdrawal: "#d62728", evacuation: "#ff7f0e", deployment: "#2ca02c",
    ship_movement: "#17becf", air_transport: "#9467bd", attack: "#000000", meeting: "#8c564b",
    agreement: "#e377c2", statement: "#7f7f7f"
  };
  var MOVE_COLOR = "#b03a2e";
  var CLUSTER_ABOVE = 300;   // more events than this in view: aggregate into grid clusters
  var CLUSTER_CELL = 48;     // px
  var CLUSTER_MAX_ZOOM = 11; // from this zoom on, every event is drawn on its own
  var MAX_LIST = 8;
  var ROUTE_LABELS_UP_TO = 60; // routes in range: up to this many carry their dates on the map          // events listed in one popup (a route or a place), then "and N more"

  // ---- the dataset: fetched once per URL and kept for the life of the iframe ----
  var fetched = {};
  function getJSON(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
      fetched[url].catch(function () { delete fetched[url]; });
    }
    return fetched[url];
  }

  function prepare(draw) {
    if (draw._prep) return draw._prep;
    var places = draw.places, m = places.length, k;
    var px = new Float64Array(m), py = new Float64Array(m);
    for (k = 0; k < m; k++) {  // Web Mercator at zoom 0: at zoom z a point is (px, py) * 2^z
      var pt = L.CRS.EPSG3857.latLngToPoint(L.latLng(places[k][2], places[k][1]), 0);
      px[k] = pt.x; py[k] = pt.y;
    }
    // day numbers in the dataset count from draw.epoch; epochDay turns them into days since 1970-01-01
    draw._prep = { px: px, py: py, epochDay: Math.round(Date.parse(draw.epoch + "T00:00:00Z") / 86400000) };
    return draw._prep;
  }

  function decodeMask(b64, n) {
    var keep = new Uint8Array(n), i;
    if (b64 === null || b64 === undefined) { keep.fill(1); return keep; }
    var bin = atob(b64);
    for (i = 0; i < n; i++) keep[i] = (bin.charCodeAt(i >> 3) >> (7 - (i & 7))) & 1;
    return keep;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function isoDay(text) {  // "2024-12-09" -> days since 1970-01-01, or null (the app's slider gives ISO dates)
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null;
  }

  function dayLabel(day) {  // the caption's format, as the app writes it: "09 Dec 2024"
    var d = new Date(day * 86400000);
    return String(d.getUTCDate()).padStart(2, "0") + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  // "15 Dec 2024", or "×3 · 09 Dec 2024 – 15 Dec 2024" for several movements on one route
  function routeLabel(draw, items) {
    var lo = Infinity, hi = -Infinity;
    items.forEach(function (i) {
      if (draw.d0[i] < 0) return;
      lo = Math.min(lo, draw.d0[i]); hi = Math.max(hi, draw.d0[i] + draw.d1[i]);
    });
    var e = prepare(draw).epochDay;
    var when = lo === Infinity ? "undated" : (lo === hi ? dayLabel(e + lo) : dayLabel(e + lo) + " – " + dayLabel(e + hi));
    return items.length > 1 ? "×" + items.length + " · " + when : when;
  }

  function dayText(draw, i) {
    if (draw.d0[i] < 0) return "undated";
    return new Date((prepare(draw).epochDay + draw.d0[i]) * 86400000).toISOString().slice(0, 10);
  }

  // Events at one place are fanned out on a small ring (in pixels, so at every zoom) instead of hiding each other.
  function fanOffset(rank) {
    if (rank === 0) return [0, 0];
    var ring = 1 + Math.floor((rank - 1) / 8), angle = ((rank - 1) % 8) * Math.PI / 4 + ring * 0.4, r = 12 * ring;
    return [Math.round(r * Math.cos(angle)), Math.round(r * Math.sin(angle))];
  }

  function listPopup(details, items, heading) {
    var box = el("div", "osint-popup osint-list");
    box.appendChild(el("div", "osint-title", heading));
    items.slice(0, MAX_LIST).forEach(function (i, n) {
      if (n) box.appendChild(el("hr", "osint-sep"));
      box.appendChild(eventPopup(details[i]));
    });
    if (items.length > MAX_LIST) box.appendChild(el("div", "osint-more", "… and " + (items.length - MAX_LIST) + " more: zoom in, narrow the dates or use the table"));
    return box;
  }

  var EventCanvas = L.Layer.extend({
    initialize: function (spec) {
      this._spec = spec;
      this._hits = { dots: [], clusters: [], routes: [] };
    },

    onAdd: function (map) {
      this._map = map;
      if (!map.getPane("osint-events")) {
        map.createPane("osint-events");
        map.getPane("osint-events").style.zIndex = 450;  // above the basemap and mentions, under bases and popups
        map.getPane("osint-events").style.pointerEvents = "none";
      }
      this._canvas = L.DomUtil.create("canvas", "osint-events-canvas", map.getPane("osint-events"));
      map.getContainer()._osintEvents = this;
      map.on("moveend zoomend resize", this._redraw, this);
      map.on("zoomstart", this._hide, this);
      map.on("click", this._onClick, this);
      map.on("mousemove", this._onHover, this);
      var self = this, src = this._spec.source;
      var ready = src.data ? Promise.resolve(src.data) : getJSON(src.draw);
      ready.then(function (draw) {
        if (!self._map) return;
        self._draw = draw;
        self._base = decodeMask(self._spec.mask, draw.n);
        var d = self._spec.dates;
        self._range = d ? [d.start, d.end] : null;
        self._keep = self._applyDates();
        self._redraw();
        if (self._spec.watch) self._watchRange();
        if (self._spec.selected >= 0) self.openEvent(self._spec.selected);
      }).catch(function (err) {
        map.getContainer().setAttribute("data-events", "failed: " + err.message);
      });
    },

    onRemove: function (map) {
      if (this._observer) this._observer.disconnect();
      map.off("moveend zoomend resize", this._redraw, this);
      map.off("zoomstart", this._hide, this);
      map.off("click", this._onClick, this);
      map.off("mousemove", this._onHover, this);
      if (map.getContainer()._osintEvents === this) map.getContainer()._osintEvents = null;
      if (this._tooltip) map.removeLayer(this._tooltip);
      L.DomUtil.remove(this._canvas);
      this._map = null;
    },

    // Popup details of events `items`, as {i: details}; in the app they come in chunks fetched on demand.
    // The filters' mask and the date range together: an event is kept when its interval [d0, d0 + d1]
    // overlaps the range, undated ones as the "include undated" box says (the rule of EventIndex.date_mask).
    _applyDates: function () {
      var draw = this._draw, base = this._base, range = this._range, d = this._spec.dates;
      if (!range) return base;
      var keep = new Uint8Array(draw.n), lo = range[0], hi = range[1], undated = d && d.undated ? 1 : 0;
      for (var i = 0; i < draw.n; i++) {
        if (!base[i]) continue;
        var d0 = draw.d0[i];
        keep[i] = d0 < 0 ? undated : (d0 <= hi && d0 + draw.d1[i] >= lo ? 1 : 0);
      }
      return keep;
    },

    // Follow the app's date slider as it moves (the map iframe shares the page's origin): the map redraws
    // at once, and the app's rerun then confirms it with the same mask. If the slider cannot be found
    // (another page, a standalone file), the map simply waits for the rerun.
    _watchRange: function () {
      var doc, self = this;
      try { doc = window.parent && window.parent !== window ? window.parent.document : null; } catch (e) { doc = null; }
      if (!doc || !doc.body) return;
      var read = function (records) {
        // the slider may be re-mounted by a rerun: watch the page, look the slider up when a thumb moves
        if (!self._map || !records.some(function (r) { return r.target.closest && r.target.closest(".st-key-date_range"); })) return;
        var inputs = doc.querySelectorAll(".st-key-date_range input[type=range]");
        if (inputs.length !== 2) return;
        var a = isoDay(inputs[0].getAttribute("aria-valuetext")), b = isoDay(inputs[1].getAttribute("aria-valuetext"));
        if (a === null || b === null || !self._draw) return;
        var e = prepare(self._draw).epochDay;
        self.setRange(Math.min(a, b) - e, Math.max(a, b) - e);
      };
      this._observer = new MutationObserver(read);
      this._observer.observe(doc.body, { attributes: true, subtree: true, attributeFilter: ["aria-valuetext"] });
    },

    setRange: function (lo, hi) {
      if (this._range && this._range[0] === lo && this._range[1] === hi) return;
      this._range = [lo, hi];
      this._keep = this._applyDates();
      this._redraw();
      var cap = this._map._osintCaption, e = prepare(this._draw).epochDay;
      if (cap) cap.setText(lo === hi ? dayLabel(e + lo) : dayLabel(e + lo) + " – " + dayLabel(e + hi));
    },

    details: function (items) {
      var src = this._spec.source, out = {};
      if (src.details_data) {
        items.forEach(function (i) { out[i] = src.details_data[i]; });
        return Promise.resolve(out);
      }
      var chunks = {};
      items.forEach(function (i) { chunks[Math.floor(i / src.chunk)] = true; });
      return Promise.all(Object.keys(chunks).map(function (c) {
        return getJSON(src.details[c]).then(function (rows) { return [Number(c), rows]; });
      })).then(function (got) {
        var byChunk = {};
        got.forEach(function (g) { byChunk[g[0]] = g[1]; });
        items.forEach(function (i) { out[i] = byChunk[Math.floor(i / src.chunk)][i % src.chunk]; });
        return out;
      });
    },

    _hide: function () { this._canvas.style.visibility = "hidden"; },

    // Place k in canvas (= container) pixels.
    _xy: function (k, scale, origin) {
      var prep = this._prep;
      return [prep.px[k] * scale - origin.x, prep.py[k] * scale - origin.y];
    },

    _redraw: function () {
      var map = this._map, draw = this._draw;
      if (!map || !draw) return;
      var t0 = performance.now();
      this._prep = prepare(draw);
      var size = map.getSize(), dpr = window.devicePixelRatio || 1, canvas = this._canvas;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = size.x * dpr; canvas.height = size.y * dpr;
      canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
      canvas.style.visibility = "";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      // container point = projected(zoom) - pixel origin - (layer point of the container's top left)
      var scale = Math.pow(2, map.getZoom()), po = map.getPixelOrigin();
      var origin = L.point(po.x + topLeft.x, po.y + topLeft.y);
      var keep = this._keep, n = draw.n, i, spec = this._spec;
      this._hits = { dots: [], clusters: [], routes: [] };
      var shownEvents = 0, shownMoves = 0;
      if (spec.movements) shownMoves = this._drawRoutes(ctx, scale, origin, size);
      if (spec.events) shownEvents = this._drawDots(ctx, scale, origin, size);
      var box = map.getContainer();
      var inRange = 0;
      for (i = 0; i < n; i++) if (keep[i] && draw.p[i] >= 0) inRange++;
      box.setAttribute("data-events-shown", String(inRange));
      box.setAttribute("data-events-drawn", String(shownEvents));
      box.setAttribute("data-moves-drawn", String(shownMoves));
      box.setAttribute("data-routes", String(this._hits.routes.length));
      box.setAttribute("data-clusters", String(this._hits.clusters.length));
      box.setAttribute("data-draw-ms", (performance.now() - t0).toFixed(1));
      box.setAttribute("data-draw-seq", String(Number(box.getAttribute("data-draw-seq") || 0) + 1));
      box.setAttribute("data-events", "drawn");
    },

    // Movements: one curved arrow per route (origin -> destination) in view, as wide as the number of
    // movements on it; A->B and B->A bend to opposite sides, so legs in both directions stay readable.
    _drawRoutes: function (ctx, scale, origin, size) {
      var draw = this._draw, keep = this._keep, n = draw.n, routes = {}, order = [], i, count = 0;
      for (i = 0; i < n; i++) {
        if (!keep[i] || draw.o[i] < 0 || draw.d[i] < 0 || draw.o[i] === draw.d[i]) continue;
        var key = draw.o[i] + ">" + draw.d[i], r = routes[key];
        if (!r) { r = routes[key] = { o: draw.o[i], d: draw.d[i], items: [], exact: false }; order.push(r); }
        r.items.push(i);
        if (draw.precisions[draw.pr[i]] === "day") r.exact = true;
        count++;
      }
      var pad = 50, labelled = order.length <= ROUTE_LABELS_UP_TO;
      order.forEach(function (r) {
        var a = this._xy(r.o, scale, origin), b = this._xy(r.d, scale, origin);
        if (Math.max(a[0], b[0]) < -pad || Math.min(a[0], b[0]) > size.x + pad ||
            Math.max(a[1], b[1]) < -pad || Math.min(a[1], b[1]) > size.y + pad) return;
        var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy);
        if (len < 2) return;
        var bend = Math.min(0.18 * len, 60);
        var c = [(a[0] + b[0]) / 2 - dy / len * bend, (a[1] + b[1]) / 2 + dx / len * bend];
        var width = 2 + Math.min(6, Math.log2(r.items.length));
        ctx.strokeStyle = MOVE_COLOR; ctx.fillStyle = MOVE_COLOR; ctx.globalAlpha = 0.85;
        ctx.lineWidth = width;
        ctx.setLineDash(r.exact ? [] : [7, 6]);
        ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.quadraticCurveTo(c[0], c[1], b[0], b[1]); ctx.stroke();
        ctx.setLineDash([]);
        var ang = Math.atan2(b[1] - c[1], b[0] - c[0]), head = 9 + width;
        ctx.beginPath();
        ctx.moveTo(b[0], b[1]);
        ctx.lineTo(b[0] - head * Math.cos(ang - 0.4), b[1] - head * Math.sin(ang - 0.4));
        ctx.lineTo(b[0] - head * Math.cos(ang + 0.4), b[1] - head * Math.sin(ang + 0.4));
        ctx.closePath(); ctx.fill();
        var mid = [(a[0] + 2 * c[0] + b[0]) / 4, (a[1] + 2 * c[1] + b[1]) / 4];
        var label = labelled ? routeLabel(draw, r.items) : (r.items.length > 1 ? "×" + r.items.length : "");
        if (label) {
          ctx.globalAlpha = 1; ctx.font = "bold 11px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
          ctx.lineWidth = 3; ctx.strokeStyle = "#fff"; ctx.strokeText(label, mid[0], mid[1]);
          ctx.fillText(label, mid[0], mid[1]);
        }
        ctx.globalAlpha = 1;
        var samples = [];
        for (var s = 0; s <= 10; s++) {
          var t = s / 10, u = 1 - t;
          samples.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
        }
        this._hits.routes.push({ items: r.items, samples: samples, head: b, mid: mid, o: r.o, d: r.d });
      }, this);
      return count;
    },

    _drawDots: function (ctx, scale, origin, size) {
      var draw = this._draw, keep = this._keep, n = draw.n, i, visible = [], pad = 20;
      for (i = 0; i < n; i++) {
        var k = draw.p[i];
        if (!keep[i] || k < 0) continue;
        var xy = this._xy(k, scale, origin);
        if (xy[0] < -pad || xy[0] > size.x + pad || xy[1] < -pad || xy[1] > size.y + pad) continue;
        visible.push([i, xy[0], xy[1]]);
      }
      var cluster = visible.length > CLUSTER_ABOVE && this._map.getZoom() < CLUSTER_MAX_ZOOM;
      if (cluster) {
        var cells = {}, list = [];
        visible.forEach(function (v) {
          var key = Math.floor(v[1] / CLUSTER_CELL) + ":" + Math.floor(v[2] / CLUSTER_CELL), c = cells[key];
          if (!c) { c = cells[key] = { items: [], sx: 0, sy: 0, types: {} }; list.push(c); }
          c.items.push(v); c.sx += v[1]; c.sy += v[2];
          c.types[draw.t[v[0]]] = (c.types[draw.t[v[0]]] || 0) + 1;
        });
        list.forEach(function (c) {
          if (c.items.length === 1) { this._dot(ctx, c.items[0][0], c.items[0][1], c.items[0][2]); return; }
          var x = c.sx / c.items.length, y = c.sy / c.items.length, top = 0, best = 0;
          for (var t in c.types) if (c.types[t] > best) { best = c.types[t]; top = Number(t); }
          var r = 9 + 4 * Math.log10(c.items.length);
          ctx.globalAlpha = 0.85; ctx.fillStyle = TYPE_COLORS[draw.types[top]] || "#555";
          ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill();
          ctx.globalAlpha = 1; ctx.lineWidth = 2; ctx.strokeStyle = "#fff"; ctx.stroke();
          ctx.fillStyle = "#fff"; ctx.font = "bold 11px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
          var label = c.items.length >= 10000 ? Math.round(c.items.length / 1000) + "k" : String(c.items.length);
          ctx.fillText(label, x, y);
          this._hits.clusters.push({ x: x, y: y, r: r, items: c.items.map(function (v) { return v[0]; }) });
        }, this);
      } else {
        var rank = {};
        visible.forEach(function (v) {
          var k = draw.p[v[0]], off = fanOffset(rank[k] = (rank[k] === undefined ? 0 : rank[k] + 1));
          this._dot(ctx, v[0], v[1] + off[0], v[2] + off[1]);
        }, this);
      }
      return visible.length;
    },

    // One event: filled in its type's colour when dated to the day, hollow and dashed when not.
    _dot: function (ctx, i, x, y) {
      var draw = this._draw, color = TYPE_COLORS[draw.types[draw.t[i]]] || "#555";
      var exact = draw.precisions[draw.pr[i]] === "day";
      ctx.beginPath(); ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.fillStyle = exact ? color : "#fff"; ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = exact ? "#fff" : color; ctx.setLineDash(exact ? [] : [3, 2]); ctx.stroke();
      ctx.setLineDash([]);
      this._hits.dots.push({ x: x, y: y, i: i });
    },

    // What is under a container point: the nearest dot, cluster or route within a few pixels.
    hitTest: function (pt) {
      var best = null, bestD = Infinity, h = this._hits;
      h.dots.forEach(function (d) { var dd = Math.hypot(d.x - pt.x, d.y - pt.y); if (dd <= 9 && dd < bestD) { bestD = dd; best = { kind: "event", items: [d.i], x: d.x, y: d.y }; } });
      if (best) return best;
      h.clusters.forEach(function (c) { var dd = Math.hypot(c.x - pt.x, c.y - pt.y); if (dd <= c.r + 2 && dd < bestD) { bestD = dd; best = { kind: "cluster", items: c.items, x: c.x, y: c.y }; } });
      if (best) return best;
      h.routes.forEach(function (r) {
        for (var s = 1; s < r.samples.length; s++) {
          var dd = segDist(pt, r.samples[s - 1], r.samples[s]);
          if (dd <= 6 && dd < bestD) { bestD = dd; best = { kind: "route", items: r.items, x: r.mid[0], y: r.mid[1], route: r }; }
        }
      });
      return best;
    },

    _onClick: function (e) {
      var hit = this.hitTest(e.containerPoint), map = this._map, draw = this._draw, self = this;
      if (!hit) return;
      var latlng = map.containerPointToLatLng([hit.x, hit.y]);
      if (hit.kind === "cluster") {
        var places = {};
        hit.items.forEach(function (i) { places[draw.p[i]] = true; });
        var keys = Object.keys(places);
        if (keys.length > 1 && map.getZoom() < map.getMaxZoom()) {
          map.fitBounds(L.latLngBounds(keys.map(function (k) { var p = draw.places[k]; return [p[2], p[1]]; })).pad(0.2));
          return;
        }
      }
      this.details(hit.items.slice(0, MAX_LIST)).then(function (details) {
        var content = hit.items.length === 1 ? eventPopup(details[hit.items[0]])
          : listPopup(details, hit.items, hit.kind === "route"
            ? draw.places[hit.route.o][0] + " → " + draw.places[hit.route.d][0] + ": " + hit.items.length + " movements"
            : hit.items.length + " events here");
        L.popup({ maxWidth: 380, maxHeight: 420 }).setLatLng(latlng).setContent(content).openOn(map);
        self._map.getContainer().setAttribute("data-popup", hit.kind);
      });
    },

    _onHover: function (e) {
      if (this._hoverPending) return;
      this._hoverPending = true;
      var self = this;
      window.requestAnimationFrame(function () {
        self._hoverPending = false;
        if (!self._map || !self._draw) return;
        var hit = self.hitTest(e.containerPoint), draw = self._draw;
        self._map.getContainer().style.cursor = hit ? "pointer" : "";
        if (!hit) { if (self._tooltip) self._map.removeLayer(self._tooltip); return; }
        var text;
        if (hit.kind === "event") {
          var i = hit.items[0];
          text = draw.types[draw.t[i]].replace(/_/g, " ") + " · " + dayText(draw, i) + " · " + draw.places[draw.p[i]][0];
        } else if (hit.kind === "route") {
          text = draw.places[hit.route.o][0] + " → " + draw.places[hit.route.d][0] + " · " + hit.items.length + " movement(s)";
        } else {
          text = hit.items.length + " events: click to zoom in";
        }
        self._tooltip = self._tooltip || L.tooltip({ direction: "top", offset: [0, -8] });
        self._tooltip.setLatLng(self._map.containerPointToLatLng([hit.x, hit.y])).setContent(el("span", null, text));
        if (!self._map.hasLayer(self._tooltip)) self._tooltip.addTo(self._map);
      });
    },

    // Open event i's popup at its place (the table's selected row); shown even when it is in a cluster.
    openEvent: function (i) {
      var draw = this._draw, map = this._map, self = this;
      if (!draw || !map || i < 0 || i >= draw.n) return;
      var k = draw.p[i] >= 0 ? draw.p[i] : draw.d[i];
      if (k < 0) return;
      this.details([i]).then(function (details) {
        // after the app has set the view for this rerun (st_folium moves the map once the layers are in),
        // so the popup's auto-pan keeps it whole on screen
        setTimeout(function () {
          if (!self._map) return;
          L.popup({ maxWidth: 380, maxHeight: 420, autoPanPadding: [20, 20] })
            .setLatLng([draw.places[k][2], draw.places[k][1]]).setContent(eventPopup(details[i])).openOn(map);
          map.getContainer().setAttribute("data-popup", "selected");
        }, 250);
      });
    },

    // Where drawn things are, in container pixels (tests and the benchmark click on them like a user).
    drawn: function () {
      var size = this._map ? this._map.getSize() : L.point(0, 0);
      return { dots: this._hits.dots, clusters: this._hits.clusters, routes: this._hits.routes, size: [size.x, size.y] };
    }
  });

  function segDist(p, a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((p.x - a[0]) * dx + (p.y - a[1]) * dy) / l2)) : 0;
    return Math.hypot(p.x - (a[0] + t * dx), p.y - (a[1] + t * dy));
  }

  function eventCanvas(spec) { return new EventCanvas(spec); }

  // Bases: one persistent set of markers per map, updated in place on every rerun (status, label, count)
  // instead of being rebuilt: a date change then touches only the bases whose status changed.
  var PERMANENT_LABELS_UP_TO = 30;  // more bases than this: names on hover only, or the map is all labels

  function baseIcon(p) {
    return L.divIcon({ className: "osint-base osint-status-" + safeClass(p.status), iconSize: [24, 24], iconAnchor: [12, 12],
                       html: KIND_SYMBOL[p.kind] || "■" });
  }

  var BaseStore = L.Class.extend({
    initialize: function (map) { this._map = map; this._group = L.featureGroup(); this._markers = {}; this._permanent = null; },

    update: function (data) {
      var feats = (data.features || []).filter(function (f) { return f.geometry && f.geometry.type === "Point"; });
      var permanent = feats.length <= PERMANENT_LABELS_UP_TO, seen = {}, markers = this._markers, group = this._group;
      var relabel = permanent !== this._permanent;
      this._permanent = permanent;
      feats.forEach(function (f) {
        var p = f.properties, id = String(f.id), m = markers[id], label = p.name + " — " + p.status;
        seen[id] = true;
        if (!m) {
          m = markers[id] = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: baseIcon(p), zIndexOffset: 1000 });
          m.bindPopup(function (layer) { return basePopup(layer.feature.properties); });
          group.addLayer(m);
        } else if (m.feature.properties.status !== p.status || m.feature.properties.kind !== p.kind) {
          m.setIcon(baseIcon(p));
        }
        if (!m.getTooltip() || relabel) {
          m.unbindTooltip();
          m.bindTooltip(el("span", null, label), permanent
            ? { permanent: true, direction: "right", offset: [12, 0], className: "osint-base-label" }
            : { direction: "right", offset: [12, 0], className: "osint-base-label" });
        } else if (m.feature.properties.name !== p.name || m.feature.properties.status !== p.status) {
          m.setTooltipContent(el("span", null, label));
        }
        m.feature = f;
      });
      Object.keys(markers).forEach(function (id) {
        if (!seen[id]) { group.removeLayer(markers[id]); delete markers[id]; }
      });
    },

    attach: function () {
      clearTimeout(this._pendingDetach);
      if (!this._map.hasLayer(this._group)) this._group.addTo(this._map);
    },

    // st_folium removes the old feature groups and adds the new ones in one go: detach only if no new
    // bases layer claimed the store in the meantime (the bases toggle was switched off).
    detachSoon: function () {
      var self = this;
      clearTimeout(this._pendingDetach);
      this._pendingDetach = setTimeout(function () { self._map.removeLayer(self._group); }, 0);
    }
  });

  var BaseLayer = L.Layer.extend({
    initialize: function (data) { this._data = data; },
    onAdd: function (map) {
      var store = map._osintBases || (map._osintBases = new BaseStore(map));
      store.update(this._data);
      store.attach();
    },
    onRemove: function (map) { if (map._osintBases) map._osintBases.detachSoon(); }
  });

  function baseLayer(data) { return new BaseLayer(data); }

  // The app's compact basemap (mapview.compact_basemap): per country, polygons of rings, each ring one flat
  // list of integer steps in 1/scale degrees.
  function compactLayer(data, options) {
    var s = 1 / data.scale;
    return L.featureGroup(data.shapes.map(function (shape) {
      return L.polygon(shape.map(function (rings) {
        return rings.map(function (steps) {
          var ring = new Array(steps.length / 2), x = 0, y = 0;
          for (var k = 0; k < steps.length; k += 2) {
            x += steps[k]; y += steps[k + 1];
            ring[k / 2] = L.latLng(y * s, x * s);
          }
          return ring;
        });
      }), options);
    }));
  }

  function basemap(map, url, fill) {
    fill = fill !== false;
    if (!map.getPane("osint-basemap")) {
      map.createPane("osint-basemap");
      map.getPane("osint-basemap").style.zIndex = 250;
    }
    if (fill) map.getContainer().classList.add("osint-sea");
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error("basemap " + r.status);
      return r.json();
    }).then(function (geo) {
      // One canvas for ~240 country polygons: far cheaper to draw than as many SVG paths.
      var style = fill ? { color: "#7d8a96", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }
                       : { color: "#ffffff", weight: 1, opacity: 0.7, fill: false };
      var options = { pane: "osint-basemap", interactive: false, renderer: L.canvas({ pane: "osint-basemap" }) };
      var layer = geo.shapes ? compactLayer(geo, L.extend({}, options, style))
                             : L.geoJSON(geo, L.extend(options, { style: style }));
      layer.addTo(map);
      map.getContainer().setAttribute("data-basemap-features", String(layer.getLayers().length));
      map.getContainer().setAttribute("data-basemap", "loaded");
      return layer;
    }).catch(function (err) {
      map.getContainer().setAttribute("data-basemap", "failed: " + err.message);
    });
  }

  // Every place the machine read in the articles shown, as small grey dots (what was geocoded, and where).
  function mentionLayer(data) {
    return L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        var dot = L.circleMarker(latlng, { radius: 4, weight: 1, color: "#555", fillColor: "#bbb", fillOpacity: 0.8,
                                           className: "osint-mention" });
        dot.bindTooltip(el("span", null, p.name + " — " + p.count + "× in " + p.articles + " article(s): " + p.texts));
        return dot;
      }
    });
  }

  // One caption on the map (the date range shown), created once and updated on every rerun.
  function caption(map, text) {
    if (!map._osintCaption) {
      var Caption = L.Control.extend({
        onAdd: function () { this._div = el("div", "osint-caption"); return this._div; },
        setText: function (t) { this._div.textContent = t; this._div.style.display = t ? "" : "none"; }
      });
      map._osintCaption = new Caption({ position: "bottomleft" }).addTo(map);
    }
    map._osintCaption.setText(String(text || ""));
    return L.layerGroup();  // nothing to draw: the feature group stays empty
  }

  // The legend, drawn on the map so a screenshot or a projected briefing carries it.
  var BASE_STATUS = [["active", "active"], ["drawdown", "drawdown"], ["withdrawn", "withdrawn"], ["contested", "contested"]];
  function legend(map, open) {
    if (map._osintLegend) return map._osintLegend;
    var Legend = L.Control.extend({
      onAdd: function () {
        var outer = el("details", "osint-legend");
        outer.open = !!open;
        outer.appendChild(el("summary", "osint-legend-summary", "Legend"));
        var box = el("div", "osint-legend-body");
        outer.appendChild(box);
        box.appendChild(el("div", "osint-legend-title", "Events"));
        Object.keys(TYPE_COLORS).forEach(function (t) {
          var line = el("div", "osint-legend-row osint-legend-type"), sw = el("span", "osint-swatch");
          sw.style.background = TYPE_COLORS[t];
          line.appendChild(sw); line.appendChild(el("span", null, t.replace(/_/g, " ")));
          box.appendChild(line);
        });
        var approx = el("div", "osint-legend-row"), hollow = el("span", "osint-swatch osint-swatch-approx");
        approx.appendChild(hollow); approx.appendChild(el("span", null, "date not known to the day"));
        box.appendChild(approx);
        var cl = el("div", "osint-legend-row"), bubble = el("span", "osint-swatch osint-swatch-cluster", "n");
        cl.appendChild(bubble); cl.appendChild(el("span", null, "cluster of n events (click to zoom)"));
        box.appendChild(cl);
        box.appendChild(el("div", "osint-legend-title", "Movements"));
        box.appendChild(el("div", "osint-legend-row osint-legend-move", "➤ origin → destination; dashed: not to the day; ×n on one route"));
        box.appendChild(el("div", "osint-legend-title", "Bases (status on the end date)"));
        BASE_STATUS.forEach(function (s) {
          var line = el("div", "osint-legend-row osint-legend-type"), sw = el("span", "osint-swatch osint-base osint-status-" + s[0]);
          line.appendChild(sw); line.appendChild(el("span", null, s[1]));
          box.appendChild(line);
        });
        L.DomEvent.disableClickPropagation(outer);
        L.DomEvent.disableScrollPropagation(outer);
        return outer;
      }
    });
    map._osintLegend = new Legend({ position: "bottomright" }).addTo(map);
    return map._osintLegend;
  }


  // ---- PNG snapshot for slides: the map as drawn (basemap, events, routes, bases, caption, legend) ----
  var STATUS_FILL = { active: ["#c6efce", "#1e7b34"], drawdown: ["#ffeb9c", "#9c6500"], withdrawn: ["#eeeeee", "#777777"],
                      contested: ["#ffc7ce", "#9c0006"], unknown: ["#ffffff", "#555555"] };

  function paneZ(node) {
    for (var n = node; n && n !== document.body; n = n.parentElement) {
      var z = parseInt(n.style.zIndex || window.getComputedStyle(n).zIndex, 10);
      if (n.classList && n.classList.contains("leaflet-pane") && !isNaN(z)) return z;
    }
    return 0;
  }

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y); ctx.arcTo(x + w, y, x + w, y + h, r); ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r); ctx.arcTo(x, y, x + w, y, r); ctx.closePath();
  }

  function labelBox(ctx, text, x, y, font, anchorRight) {
    ctx.font = font;
    var w = ctx.measureText(text).width + 12, h = 20;
    var left = anchorRight ? x - w : x;
    ctx.fillStyle = "rgba(255,255,255,0.92)"; roundRect(ctx, left, y - h / 2, w, h, 4); ctx.fill();
    ctx.fillStyle = "#111"; ctx.textAlign = "left"; ctx.textBaseline = "middle"; ctx.fillText(text, left + 6, y + 1);
    return w;
  }

  function snapshot(map, scale) {
    scale = scale || 2;
    var size = map.getSize(), box = map.getContainer().getBoundingClientRect();
    var out = document.createElement("canvas");
    out.width = size.x * scale; out.height = size.y * scale;
    var ctx = out.getContext("2d");
    ctx.scale(scale, scale);
    ctx.fillStyle = "#d7e6f0"; ctx.fillRect(0, 0, size.x, size.y);
    // every canvas layer (basemap, events and routes), in pane order
    var canvases = Array.prototype.slice.call(map.getContainer().querySelectorAll(".leaflet-pane canvas"));
    canvases.sort(function (a, b) { return paneZ(a) - paneZ(b); });
    canvases.forEach(function (c) {
      if (c.style.visibility === "hidden" || !c.width) return;
      var r = c.getBoundingClientRect();
      ctx.drawImage(c, r.left - box.left, r.top - box.top, r.width, r.height);
    });
    var bases = [];
    map.eachLayer(function (layer) {
      if (layer instanceof L.CircleMarker && !(layer.options.renderer instanceof L.Canvas)) {  // place mentions (SVG)
        var p = map.latLngToContainerPoint(layer.getLatLng());
        ctx.beginPath(); ctx.arc(p.x, p.y, layer.options.radius || 4, 0, 2 * Math.PI);
        ctx.fillStyle = layer.options.fillColor || "#bbb"; ctx.fill();
        ctx.lineWidth = 1; ctx.strokeStyle = layer.options.color || "#555"; ctx.stroke();
      } else if (layer instanceof L.Marker && layer.feature && layer.feature.properties &&
                 layer.feature.properties.feature === "installation") {
        bases.push(layer);
      }
    });
    bases.forEach(function (m) {
      var p = map.latLngToContainerPoint(m.getLatLng()), props = m.feature.properties;
      var colors = STATUS_FILL[props.status] || STATUS_FILL.unknown;
      ctx.fillStyle = colors[0]; ctx.strokeStyle = colors[1]; ctx.lineWidth = 2;
      roundRect(ctx, p.x - 12, p.y - 12, 24, 24, 4); ctx.fill(); ctx.stroke();
      ctx.fillStyle = "#111"; ctx.font = "16px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(KIND_SYMBOL[props.kind] || "■", p.x, p.y + 1);
      labelBox(ctx, props.name + " — " + props.status, p.x + 16, p.y, "600 13px system-ui, sans-serif", false);
    });
    if (map._osintCaption && map._osintCaption._div.textContent) {
      labelBox(ctx, map._osintCaption._div.textContent, 10, size.y - 24, "600 15px system-ui, sans-serif", false);
    }
    // a compact legend, bottom right
    var types = Object.keys(TYPE_COLORS), lh = 15, lw = 200, lx = size.x - lw - 10, ly = size.y - types.length * lh - 44;
    ctx.fillStyle = "rgba(255,255,255,0.92)"; roundRect(ctx, lx, ly, lw, types.length * lh + 34, 4); ctx.fill();
    ctx.font = "11px system-ui, sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "middle";
    types.forEach(function (t, n) {
      var y = ly + 10 + n * lh;
      ctx.fillStyle = TYPE_COLORS[t]; ctx.beginPath(); ctx.arc(lx + 12, y, 5, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = "#111"; ctx.fillText(t.replace(/_/g, " "), lx + 24, y);
    });
    ctx.strokeStyle = MOVE_COLOR; ctx.lineWidth = 2; ctx.beginPath();
    ctx.moveTo(lx + 6, ly + 10 + types.length * lh); ctx.lineTo(lx + 20, ly + 10 + types.length * lh); ctx.stroke();
    ctx.fillStyle = "#111"; ctx.fillText("movement (dashed: approx. date)", lx + 24, ly + 10 + types.length * lh);
    ctx.fillStyle = "#555"; ctx.font = "10px system-ui, sans-serif";
    ctx.fillText("Basemap: Natural Earth", lx + 6, ly + 24 + types.length * lh);
    return out;
  }

  function snapshotControl(map, filename) {
    if (map._osintSnapshot) return map._osintSnapshot;
    var Snap = L.Control.extend({
      onAdd: function () {
        var btn = el("a", "osint-snapshot", "PNG");
        btn.href = "#"; btn.title = "Save the map as it is now as a PNG image (for slides)";
        btn.setAttribute("role", "button");
        L.DomEvent.disableClickPropagation(btn);
        L.DomEvent.on(btn, "click", function (e) {
          L.DomEvent.preventDefault(e);
          var canvas = snapshot(map, 2);
          var caption = map._osintCaption ? map._osintCaption._div.textContent : "";
          var name = (filename || "osint-map") + (caption ? "_" + caption.replace(/[^0-9A-Za-z]+/g, "-") : "") + ".png";
          canvas.toBlob(function (blob) {
            var a = document.createElement("a");
            a.href = URL.createObjectURL(blob); a.download = name;
            document.body.appendChild(a); a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          }, "image/png");
        });
        var bar = el("div", "leaflet-bar osint-snapshot-bar");
        bar.appendChild(btn);
        return bar;
      }
    });
    map._osintSnapshot = new Snap({ position: "topleft" }).addTo(map);
    return map._osintSnapshot;
  }

  window.OSINT = { eventCanvas: eventCanvas, baseLayer: baseLayer, basemap: basemap, caption: caption, legend: legend,
                  mentionLayer: mentionLayer, TYPE_COLORS: TYPE_COLORS, snapshot: snapshot,
                  snapshotControl: snapshotControl };
})();
