/* The view a briefing room can read (issue 15): the map follows the data (after a change of dates, filters,
 * preset or playback step it frames the events in range, arrowheads inside, unless "Follow the data" is off or a
 * narrative step or a selected event frames it), the map fills the window in presentation mode, base labels
 * keep clear of each other and of the controls, the legend keeps off the data's centre, popups open clear of
 * the controls, and every drawn label's box is reported (OSINT.drawnLabels) for the tests.
 * Reports on the map container: data-view-fits ("1": every event in range is in view, "0": not, "none": no
 * event in range), data-view-refits (how many times the map framed the data itself), data-view-follow. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;
  var MAX_FIT_ZOOM = 8;       // framing one place does not zoom in to the street
  var EDGE = 34;              // px kept free round the data (an arrow's bend and head, a dot's ring)

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  function rectIn(node, box) {
    var r = node.getBoundingClientRect();
    return r.width && r.height ? [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top] : null;
  }

  function controlBoxes(map, selector) {
    var c = map.getContainer(), box = c.getBoundingClientRect(), out = [];
    Array.prototype.forEach.call(c.querySelectorAll(selector || ".leaflet-control"), function (n) {
      var r = rectIn(n, box);
      if (r) out.push(r);
    });
    return out;
  }

  // Padding that keeps the data (or a popup) off the map's controls: the corners' controls, as margins.
  function controlMargins(map) {
    var size = map.getSize(), m = { left: 0, top: 0, right: 0, bottom: 0 };
    controlBoxes(map).forEach(function (b) {
      var w = b[2] - b[0], h = b[3] - b[1];
      if (w > size.x * 0.6 || h > size.y * 0.6) return;  // an open legend: handled by placeLegend
      var leftSide = b[0] < size.x / 2, topSide = b[1] < size.y / 2;
      if (leftSide && topSide) m.left = Math.max(m.left, b[2]);
      if (topSide && !leftSide) m.top = Math.max(m.top, b[3]);
      if (!topSide) m.bottom = Math.max(m.bottom, size.y - b[1]);
    });
    return m;
  }

  // Popups open with the close button clear of the controls (and the whole popup inside the map).
  _.popupOptions = function (map) {
    var m = controlMargins(map), size = map.getSize();
    return { maxWidth: 380, maxHeight: Math.max(160, Math.min(420, size.y - m.bottom - 90)), autoPan: true,
             autoPanPaddingTopLeft: [m.left + 10, m.top + 10], autoPanPaddingBottomRight: [12, m.bottom + 10] };
  };

  // ---- base labels: none over another, a control or a base marker; nudged up or down, else hidden ----
  var NUDGES = [0, 20, -20, 40, -40];

  O.declutterBases = function declutterBases(map) {
    var c = map.getContainer(), box = c.getBoundingClientRect(), size = map.getSize();
    var tips = c.querySelectorAll(".leaflet-tooltip.osint-base-label");
    if (!tips.length) return 0;
    var taken = controlBoxes(map, ".leaflet-control, .leaflet-marker-icon"), hidden = 0, changed = false;
    // and of the labels the events canvas has drawn: when the bases are laid out again after it (a frame after a
    // move, a status that changed a label's width), they keep clear of its route and "country-level" labels
    // (the canvas itself clears its labels before it lays the bases out, then keeps clear of them)
    var events = c._osintEvents;
    if (events && events.labelBoxes) taken = taken.concat(events.labelBoxes());
    Array.prototype.forEach.call(tips, function (tip) {
      var was = tip.style.marginTop + "|" + tip.classList.contains("osint-label-hidden");
      tip.classList.remove("osint-label-hidden");
      tip.style.marginTop = "";
      var r = rectIn(tip, box), spot = null;
      for (var k = 0; r && k < NUDGES.length && !spot; k++) {
        var b = [r[0] - 1, r[1] + NUDGES[k] - 1, r[2] + 1, r[3] + NUDGES[k] + 1];
        if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y) continue;
        if (!taken.some(function (o) { return overlaps(b, o); })) spot = { box: b, dy: NUDGES[k] };
      }
      if (spot) {
        taken.push(spot.box);
        if (spot.dy) tip.style.marginTop = spot.dy + "px";
      } else {
        tip.classList.add("osint-label-hidden");
        hidden++;
      }
      if (was !== tip.style.marginTop + "|" + tip.classList.contains("osint-label-hidden")) changed = true;
    });
    c.setAttribute("data-base-labels-hidden", String(hidden));
    if (changed && c._osintLabels) c._osintLabels._soon();
    return hidden;
  };

  // Every label drawn on the map, in container pixels: basemap names, base labels, the canvas's route labels.
  O.drawnLabels = function drawnLabels(map) {
    var c = map.getContainer(), box = c.getBoundingClientRect(), out = [];
    if (c._osintLabels) c._osintLabels.drawn().forEach(function (l) { out.push({ source: "basemap", text: l.name, box: l.box }); });
    Array.prototype.forEach.call(c.querySelectorAll(".leaflet-tooltip.osint-base-label"), function (n) {
      var r = rectIn(n, box);
      if (r && !n.classList.contains("osint-label-hidden")) out.push({ source: "base", text: n.textContent, box: r });
    });
    if (c._osintEvents && c._osintEvents._labels) {
      c._osintEvents._labels.forEach(function (l) { out.push({ source: "canvas", kind: l.kind, text: l.text, box: l.box }); });
    }
    return { labels: out, controls: controlBoxes(map), size: [map.getSize().x, map.getSize().y] };
  };

  // ---- the legend keeps off the data's centre ----
  function placeLegend(map) {
    var ctl = map._osintLegend, ev = map.getContainer()._osintEvents;
    if (!ctl || !ev || !ev._draw) return;
    var centre = ev.dataCentre();
    if (!centre) return;
    var node = ctl.getContainer(), box = map.getContainer().getBoundingClientRect();
    var order = ["bottomright", "topright", "bottomleft"];
    for (var k = 0; k < order.length; k++) {
      if (ctl.getPosition() !== order[k]) ctl.setPosition(order[k]);
      var r = rectIn(node, box);
      if (!r || !(centre.x >= r[0] - 10 && centre.x <= r[2] + 10 && centre.y >= r[1] - 10 && centre.y <= r[3] + 10)) break;
    }
    map.getContainer().setAttribute("data-legend-at", ctl.getPosition());
  }
  O.placeLegend = placeLegend;

  // ---- following the data ----
  O.EventCanvas.include({
    // The places of what is drawn in range: events' places, movements' both ends.
    _dataPlaces: function () {
      var draw = this._draw, keep = this._keep, spec = this._spec, seen = {}, out = [];
      var add = function (k) { if (k >= 0 && !seen[k]) { seen[k] = true; out.push(k); } };
      for (var i = 0; i < draw.n; i++) {
        if (!keep[i]) continue;
        if (spec.events) add(draw.p[i]);
        if (spec.movements && draw.o[i] >= 0 && draw.d[i] >= 0) { add(draw.o[i]); add(draw.d[i]); }
      }
      return out;
    },

    dataCentre: function () {
      var places = this._dataPlaces(), draw = this._draw;
      if (!places.length || !this._map) return null;
      var b = L.latLngBounds(places.map(function (k) { return [draw.places[k][2], draw.places[k][1]]; }));
      return this._map.latLngToContainerPoint(b.getCenter());
    },

    _frameRows: function (rows) {
      var draw = this._draw, pts = [];
      rows.forEach(function (i) {
        if (i < 0 || i >= draw.n) return;
        var moving = draw.o[i] >= 0 && draw.d[i] >= 0;  // a movement: its two ends as drawn, not its place's centroid
        (moving ? [draw.o[i], draw.d[i]] : [draw.p[i]]).forEach(function (k) { if (k >= 0) pts.push([draw.places[k][2], draw.places[k][1]]); });
      });
      if (!pts.length) return;
      var m = controlMargins(this._map);
      this._map.fitBounds(L.latLngBounds(pts), { paddingTopLeft: [m.left + EDGE * 2, m.top + EDGE * 2],
        paddingBottomRight: [m.right + EDGE * 2, m.bottom + EDGE * 2], maxZoom: MAX_FIT_ZOOM, animate: false });
    },

    // Whether every place in range lies in view, `edge` px inside the map's edges and clear of its controls.
    _allInView: function (places, margins, edge) {
      var map = this._map, draw = this._draw, size = map.getSize();
      return places.every(function (k) {
        var p = map.latLngToContainerPoint([draw.places[k][2], draw.places[k][1]]);
        return p.x >= margins.left + edge && p.y >= margins.top + edge && p.x <= size.x - margins.right - edge &&
               p.y <= size.y - margins.bottom - edge;
      });
    },

    // After the data in range changed (dates, filters, preset, playback step, layers) or the map was resized:
    // frame the data if it is not all in view, unless the analyst switched following off or the app frames
    // the view itself this time (a narrative step, a selected event).
    _follow: function (why) {
      var map = this._map, draw = this._draw, spec = this._spec;
      if (!map || !draw) return;
      var box = map.getContainer(), state = map._osintFollow || (map._osintFollow = { refits: 0 });
      var key = [spec.mask, this._range ? this._range.join(":") : "", spec.events, spec.movements, spec.dates && spec.dates.undated].join("|");
      var frame = spec.frame || "";
      var changed = why === "resize" ? !state.framed : key !== state.key;
      if (frame && frame !== state.frame) {  // the app frames this one: a narrative step, a selected event
        state.framed = true; changed = false;
        // a step frames its event's places as drawn (a country-level end at its border point, not the centroid)
        // (again once st_folium has set the view it was given for this rerun, as openEvent waits for it)
        if (spec.frame_rows && spec.frame_rows.length) {
          var me = this, rows = spec.frame_rows;
          this._frameRows(rows);
          setTimeout(function () { if (me._map && state.frame === frame) me._frameRows(rows); }, 200);
        }
      }
      else if (key !== state.key && why !== "resize") state.framed = false;
      state.key = key; state.frame = frame;
      box.setAttribute("data-view-follow", spec.follow === false ? "off" : "on");
      var places = this._dataPlaces(), margins = controlMargins(map), self = this;
      var report = function () {
        box.setAttribute("data-view-fits", !places.length ? "none" : self._allInView(places, margins, EDGE / 2) ? "1" : "0");
        placeLegend(map);
      };
      if (!places.length || spec.follow === false || !changed || this._allInView(places, margins, EDGE / 2)) { report(); return; }
      var b = L.latLngBounds(places.map(function (k) { return [draw.places[k][2], draw.places[k][1]]; }));
      state.refits++;
      box.setAttribute("data-view-refits", String(state.refits));
      box.setAttribute("data-view-fits", "moving");
      map.fitBounds(b, { paddingTopLeft: [margins.left + EDGE, margins.top + EDGE],
                         paddingBottomRight: [margins.right + EDGE, margins.bottom + EDGE], maxZoom: MAX_FIT_ZOOM, animate: false });
      report();
    }
  });

  // ---- the map fills the window (presentation mode) ----
  // st_folium's iframe has a fixed height; in presentation mode the iframe is sized so that the page ends at the
  // window's bottom (nothing to scroll), and the map inside it follows.
  function fitWindow(map, minHeight) {
    var frame, pwin, pdoc;
    try { frame = window.frameElement; pwin = window.parent; pdoc = pwin.document; } catch (e) { return; }
    if (!frame || !pdoc) return;
    var busy = false;
    var apply = function () {
      if (busy) return;
      var block = pdoc.querySelector("[data-testid='stMainBlockContainer']") || pdoc.querySelector(".block-container");
      var scroller = pdoc.querySelector("[data-testid='stMain']") || pdoc.scrollingElement;
      if (!block || !scroller) return;
      var fr = frame.getBoundingClientRect(), br = block.getBoundingClientRect(), sr = scroller.getBoundingClientRect();
      var room = Math.min(pwin.innerHeight, sr.bottom) - (br.bottom - fr.bottom) - (fr.top + (scroller.scrollTop || 0)) - 2;
      var h = Math.max(minHeight || 320, Math.floor(room));
      if (Math.abs(h - fr.height) < 1) return;
      busy = true;
      frame.style.setProperty("height", h + "px", "important");
      map.getContainer().style.height = h + "px";
      map.invalidateSize({ pan: false });
      map.getContainer().setAttribute("data-window-fit", String(h));
      busy = false;
    };
    pwin.addEventListener("resize", apply);
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function () { window.requestAnimationFrame(apply); });
      var watch = function () {
        var block = pdoc.querySelector("[data-testid='stMainBlockContainer']");
        if (block) ro.observe(block); else setTimeout(watch, 200);
      };
      watch();
    }
    apply();
    setTimeout(apply, 300);
  }

  // Once per map (base_map): the view's behaviours. options.fitWindow: presentation mode.
  O.view = function view(map, options) {
    options = options || {};
    if (map._osintView) return;
    map._osintView = true;
    var soon = null;
    var again = function () {
      if (soon) return;
      soon = window.requestAnimationFrame(function () { soon = null; O.declutterBases(map); });
    };
    map.on("moveend zoomend layeradd", again);
    map.on("resize", function () {
      var ev = map.getContainer()._osintEvents;
      if (ev) ev._follow("resize");
      again();
    });
    map.on("moveend", function () { placeLegend(map); });
    if (options.fitWindow) fitWindow(map, options.minHeight);
  };
})();
