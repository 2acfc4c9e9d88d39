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

  function eventPopup(p) {
    var box = el("div", "osint-popup");
    box.appendChild(el("div", "osint-title osint-type-" + safeClass(p.type), p.type.replace(/_/g, " ") + " · " + p.status));
    row(box, "Date", dateText(p));
    if (p.date_text) row(box, "Date in text", "“" + p.date_text + "”");
    if (p.origin || p.destination) row(box, "Movement", (p.origin || "?") + " → " + (p.destination || "?"));
    row(box, "Place", p.place);
    if (p.actors && p.actors.length) row(box, "Actors", p.actors.join(", "));
    box.appendChild(el("blockquote", "osint-quote", p.quote));
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
    row(box, "Events", (p.events || []).length);
    return box;
  }

  var KIND_SYMBOL = { air_base: "✈", airport: "✈", naval_base: "⚓", port: "⚓", military_base: "★" };

  // Events at one place are fanned out on a small ring (in pixels, so at every zoom) instead of hiding each other.
  function fanOffset(seen, latlng) {
    var key = latlng.lat.toFixed(4) + "," + latlng.lng.toFixed(4);
    var i = seen[key] = (seen[key] === undefined ? 0 : seen[key] + 1);
    if (i === 0) return [7, 7];
    var ring = 1 + Math.floor((i - 1) / 8), angle = ((i - 1) % 8) * Math.PI / 4 + ring * 0.4, r = 12 * ring;
    return [7 - Math.round(r * Math.cos(angle)), 7 - Math.round(r * Math.sin(angle))];
  }

  function eventLayer(data) {
    var seen = {};
    return L.geoJSON(data, {
      filter: function (f) { return f.geometry && f.geometry.type === "Point"; },
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        var exact = p.date_precision === "day";
        var cls = "osint-ev osint-type-" + safeClass(p.type) + (exact ? "" : " osint-ev-approx");
        var anchor = fanOffset(seen, latlng);
        var marker = L.marker(latlng, { icon: L.divIcon({ className: cls, iconSize: [14, 14], iconAnchor: anchor }), riseOnHover: true });
        marker.bindPopup(eventPopup(p), { maxWidth: 360 });
        marker.bindTooltip(el("span", null, p.type.replace(/_/g, " ") + " · " + (p.date || "undated") + " · " + (p.place || "")));
        return marker;
      }
    });
  }

  function movementLayer(data) {
    var group = L.featureGroup();
    (data.features || []).forEach(function (f) {
      if (!f.geometry || f.geometry.type !== "LineString") return;
      var p = f.properties;
      var c = f.geometry.coordinates;
      var a = L.latLng(c[0][1], c[0][0]);
      var b = L.latLng(c[1][1], c[1][0]);
      var exact = p.date_precision === "day";
      var line = L.polyline([a, b], {
        className: "osint-move osint-type-" + safeClass(p.type), weight: 3, opacity: 0.9,
        dashArray: exact ? null : "6 6", color: "#b03a2e"
      });
      line.bindPopup(eventPopup(p), { maxWidth: 360 });
      group.addLayer(line);
      // Arrowhead at the destination, turned along the line as drawn (Web Mercator at zoom 0).
      var pa = L.CRS.EPSG3857.latLngToPoint(a, 0), pb = L.CRS.EPSG3857.latLngToPoint(b, 0);
      var angle = Math.atan2(pb.y - pa.y, pb.x - pa.x) * 180 / Math.PI;
      var head = L.marker(b, {
        icon: L.divIcon({
          className: "osint-arrow", iconSize: [18, 18], iconAnchor: [9, 9],
          html: '<div style="transform: rotate(' + angle.toFixed(1) + 'deg)">➤</div>'
        }),
        interactive: true
      });
      head.bindPopup(eventPopup(p), { maxWidth: 360 });
      group.addLayer(head);
    });
    return group;
  }

  function baseLayer(data) {
    return L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        var symbol = KIND_SYMBOL[p.kind] || "■";
        var icon = L.divIcon({
          className: "osint-base osint-status-" + safeClass(p.status), iconSize: [24, 24], iconAnchor: [12, 12],
          html: symbol
        });
        var marker = L.marker(latlng, { icon: icon, zIndexOffset: 1000 });
        marker.bindPopup(basePopup(p));
        marker.bindTooltip(el("span", null, p.name + " — " + p.status), { permanent: true, direction: "right", offset: [12, 0], className: "osint-base-label" });
        return marker;
      }
    });
  }

  function basemap(map, url) {
    if (!map.getPane("osint-basemap")) {
      map.createPane("osint-basemap");
      map.getPane("osint-basemap").style.zIndex = 250;
    }
    map.getContainer().classList.add("osint-sea");
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error("basemap " + r.status);
      return r.json();
    }).then(function (geo) {
      // One canvas for ~240 country polygons: far cheaper to draw than as many SVG paths.
      var layer = L.geoJSON(geo, {
        pane: "osint-basemap", interactive: false, renderer: L.canvas({ pane: "osint-basemap" }),
        style: { color: "#7d8a96", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }
      });
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

  window.OSINT = { eventLayer: eventLayer, movementLayer: movementLayer, baseLayer: baseLayer, basemap: basemap, caption: caption,
                  mentionLayer: mentionLayer };
})();
