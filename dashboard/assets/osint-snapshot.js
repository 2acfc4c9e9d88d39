/* The PNG for slides (OSINT.snapshot, and the map's PNG button): the map as drawn (basemap, events, routes,
 * bases, caption) with a compact legend, its colours, labels and symbols from the map's vocabulary. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;

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

  O.snapshot = function snapshot(map, scale) {
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
    var known = map._osintVocab || { v: null, extra: [] }, v = known.v;
    bases.forEach(function (m) {
      var p = map.latLngToContainerPoint(m.getLatLng()), props = m.feature.properties, s = _.baseStatus(v, props.status);
      var img = m._icon && m._icon.querySelector(".osint-base-app6 img"), anchor = m.options.icon.options.iconAnchor;
      if (img && img.complete && img.naturalWidth) {  // a NATO symbol (its SVG is a data: URI: the canvas stays clean)
        ctx.drawImage(img, p.x - anchor[0], p.y - anchor[1], img.width, img.height);
        labelBox(ctx, props.name + " — " + s.label, p.x + img.width - anchor[0] + 4, p.y, "600 13px system-ui, sans-serif", false);
        return;
      }
      ctx.fillStyle = s.fill; ctx.strokeStyle = s.stroke; ctx.lineWidth = 2;
      roundRect(ctx, p.x - 12, p.y - 12, 24, 24, 4); ctx.fill(); ctx.stroke();
      ctx.fillStyle = "#111"; ctx.font = "16px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(_.kind(v, props.kind).symbol, p.x, p.y + 1);
      labelBox(ctx, props.name + " — " + s.label, p.x + 16, p.y, "600 13px system-ui, sans-serif", false);
    });
    if (map._osintCaption && map._osintCaption._div.textContent) {
      labelBox(ctx, map._osintCaption._div.textContent, 10, size.y - 24, "600 15px system-ui, sans-serif", false);
    }
    // a compact legend, bottom right
    var types = v ? O.legendTypes(known) : [], lh = 15, lw = 200, lx = size.x - lw - 10, ly = size.y - types.length * lh - 44;
    ctx.fillStyle = "rgba(255,255,255,0.92)"; roundRect(ctx, lx, ly, lw, types.length * lh + 34, 4); ctx.fill();
    ctx.font = "11px system-ui, sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "middle";
    types.forEach(function (t, n) {
      var y = ly + 10 + n * lh;
      ctx.fillStyle = t.color; ctx.beginPath(); ctx.arc(lx + 12, y, 5, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = "#111"; ctx.fillText(t.label, lx + 24, y);
    });
    ctx.strokeStyle = O.MOVE_COLOR; ctx.lineWidth = 2; ctx.beginPath();
    ctx.moveTo(lx + 6, ly + 10 + types.length * lh); ctx.lineTo(lx + 20, ly + 10 + types.length * lh); ctx.stroke();
    ctx.fillStyle = "#111"; ctx.fillText("movement (dashed: approx. date)", lx + 24, ly + 10 + types.length * lh);
    ctx.fillStyle = "#555"; ctx.font = "10px system-ui, sans-serif";
    ctx.fillText("Basemap: Natural Earth", lx + 6, ly + 24 + types.length * lh);
    return out;
  };

  O.snapshotControl = function snapshotControl(map, filename) {
    if (map._osintSnapshot) return map._osintSnapshot;
    var Snap = L.Control.extend({
      onAdd: function () {
        var btn = _.el("a", "osint-snapshot", "PNG");
        btn.href = "#"; btn.title = "Save the map as it is now as a PNG image (for slides)";
        btn.setAttribute("role", "button");
        L.DomEvent.disableClickPropagation(btn);
        L.DomEvent.on(btn, "click", function (e) {
          L.DomEvent.preventDefault(e);
          var canvas = O.snapshot(map, 2);
          var caption = map._osintCaption ? map._osintCaption._div.textContent : "";
          var name = (filename || "osint-map") + (caption ? "_" + caption.replace(/[^0-9A-Za-z]+/g, "-") : "") + ".png";
          canvas.toBlob(function (blob) {
            var a = document.createElement("a");
            a.href = URL.createObjectURL(blob); a.download = name;
            document.body.appendChild(a); a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          }, "image/png");
        });
        var bar = _.el("div", "leaflet-bar osint-snapshot-bar");
        bar.appendChild(btn);
        return bar;
      }
    });
    map._osintSnapshot = new Snap({ position: "topleft" }).addTo(map);
    return map._osintSnapshot;
  };
})();
