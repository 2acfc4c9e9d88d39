/* The legend (OSINT.legend), drawn on the map so a screenshot or a projected briefing carries it. Its key
 * is the vocabulary the map's data brings (event types and colours, every base status including the one
 * shown before any report); it is drawn when that data arrives and redrawn if the vocabulary changes. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._, el = _.el;

  function swatchRow(cls, color, label) {
    var line = el("div", "osint-legend-row " + cls), sw = el("span", "osint-swatch");
    sw.style.background = color;
    line.appendChild(sw); line.appendChild(el("span", null, label));
    return line;
  }

  // The key's event types: the vocabulary's, then any type in the data it does not know (grey, raw name).
  function legendTypes(known) {
    return known.v.types.concat(known.extra.map(function (t) { return _.eventType(known.v, t); }));
  }

  function fill(box, known, map) {
    var v = known.v;
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(el("div", "osint-legend-title", "Events"));
    legendTypes(known).forEach(function (t) {
      var line = swatchRow("osint-legend-type", t.color, t.label);
      line.setAttribute("data-type", t.name);
      box.appendChild(line);
    });
    var approx = el("div", "osint-legend-row"), hollow = el("span", "osint-swatch osint-swatch-approx");
    var exact = v.precisions.filter(function (p) { return p.exact; }).map(function (p) { return p.label; });
    approx.appendChild(hollow);
    approx.appendChild(el("span", null, "date not known " + (exact.length ? exact.join(", ") : "exactly")));
    box.appendChild(approx);
    var cl = el("div", "osint-legend-row"), bubble = el("span", "osint-swatch osint-swatch-cluster", "n");
    cl.appendChild(bubble); cl.appendChild(el("span", null, "cluster of n events (click to zoom)"));
    box.appendChild(cl);
    var area = el("div", "osint-legend-row osint-legend-area"), circle = el("span", "osint-swatch osint-swatch-area");
    circle.appendChild(el("span", "osint-swatch-area-centre"));
    area.appendChild(circle);
    area.appendChild(el("span", null, "place known only to its country, region or province (circle: rough extent)"));
    box.appendChild(area);
    box.appendChild(el("div", "osint-legend-title", "Movements"));
    box.appendChild(el("div", "osint-legend-row osint-legend-move", "➤ origin → destination; dashed: date not exact; dotted: an end inferred from the article; ×n on one route"));
    var coarse = el("div", "osint-legend-row osint-legend-move osint-legend-coarse");
    coarse.appendChild(el("span", "osint-swatch-openhead", "▷"));
    coarse.appendChild(el("span", null, "open head / ○ tail “country-level”: that end is known only to its country (drawn at its border)"));
    box.appendChild(coarse);
    box.appendChild(el("div", "osint-legend-title", map && map._osintSymbols
      ? "Bases: NATO APP-6 symbols, affiliation unknown; the halo is the status on the end date"
      : "Bases (status on the end date)"));
    v.base_statuses.forEach(function (s) {
      var line = el("div", "osint-legend-row osint-legend-status"), sw = el("span", "osint-swatch osint-base");
      sw.style.background = s.fill; sw.style.borderColor = s.stroke;
      line.setAttribute("data-status", s.name);
      line.appendChild(sw); line.appendChild(el("span", null, s.label));
      box.appendChild(line);
    });
  }

  O.legendTypes = legendTypes;

  O.legend = function legend(map, open) {
    if (map._osintLegend) return map._osintLegend;
    var Legend = L.Control.extend({
      onAdd: function () {
        var outer = el("details", "osint-legend");
        outer.open = !!open;
        outer.appendChild(el("summary", "osint-legend-summary", "Legend"));
        var box = el("div", "osint-legend-body");
        outer.appendChild(box);
        _.onVocabulary(map, function (known) { fill(box, known, map); });
        outer.addEventListener("toggle", function () { if (O.placeLegend) O.placeLegend(map); });
        L.DomEvent.disableClickPropagation(outer);
        L.DomEvent.disableScrollPropagation(outer);
        return outer;
      }
    });
    map._osintLegend = new Legend({ position: "bottomright" }).addTo(map);
    return map._osintLegend;
  };
})();
