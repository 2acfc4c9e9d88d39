/* The offline basemap (Natural Earth countries, OSINT.basemap), the place mentions layer and the map's
 * caption (the date range shown). */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;

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

  O.basemap = function basemap(map, url, fill) {
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
  };

  // Every place the machine read in the articles shown, as small grey dots (what was geocoded, and where).
  O.mentionLayer = function mentionLayer(data) {
    return L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        var dot = L.circleMarker(latlng, { radius: 4, weight: 1, color: "#555", fillColor: "#bbb", fillOpacity: 0.8,
                                           className: "osint-mention" });
        dot.bindTooltip(_.el("span", null, p.name + " — " + p.count + "× in " + _.plural(p.articles, "article") + ": " + p.texts));
        return dot;
      }
    });
  };

  // One caption on the map (the date range shown), created once and updated on every rerun.
  O.caption = function caption(map, text) {
    if (!map._osintCaption) {
      var Caption = L.Control.extend({
        onAdd: function () { this._div = _.el("div", "osint-caption"); return this._div; },
        setText: function (t) { this._div.textContent = t; this._div.style.display = t ? "" : "none"; }
      });
      map._osintCaption = new Caption({ position: "bottomleft" }).addTo(map);
    }
    map._osintCaption.setText(String(text || ""));
    return L.layerGroup();  // nothing to draw: the feature group stays empty
  };
})();
