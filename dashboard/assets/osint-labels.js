/* Names on the offline basemap, and its rivers and lakes (issue 15). Loaded by the map iframe after
 * the other osint-*.js files, from the app's own server or inlined (the briefing file); adds window.OSINT.labels.
 *
 * The data (geodata/data/basemap/labels-50m.json, see its README.md) is fetched once: labels in priority
 * order (countries, capitals, cities by population, seas, lakes, rivers), each with the zoom from which it
 * may be drawn, and rivers and lakes as integer coordinate steps. Two canvases: rivers and lakes just above
 * the basemap, under every data layer; the names above the place mentions, under the events, routes and bases.
 * The PNG snapshot (osint-snapshot.js) composes every pane's canvas, these two included.
 * Names are placed greedily in priority order; one is skipped when its box overlaps a name already drawn, a
 * map control, a base marker or label, or a route label of the events canvas. After each draw the map container carries data-labels-drawn="<n>". */
(function () {
  "use strict";

  var WATER = "#8fb3d1", LAKE_FILL = "#d7e6f0", WATER_TEXT = "#3f6a8f";
  var STYLE = {
    country: { weight: "600 ", size: [11, 11, 12, 12, 13, 13, 14], color: "#6b5f4f", upper: true, wrap: 12 },
    capital: { weight: "600 ", size: [12, 12, 12, 12, 13, 13, 13], color: "#1f1f1f", dot: "square" },
    city: { weight: "", size: [11, 11, 11, 11, 12, 12, 12], color: "#333333", dot: "circle" },
    sea: { weight: "italic ", size: [11, 11, 12, 12, 13, 13, 13], color: WATER_TEXT, wrap: 14, serif: true },
    lake: { weight: "italic ", size: [10, 10, 11, 11, 11, 12, 12], color: WATER_TEXT, serif: true },
    river: { weight: "italic ", size: [10, 10, 10, 10, 11, 11, 11], color: WATER_TEXT, serif: true }
  };
  var SANS = "system-ui, -apple-system, 'Segoe UI', sans-serif", SERIF = "Georgia, 'Times New Roman', serif";
  var PAD = 2;  // px of free space kept round every name
  // A style's size step at a zoom, and its font at that step (the labels and the capitals' reserved boxes alike).
  function levelAt(zoom) { return Math.max(0, Math.min(6, Math.round(zoom) - 2)); }
  function fontOf(st, level) { return st.weight + st.size[level] + "px " + (st.serif ? SERIF : SANS); }
  var OBSTACLES = ".leaflet-control, .leaflet-marker-icon, .leaflet-tooltip";

  function project(lon, lat) {  // Web Mercator at zoom 0: at zoom z a point is (x, y) * 2^z
    var p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lon), 0);
    return [p.x, p.y];
  }

  // integer steps (lon, lat in 1/scale degrees, the first from 0) -> projected points at zoom 0 and their box
  function line(steps, scale) {
    var n = steps.length / 2, xy = new Float64Array(steps.length), x = 0, y = 0, k;
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    for (k = 0; k < n; k++) {
      x += steps[2 * k]; y += steps[2 * k + 1];
      var p = project(x / scale, Math.max(-85, Math.min(85, y / scale)));
      xy[2 * k] = p[0]; xy[2 * k + 1] = p[1];
      if (p[0] < box[0]) box[0] = p[0];
      if (p[1] < box[1]) box[1] = p[1];
      if (p[0] > box[2]) box[2] = p[0];
      if (p[1] > box[3]) box[3] = p[1];
    }
    return { xy: xy, box: box };
  }

  function prepare(data) {
    var s = data.scale;
    return {
      labels: data.labels.map(function (l) {
        var p = project(l[2], Math.max(-85, Math.min(85, l[3])));
        return { kind: l[0], name: l[1], x: p[0], y: p[1], zoom: l[4], widths: {} };
      }),
      rivers: data.rivers.map(function (r) { var g = line(r[2], s); g.zoom = r[0]; g.width = r[1]; return g; }),
      lakes: data.lakes.map(function (r) {
        var rings = r[1].map(function (steps) { return line(steps, s); });
        return { zoom: r[0], rings: rings, box: rings[0].box };
      })
    };
  }

  function wrapped(text, at) {  // "United States / of America": two lines, as even as the words allow
    if (!at || text.length <= at || text.indexOf(" ") < 0) return [text];
    var words = text.split(" "), best = [text], worst = Infinity;
    for (var k = 1; k < words.length; k++) {
      var a = words.slice(0, k).join(" "), b = words.slice(k).join(" "), w = Math.max(a.length, b.length);
      if (w < worst) { worst = w; best = [a, b]; }
    }
    return best;
  }

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  function newCanvas(map, pane, z, cls) {
    if (!map.getPane(pane)) {
      map.createPane(pane);
      map.getPane(pane).style.zIndex = z;
      map.getPane(pane).style.pointerEvents = "none";
    }
    return L.DomUtil.create("canvas", cls, map.getPane(pane));
  }

  function fit(map, canvas) { return window.OSINT._.fitCanvas(map, canvas); }  // osint-core.js, loaded first

  var LabelLayer = L.Layer.extend({
    initialize: function (data, options) {
      this._data = prepare(data);
      this._water = !options || options.water !== false;
      this._drawn = [];
    },

    onAdd: function (map) {
      this._map = map;
      if (this._water) {
        this._waterCanvas = newCanvas(map, "osint-water", 260, "osint-water-canvas leaflet-zoom-animated");
        map.on("zoomanim", this._animZoom, this);
      }
      this._labelCanvas = newCanvas(map, "osint-labels", 420, "osint-labels-canvas");
      map.getContainer()._osintLabels = this;
      map.on("moveend zoomend resize viewreset", this._redraw, this);
      map.on("layeradd layerremove", this._soon, this);  // base markers and controls come and go
      map.on("zoomstart", this._hide, this);
      var events = map.getContainer()._osintEvents;  // drawn before the names came: its route labels move off capitals
      if (events && events._redraw) events._redraw();
      this._redraw();
    },

    // Where the capitals in view would put their dot and name (right of the dot), in container pixels: the events
    // canvas keeps its route labels off them, so a route's date never hides the theatre's capital.
    capitalBoxes: function () {
      var map = this._map, out = [];
      if (!map) return out;
      var v = this._view(), level = levelAt(v.zoom), st = STYLE.capital;
      var ctx = this._labelCanvas.getContext("2d");
      ctx.font = fontOf(st, level);
      this._data.labels.forEach(function (l) {
        if (l.kind !== "capital" || l.zoom > v.zoom + 0.01) return;
        var x = l.x * v.scale - v.ox, y = l.y * v.scale - v.oy;
        if (x < 0 || x > v.size.x || y < 0 || y > v.size.y) return;
        var tw = ctx.measureText(l.name).width, th = st.size[level] + 2;
        out.push([x - 3 - PAD, y - th / 2 - PAD, x + 5 + tw + PAD, y + th / 2 + PAD]);
      });
      return out;
    },

    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this._redraw, this);
      map.off("layeradd layerremove", this._soon, this);
      map.off("zoomstart", this._hide, this);
      map.off("zoomanim", this._animZoom, this);
      if (map.getContainer()._osintLabels === this) map.getContainer()._osintLabels = null;
      if (this._waterCanvas) L.DomUtil.remove(this._waterCanvas);
      L.DomUtil.remove(this._labelCanvas);
      this._map = null;
    },

    _soon: function () {
      var self = this;
      if (this._pending || !this._map || this._map._animatingZoom) return;
      this._pending = window.requestAnimationFrame(function () { self._pending = null; self._drawLabels(); });
    },

    _hide: function () { this._labelCanvas.style.visibility = "hidden"; },

    // during a zoom animation the water canvas scales with the basemap (as Leaflet's own renderers do)
    _animZoom: function (e) {
      var map = this._map;
      if (!map || !this._center) return;
      var scale = map.getZoomScale(e.zoom, this._zoom);
      var offset = map.getSize().multiplyBy(-0.5 * scale).add(map.project(this._center, e.zoom))
        .subtract(map._getNewPixelOrigin(e.center, e.zoom));
      L.DomUtil.setTransform(this._waterCanvas, offset, scale);
    },

    _view: function () {
      var map = this._map, topLeft = map.containerPointToLayerPoint([0, 0]), po = map.getPixelOrigin();
      return { scale: Math.pow(2, map.getZoom()), ox: po.x + topLeft.x, oy: po.y + topLeft.y, size: map.getSize(),
               zoom: map.getZoom() };
    },

    _redraw: function () {
      if (!this._map) return;
      if (this._water) this._drawWater();
      this._drawLabels();
    },

    _drawWater: function () {
      var map = this._map, v = this._view(), ctx = fit(map, this._waterCanvas), n = 0;
      this._center = map.getCenter(); this._zoom = v.zoom;
      var x0 = v.ox / v.scale, y0 = v.oy / v.scale, x1 = (v.ox + v.size.x) / v.scale, y1 = (v.oy + v.size.y) / v.scale;
      var inView = function (b) { return b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0; };
      var path = function (g) {
        var xy = g.xy;
        ctx.moveTo(xy[0] * v.scale - v.ox, xy[1] * v.scale - v.oy);
        for (var k = 2; k < xy.length; k += 2) ctx.lineTo(xy[k] * v.scale - v.ox, xy[k + 1] * v.scale - v.oy);
      };
      ctx.lineJoin = "round"; ctx.lineCap = "round"; ctx.strokeStyle = WATER;
      var grow = v.zoom >= 7 ? 1.5 : v.zoom >= 5 ? 1.2 : 1;
      this._data.rivers.forEach(function (r) {
        if (r.zoom > v.zoom + 0.5 || !inView(r.box)) return;
        ctx.beginPath(); path(r); ctx.lineWidth = r.width * grow; ctx.stroke(); n++;
      });
      ctx.fillStyle = LAKE_FILL; ctx.lineWidth = 0.7;
      this._data.lakes.forEach(function (lake) {
        if (lake.zoom > v.zoom + 0.5 || !inView(lake.box)) return;
        ctx.beginPath();
        lake.rings.forEach(function (ring) { path(ring); ctx.closePath(); });
        ctx.fill("evenodd"); ctx.stroke(); n++;
      });
      map.getContainer().setAttribute("data-water-drawn", String(n));
    },

    _obstacles: function () {
      var box = this._map.getContainer().getBoundingClientRect(), out = [];
      Array.prototype.forEach.call(this._map.getContainer().querySelectorAll(OBSTACLES), function (node) {
        var r = node.getBoundingClientRect();
        if (r.width && r.height) out.push([r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]);
      });
      var events = this._map.getContainer()._osintEvents;  // the route labels the events canvas drew
      if (events && events.labelBoxes) out = out.concat(events.labelBoxes());
      return out;
    },

    _drawLabels: function () {
      var map = this._map;
      if (!map) return;
      var t0 = performance.now(), v = this._view(), ctx = fit(map, this._labelCanvas);
      var level = levelAt(v.zoom), w = v.size.x, h = v.size.y;
      var taken = this._obstacles(), blocked = taken.length, drawn = [];
      var free = function (b) {
        if (b[0] < 0 || b[1] < 0 || b[2] > w || b[3] > h) return false;
        for (var k = 0; k < taken.length; k++) if (overlaps(b, taken[k])) return false;
        return true;
      };
      ctx.textBaseline = "middle"; ctx.lineJoin = "round";
      var labels = this._data.labels;
      for (var i = 0; i < labels.length; i++) {
        var l = labels[i];
        if (l.zoom > v.zoom + 0.01) continue;
        var x = l.x * v.scale - v.ox, y = l.y * v.scale - v.oy;
        if (x < -200 || x > w + 200 || y < -40 || y > h + 40) continue;
        var st = STYLE[l.kind] || STYLE.city, size = st.size[level];
        var font = fontOf(st, level);
        var text = st.upper ? l.name.toUpperCase() : l.name;
        var lines = wrapped(text, v.zoom < 5 ? st.wrap : 0);
        ctx.font = font;
        var key = font + lines.length, tw = l.widths[key];
        if (tw === undefined) {
          tw = l.widths[key] = Math.max.apply(null, lines.map(function (s) { return ctx.measureText(s).width; }));
        }
        var lh = size + 2, th = lh * lines.length, spot = null, dot = null;
        if (st.dot) {
          dot = [x - 3, y - 3, x + 3, y + 3];
          if (!free(dot)) continue;
          var tries = [[x + 5, y - th / 2], [x - 5 - tw, y - th / 2], [x - tw / 2, y - 4 - th], [x - tw / 2, y + 4]];
          for (var t = 0; t < tries.length && !spot; t++) {
            var b = [tries[t][0] - PAD, tries[t][1] - PAD, tries[t][0] + tw + PAD, tries[t][1] + th + PAD];
            if (free(b)) spot = { left: tries[t][0], top: tries[t][1], box: b };
          }
        } else {
          // on its point, else a little above or below it (a base's label lying on a country's middle)
          var shifts = l.kind === "river" ? [0] : l.kind === "lake" ? [0, -1, 1] : [0, -1, 1, -2, 2, -3, 3];
          for (var sh = 0; sh < shifts.length && !spot; sh++) {
            var top = y - th / 2 + shifts[sh] * (th + 4), c = [x - tw / 2 - PAD, top - PAD, x + tw / 2 + PAD, top + th + PAD];
            if (free(c)) spot = { left: x - tw / 2, top: top, box: c };
          }
        }
        if (!spot) continue;
        taken.push(spot.box);
        if (dot) taken.push(dot);
        this._paint(ctx, st, lines, spot, x, y, lh);
        drawn.push({ kind: l.kind, name: l.name, box: spot.box });
      }
      this._drawn = drawn;
      var box = map.getContainer();
      box.setAttribute("data-labels-drawn", String(drawn.length));
      box.setAttribute("data-labels-obstacles", String(blocked));
      box.setAttribute("data-labels-ms", (performance.now() - t0).toFixed(1));
    },

    _paint: function (ctx, st, lines, spot, x, y, lh) {
      if (st.dot === "square") {
        ctx.fillStyle = "#ffffff"; ctx.fillRect(x - 3.5, y - 3.5, 7, 7);
        ctx.fillStyle = "#1f1f1f"; ctx.fillRect(x - 2.5, y - 2.5, 5, 5);
      } else if (st.dot) {
        ctx.beginPath(); ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
        ctx.fillStyle = "#444444"; ctx.fill(); ctx.lineWidth = 1; ctx.strokeStyle = "#ffffff"; ctx.stroke();
      }
      ctx.textAlign = "left";
      if ("letterSpacing" in ctx) ctx.letterSpacing = st.upper ? "0.5px" : "0px";
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.85)"; ctx.fillStyle = st.color;
      lines.forEach(function (s, k) {
        var tx = spot.left, ty = spot.top + lh * k + lh / 2;
        if (lines.length > 1 && !st.dot) tx = x - ctx.measureText(s).width / 2;
        ctx.strokeText(s, tx, ty); ctx.fillText(s, tx, ty);
      });
    },

    getAttribution: function () { return "Names: GeoNames (CC BY 4.0), Natural Earth"; },

    // What was drawn, in map container pixels (tests).
    drawn: function () { return this._drawn.slice(); }
  });

  // Fetch the labels once and draw them on `map`; options.water = false leaves rivers and lakes out (online tiles).
  function labels(map, url, options) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error("labels " + r.status);
      return r.json();
    }).then(function (data) {
      var layer = new LabelLayer(data, options);
      layer.addTo(map);
      map.getContainer().setAttribute("data-labels", "loaded");
      return layer;
    }).catch(function (err) {
      map.getContainer().setAttribute("data-labels", "failed: " + err.message);
    });
  }

  var ns = window.OSINT = window.OSINT || {};
  ns.labels = labels;
  ns.LabelLayer = LabelLayer;
})();
