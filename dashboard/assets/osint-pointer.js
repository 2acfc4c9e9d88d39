/* The events canvas under the pointer: hit tests, click popups (one event, a cluster's place, a route's
 * movements), hover tooltips, the table's selected event, and where things are drawn (for tests). */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;
  var AREA_HIT_UP_TO = 160;  // px: a larger area is clicked at its centre only (it would catch every click on the map)

  O.EventCanvas.include({
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
      if (best) return best;
      // inside a country's (region's, province's) area, away from its centre: that place's events
      h.areas.forEach(function (a) {
        var dd = Math.hypot(a.x - pt.x, a.y - pt.y);
        if (dd <= a.r && a.r <= AREA_HIT_UP_TO && dd < bestD) { bestD = dd; best = { kind: a.items.length === 1 ? "event" : "area", items: a.items, x: a.x, y: a.y }; }
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
      this.details(hit.items.slice(0, _.MAX_LIST)).then(function (details) {
        var content = hit.items.length === 1 ? _.eventPopup(draw.vocabulary, details[hit.items[0]])
          : _.listPopup(draw.vocabulary, details, hit.items, hit.kind === "route"
            ? draw.places[hit.route.o][0] + " → " + draw.places[hit.route.d][0] + ": " + _.plural(hit.items.length, "movement")
            : _.plural(hit.items.length, "event") + " here");
        L.popup(_.popupOptions(map)).setLatLng(latlng).setContent(content).openOn(map);
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
          text = _.prepare(draw).label[draw.t[i]] + " · " + _.dayText(draw, i) + " · " + draw.places[draw.p[i]][0];
        } else if (hit.kind === "route") {
          text = draw.places[hit.route.o][0] + " → " + draw.places[hit.route.d][0] + " · " + _.plural(hit.items.length, "movement");
        } else if (hit.kind === "area") {
          text = _.plural(hit.items.length, "event") + " · " + draw.places[draw.p[hit.items[0]]][0] + " (" + _.prepare(draw).prec[draw.p[hit.items[0]]] + "-level)";
        } else {
          text = hit.items.length + " events: click to zoom in";
        }
        self._tooltip = self._tooltip || L.tooltip({ direction: "top", offset: [0, -8] });
        self._tooltip.setLatLng(self._map.containerPointToLatLng([hit.x, hit.y])).setContent(_.el("span", null, text));
        if (!self._map.hasLayer(self._tooltip)) self._tooltip.addTo(self._map);
      });
    },

    // Open event i's popup at its place (the table's selected row); shown even when it is in a cluster.
    openEvent: function (i) {
      var draw = this._draw, map = this._map, self = this;
      if (!draw || !map || i < 0 || i >= draw.n) return;
      // a movement's popup opens at its arrowhead (the destination as drawn), not at its place's centroid
      var k = draw.o[i] >= 0 && draw.d[i] >= 0 ? draw.d[i] : draw.p[i] >= 0 ? draw.p[i] : draw.d[i];
      if (k < 0) return;
      this.details([i]).then(function (details) {
        // after the app has set the view for this rerun (st_folium moves the map once the layers are in),
        // so the popup's auto-pan keeps it whole on screen
        setTimeout(function () {
          if (!self._map) return;
          L.popup(_.popupOptions(map))
            .setLatLng([draw.places[k][2], draw.places[k][1]]).setContent(_.eventPopup(draw.vocabulary, details[i])).openOn(map);
          map.getContainer().setAttribute("data-popup", "selected");
        }, 250);
      });
    },

    // Where drawn things are, in container pixels (tests and the benchmark click on them like a user).
    drawn: function () {
      var size = this._map ? this._map.getSize() : L.point(0, 0);
      return { dots: this._hits.dots, clusters: this._hits.clusters, routes: this._hits.routes, areas: this._hits.areas,
               labels: (this._labels || []).slice(), size: [size.x, size.y] };
    }
  });

  function segDist(p, a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((p.x - a[0]) * dx + (p.y - a[1]) * dy) / l2)) : 0;
    return Math.hypot(p.x - (a[0] + t * dx), p.y - (a[1] + t * dy));
  }
})();
