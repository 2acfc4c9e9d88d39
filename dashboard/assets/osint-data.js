/* The map's dataset (geodata.export.map_dataset): fetched once per URL and kept for the life of the iframe,
 * decoded once (projected places, the vocabulary's colours and labels by type and precision code), the
 * filters' bit mask, and popup details fetched by chunk on demand. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;

  var fetched = {};
  var EARTH_M = 40075016.686;  // the equator's length: metres per zoom-0 pixel = EARTH_M * cos(lat) / 256
  var AREA_M = { country: 250000, region: 120000, province: 60000 };  // a place's rough extent, drawn as a circle
  var AREA_CAP_M = 600000;  // a country's own extent (Russia's is 2,300 km) drawn at most this wide
  var COARSE = ["country", "region"];
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
    var places = draw.places, m = places.length, k, v = draw.vocabulary;
    var px = new Float64Array(m), py = new Float64Array(m);
    for (k = 0; k < m; k++) {  // Web Mercator at zoom 0: at zoom z a point is (px, py) * 2^z
      var pt = L.CRS.EPSG3857.latLngToPoint(L.latLng(places[k][2], places[k][1]), 0);
      px[k] = pt.x; py[k] = pt.y;
    }
    // how precisely each place is known (the vocabulary's place precisions): a country, region or province is
    // drawn as an area of its rough extent (AREA_M, in metres; zoom-0 pixels in areaZ0), never as a precise dot
    var prec = new Array(m), areaZ0 = new Float64Array(m);
    for (k = 0; k < m; k++) {
      prec[k] = places[k][4] || "point";
      // the place's own extent (a country's from its area), kept readable: at most AREA_CAP_M across the map
      var own = AREA_M[prec[k]] && places[k][5] ? Math.min(places[k][5] * 1000, AREA_CAP_M) : 0;
      var metres = own || AREA_M[prec[k]] || 0, cos = Math.max(0.05, Math.cos(places[k][2] * Math.PI / 180));
      areaZ0[k] = metres ? metres * 256 / (EARTH_M * cos) : 0;
    }
    var types = draw.types.map(function (t) { return _.eventType(v, t); });
    draw._prep = {
      px: px, py: py, prec: prec, areaZ0: areaZ0,
      // a movement's end known only to the country or region: an open arrowhead and a "country-level" note
      coarse: prec.map(function (q) { return COARSE.indexOf(q) >= 0; }),
      // day numbers in the dataset count from draw.epoch; epochDay turns them into days since 1970-01-01
      epochDay: Math.round(Date.parse(draw.epoch + "T00:00:00Z") / 86400000),
      color: types.map(function (t) { return t.color; }),  // by type code (draw.t)
      label: types.map(function (t) { return t.label; }),
      exact: draw.precisions.map(function (p) { return !!_.precision(v, p).exact; })  // by precision code (draw.pr)
    };
    return draw._prep;
  }

  function decodeMask(b64, n) {
    var keep = new Uint8Array(n), i;
    if (b64 === null || b64 === undefined) { keep.fill(1); return keep; }
    var bin = atob(b64);
    for (i = 0; i < n; i++) keep[i] = (bin.charCodeAt(i >> 3) >> (7 - (i & 7))) & 1;
    return keep;
  }

  // "15 Dec 2024", or "×3 · 09 Dec 2024 – 15 Dec 2024" for several movements on one route
  function routeLabel(draw, items) {
    var lo = Infinity, hi = -Infinity;
    items.forEach(function (i) {
      if (draw.d0[i] < 0) return;
      lo = Math.min(lo, draw.d0[i]); hi = Math.max(hi, draw.d0[i] + draw.d1[i]);
    });
    var e = prepare(draw).epochDay, dl = _.dayLabel;
    var when = lo === Infinity ? "undated" : (lo === hi ? dl(e + lo) : dl(e + lo) + " – " + dl(e + hi));
    return items.length > 1 ? "×" + items.length + " · " + when : when;
  }

  function dayText(draw, i) {
    if (draw.d0[i] < 0) return "undated";
    return new Date((prepare(draw).epochDay + draw.d0[i]) * 86400000).toISOString().slice(0, 10);
  }

  // Popup details of events `items`, as {i: details}; in the app they come in chunks fetched on demand.
  function details(src, items) {
    var out = {};
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
  }

  L.extend(_, { AREA_M: AREA_M, COARSE: COARSE, getJSON: getJSON, prepare: prepare, decodeMask: decodeMask, routeLabel: routeLabel, dayText: dayText,
                details: details });
})();
