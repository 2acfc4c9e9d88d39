/* Events and movements on one canvas (OSINT.eventCanvas): dots coloured by the vocabulary's type colours
 * (hollow and dashed when the date is not exact), fanned out at a shared place, grid clusters when many are
 * in view, one curved arrow per route. The pointer (hit tests, popups, tooltips) is in osint-pointer.js. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;
  var MOVE_COLOR = "#b03a2e";
  var CLUSTER_ABOVE = 300;   // more events than this in view: aggregate into grid clusters
  var CLUSTER_CELL = 48;     // px
  var CLUSTER_MAX_ZOOM = 11; // from this zoom on, every event is drawn on its own
  var ROUTE_LABELS_UP_TO = 60; // routes in range: up to this many carry their dates on the map
  var COARSE_NOTE = "country-level";  // beside a movement's end known only to its country (or region)
  var OBSTACLES = ".leaflet-control, .leaflet-marker-icon, .leaflet-tooltip";  // what a canvas label keeps clear of

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  // The boxes of the map's controls, base markers and their labels, in container pixels.
  function obstacles(map) {
    var c = map.getContainer(), box = c.getBoundingClientRect(), out = [];
    Array.prototype.forEach.call(c.querySelectorAll(OBSTACLES), function (node) {
      var r = node.getBoundingClientRect();
      if (r.width && r.height) out.push([r.left - box.left - 2, r.top - box.top - 2, r.right - box.left + 2, r.bottom - box.top + 2]);
    });
    return out;
  }

  // Events at one place are fanned out on a small ring (in pixels, so at every zoom) instead of hiding each other.
  function fanOffset(rank) {
    if (rank === 0) return [0, 0];
    var ring = 1 + Math.floor((rank - 1) / 8), angle = ((rank - 1) % 8) * Math.PI / 4 + ring * 0.4, r = 12 * ring;
    return [Math.round(r * Math.cos(angle)), Math.round(r * Math.sin(angle))];
  }

  var EventCanvas = L.Layer.extend({
    initialize: function (spec) {
      this._spec = spec;
      this._hits = { dots: [], clusters: [], routes: [], areas: [] };
      this._labels = [];
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
      var ready = src.data ? Promise.resolve(src.data) : _.getJSON(src.draw);
      ready.then(function (draw) {
        if (!self._map) return;
        self._draw = draw;
        _.useVocabulary(map, draw.vocabulary, draw.types);  // the legend's key comes with the data
        self._base = _.decodeMask(self._spec.mask, draw.n);
        var d = self._spec.dates;
        self._range = d ? [d.start, d.end] : null;
        self._keep = self._applyDates();
        self._redraw();
        if (self._follow) self._follow("data");  // osint-view.js: frame the data in range if it is not all in view
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
        var a = _.isoDay(inputs[0].getAttribute("aria-valuetext")), b = _.isoDay(inputs[1].getAttribute("aria-valuetext"));
        if (a === null || b === null || !self._draw) return;
        var e = _.prepare(self._draw).epochDay;
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
      if (this._follow) this._follow("range");
      var cap = this._map._osintCaption, e = _.prepare(this._draw).epochDay;
      if (cap) cap.setText(lo === hi ? _.dayLabel(e + lo) : _.dayLabel(e + lo) + " – " + _.dayLabel(e + hi));
    },

    details: function (items) { return _.details(this._spec.source, items); },

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
      this._prep = _.prepare(draw);
      var size = map.getSize(), topLeft = map.containerPointToLayerPoint([0, 0]);
      var ctx = _.fitCanvas(map, this._canvas);
      // container point = projected(zoom) - pixel origin - (layer point of the container's top left)
      var scale = Math.pow(2, map.getZoom()), po = map.getPixelOrigin();
      var origin = L.point(po.x + topLeft.x, po.y + topLeft.y);
      var keep = this._keep, n = draw.n, i, spec = this._spec;
      this._hits = { dots: [], clusters: [], routes: [], areas: [] };
      this._labels = [];
      if (O.declutterBases) O.declutterBases(map);  // base labels first: route labels keep clear of them
      var names = map.getContainer()._osintLabels;  // the capitals' names, when the basemap's are loaded
      this._taken = obstacles(map);
      this._capitals = names && names.capitalBoxes ? names.capitalBoxes() : [];  // kept clear by route dates only
      var shownEvents = 0, shownMoves = 0;
      if (spec.events) this._drawAreas(ctx, scale, origin, size);
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
      box.setAttribute("data-areas", String(this._hits.areas.length));
      box.setAttribute("data-draw-ms", (performance.now() - t0).toFixed(1));
      box.setAttribute("data-draw-seq", String(Number(box.getAttribute("data-draw-seq") || 0) + 1));
      box.setAttribute("data-events", "drawn");
      if (box._osintLabels) box._osintLabels._soon();  // the basemap's names keep clear of the route labels
    },

    // Events whose place is known only to a country, region or province: a translucent circle of the place's
    // rough extent (osint-data.js AREA_M) in the type's colour, under the routes and dots; its centre is a small
    // square (drawn by _dot), not a precise-looking dot.
    _drawAreas: function (ctx, scale, origin, size) {
      var draw = this._draw, keep = this._keep, prep = this._prep, byPlace = {}, list = [];
      for (var i = 0; i < draw.n; i++) {
        var k = draw.p[i];
        if (!keep[i] || k < 0 || !prep.areaZ0[k]) continue;
        var a = byPlace[k];
        if (!a) { a = byPlace[k] = { k: k, items: [], t: draw.t[i] }; list.push(a); }
        a.items.push(i);
      }
      list.forEach(function (a) {
        var xy = this._xy(a.k, scale, origin), r = prep.areaZ0[a.k] * scale;
        if (xy[0] + r < 0 || xy[0] - r > size.x || xy[1] + r < 0 || xy[1] - r > size.y) return;
        var color = prep.color[a.t];
        ctx.beginPath(); ctx.arc(xy[0], xy[1], r, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.13; ctx.fillStyle = color; ctx.fill();
        ctx.globalAlpha = 0.7; ctx.lineWidth = 1.5; ctx.strokeStyle = color; ctx.setLineDash([5, 4]); ctx.stroke();
        ctx.setLineDash([]); ctx.globalAlpha = 1;
        this._hits.areas.push({ x: xy[0], y: xy[1], r: r, k: a.k, items: a.items, precision: prep.prec[a.k] });
      }, this);
    },

    // Movements: one curved arrow per route (origin -> destination) in view, as wide as the number of
    // movements on it; A->B and B->A bend to opposite sides, so legs in both directions stay readable. An end
    // known only to its country or region gets an open arrowhead (or an open circle at the tail) and a
    // "country-level" note. Labels (dates, notes) are placed after every line, clear of each other, the controls
    // and the base markers and labels, or left out.
    _drawRoutes: function (ctx, scale, origin, size) {
      var draw = this._draw, keep = this._keep, n = draw.n, routes = {}, order = [], i, count = 0, prep = this._prep;
      for (i = 0; i < n; i++) {
        if (!keep[i] || draw.o[i] < 0 || draw.d[i] < 0 || draw.o[i] === draw.d[i]) continue;
        var key = draw.o[i] + ">" + draw.d[i], r = routes[key];
        if (!r) { r = routes[key] = { o: draw.o[i], d: draw.d[i], items: [], exact: false, inferred: true }; order.push(r); }
        r.items.push(i);
        if (!(draw.inf && draw.inf[i])) r.inferred = false;  // dotted only when every movement on it has an inferred end
        if (prep.exact[draw.pr[i]]) r.exact = true;
        count++;
      }
      var pad = 50, labelled = order.length <= ROUTE_LABELS_UP_TO, pending = [];
      order.sort(function (x, y) { return y.items.length - x.items.length; });  // the busiest routes label first
      order.forEach(function (r) {
        var a = this._xy(r.o, scale, origin), b = this._xy(r.d, scale, origin);
        if (Math.max(a[0], b[0]) < -pad || Math.min(a[0], b[0]) > size.x + pad ||
            Math.max(a[1], b[1]) < -pad || Math.min(a[1], b[1]) > size.y + pad) return;
        var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy);
        if (len < 2) return;
        var bend = Math.min(0.18 * len, 60);
        var c = [(a[0] + b[0]) / 2 - dy / len * bend, (a[1] + b[1]) / 2 + dx / len * bend];
        var width = 2 + Math.min(6, Math.log2(r.items.length));
        var openHead = prep.coarse[r.d], openTail = prep.coarse[r.o];
        ctx.strokeStyle = MOVE_COLOR; ctx.fillStyle = MOVE_COLOR; ctx.globalAlpha = 0.85;
        ctx.lineWidth = width;
        ctx.setLineDash(r.inferred ? [2, 5] : r.exact ? [] : [7, 6]);  // dotted: an end read from the article
        ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.quadraticCurveTo(c[0], c[1], b[0], b[1]); ctx.stroke();
        ctx.setLineDash([]);
        var ang = Math.atan2(b[1] - c[1], b[0] - c[0]), head = 9 + width;
        ctx.beginPath();
        ctx.moveTo(b[0], b[1]);
        ctx.lineTo(b[0] - head * Math.cos(ang - 0.4), b[1] - head * Math.sin(ang - 0.4));
        ctx.lineTo(b[0] - head * Math.cos(ang + 0.4), b[1] - head * Math.sin(ang + 0.4));
        ctx.closePath();
        if (openHead) {  // hollow: the destination is a country (or region), placed at its border point
          ctx.globalAlpha = 1; ctx.fillStyle = "#fff"; ctx.fill();
          ctx.lineWidth = 2.5; ctx.lineJoin = "round"; ctx.strokeStyle = MOVE_COLOR; ctx.stroke();
        } else {
          ctx.fill();
        }
        if (openTail) {
          ctx.globalAlpha = 1; ctx.beginPath(); ctx.arc(a[0], a[1], 3 + width / 2, 0, 2 * Math.PI);
          ctx.fillStyle = "#fff"; ctx.fill(); ctx.lineWidth = 2.5; ctx.strokeStyle = MOVE_COLOR; ctx.stroke();
        }
        ctx.globalAlpha = 1;
        var mid = [(a[0] + 2 * c[0] + b[0]) / 4, (a[1] + 2 * c[1] + b[1]) / 4];
        var samples = [];
        for (var s = 0; s <= 10; s++) {
          var t = s / 10, u = 1 - t;
          samples.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
        }
        var hit = { items: r.items, samples: samples, head: b, mid: mid, o: r.o, d: r.d,
                    open_head: !!openHead, open_tail: !!openTail, exact: r.exact };
        this._hits.routes.push(hit);
        var label = labelled ? _.routeLabel(draw, r.items) : (r.items.length > 1 ? "×" + r.items.length : "");
        if (label) pending.push({ text: label, kind: "route", at: [5, 4, 6, 3, 7, 2, 8].map(function (q) { return samples[q]; }), hit: hit });
        if (openHead) pending.push({ text: COARSE_NOTE, kind: "end", near: b, hit: hit, end: "destination" });
        if (openTail) pending.push({ text: COARSE_NOTE, kind: "end", near: a, hit: hit, end: "origin" });
      }, this);
      pending.forEach(function (l) { this._placeLabel(ctx, l, size); }, this);
      return count;
    },

    // One label on the canvas, at the first of its spots that is clear (of the map's edges, the controls, the
    // base markers and labels and every label already placed); none clear: left out.
    _placeLabel: function (ctx, l, size) {
      var route = l.kind === "route";
      ctx.font = route ? "bold 11px system-ui, sans-serif" : "italic 600 10px system-ui, sans-serif";
      var w = ctx.measureText(l.text).width + 4, h = route ? 14 : 12, spots = [];
      if (route) {
        l.at.forEach(function (p) { spots.push([p[0], p[1]], [p[0], p[1] - 13], [p[0], p[1] + 13]); });
      } else {
        var x = l.near[0], y = l.near[1];
        spots = [[x + w / 2 + 9, y], [x - w / 2 - 9, y], [x, y + 14], [x, y - 14], [x + w / 2 + 9, y + 13], [x - w / 2 - 9, y - 13]];
      }
      for (var k = 0; k < spots.length; k++) {
        var cx = spots[k][0], cy = spots[k][1], box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
        if (box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y) continue;
        if (this._taken.some(function (o) { return overlaps(box, o); })) continue;
        if (route && this._capitals.some(function (o) { return overlaps(box, o); })) continue;
        this._taken.push(box);
        ctx.globalAlpha = 1; ctx.textAlign = "center"; ctx.textBaseline = "middle";
        ctx.lineWidth = 3; ctx.strokeStyle = "#fff"; ctx.strokeText(l.text, cx, cy);
        ctx.fillStyle = route ? MOVE_COLOR : "#5a1d17"; ctx.fillText(l.text, cx, cy);
        var drawn = { kind: l.kind, text: l.text, box: box };
        if (l.end) drawn.end = l.end;
        this._labels.push(drawn);
        (l.hit.labels = l.hit.labels || []).push(drawn);
        return drawn;
      }
      return null;
    },

    // The labels this canvas drew (route dates, "country-level" notes), in container pixels.
    labelBoxes: function () { return (this._labels || []).map(function (l) { return l.box; }); },

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
          ctx.globalAlpha = 0.85; ctx.fillStyle = this._prep.color[top];
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

    // One event: filled in its type's colour when its date is exact, hollow and dashed when not; a small square
    // (the centre of its area) when its place is known only to a country, region or province.
    _dot: function (ctx, i, x, y) {
      var draw = this._draw, prep = this._prep, color = prep.color[draw.t[i]], exact = prep.exact[draw.pr[i]];
      var k = draw.p[i], area = prep.areaZ0[k] > 0;
      ctx.beginPath();
      if (area) ctx.rect(x - 4.5, y - 4.5, 9, 9); else ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.fillStyle = exact ? color : "#fff"; ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = exact ? "#fff" : color; ctx.setLineDash(exact ? [] : [3, 2]); ctx.stroke();
      ctx.setLineDash([]);
      this._hits.dots.push(area ? { x: x, y: y, i: i, precision: prep.prec[k], area: prep.areaZ0[k] * Math.pow(2, this._map.getZoom()) }
                                : { x: x, y: y, i: i, precision: prep.prec[k] });
    }

  });

  O.EventCanvas = EventCanvas;
  O.MOVE_COLOR = MOVE_COLOR;
  O.eventCanvas = function (spec) { return new EventCanvas(spec); };
})();
