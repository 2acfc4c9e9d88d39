/* Bases (OSINT.baseLayer): one persistent set of markers per map, updated in place on every rerun (status,
 * label, count) instead of being rebuilt, so a date change touches only the bases whose status changed.
 * Symbols, status colours and labels come from the vocabulary the layer's data carries. */
(function () {
  "use strict";

  var O = window.OSINT, _ = O._;
  var PERMANENT_LABELS_UP_TO = 30;  // more bases than this: names on hover only, or the map is all labels

  // NATO symbols (APP-6), when the sidebar's option is on: the data carries one SVG per kind and status
  // (dashboard/symbols.py) as data: URIs, drawn as an <img>; a kind without one keeps its glyph badge.
  function symbolIcon(symbols, p) {
    var byStatus = symbols && symbols[p.kind], sym = byStatus && (byStatus[p.status] || byStatus.unknown);
    if (!sym) return null;
    var box = _.el("div", "osint-base osint-base-app6 osint-status-" + _.safeClass(p.status));
    var img = _.el("img");
    img.src = sym.url; img.width = sym.size[0]; img.height = sym.size[1]; img.alt = p.kind;
    box.appendChild(img);
    // the name starts just right of the symbol, as it does beside the 24 px badge (offset 12 px)
    return L.divIcon({ className: "osint-base-icon", iconSize: sym.size, iconAnchor: sym.anchor,
                       tooltipAnchor: [Math.max(0, sym.size[0] - sym.anchor[0] - 10), 0], html: box });
  }

  function baseIcon(v, p, symbols) {
    var nato = symbolIcon(symbols, p);
    if (nato) return nato;
    var s = _.baseStatus(v, p.status);
    var box = _.el("div", "osint-base osint-status-" + _.safeClass(p.status), _.kind(v, p.kind).symbol);
    box.style.background = s.fill; box.style.borderColor = s.stroke;
    return L.divIcon({ className: "osint-base-icon", iconSize: [24, 24], iconAnchor: [12, 12], html: box });
  }

  function baseLabel(v, p) { return p.name + " — " + _.baseStatus(v, p.status).label; }

  var BaseStore = L.Class.extend({
    initialize: function (map) { this._map = map; this._group = L.featureGroup(); this._markers = {}; this._permanent = null; },

    update: function (data) {
      var v = data.vocabulary, store = this, symbols = data.symbols || null;
      var resymbol = !!symbols !== !!this._symbols;  // the option was switched: every marker gets its new icon
      this._vocab = v; this._symbols = symbols;
      var map = this._map;
      if (map._osintSymbols !== !!symbols) {  // the legend says which symbols the bases are drawn with
        map._osintSymbols = !!symbols;
        if (map._osintVocab) (map._osintVocabListeners || []).forEach(function (fn) { fn(map._osintVocab); });
      }
      var feats = (data.features || []).filter(function (f) { return f.geometry && f.geometry.type === "Point"; });
      var permanent = feats.length <= PERMANENT_LABELS_UP_TO, seen = {}, markers = this._markers, group = this._group;
      var relabel = permanent !== this._permanent;
      this._permanent = permanent;
      feats.forEach(function (f) {
        var p = f.properties, id = String(f.id), m = markers[id], label = baseLabel(v, p);
        seen[id] = true;
        if (!m) {
          m = markers[id] = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: baseIcon(v, p, symbols), zIndexOffset: 1000 });
          m.bindPopup(function (layer) { return _.basePopup(store._vocab, layer.feature.properties); });
          group.addLayer(m);
        } else if (resymbol || m.feature.properties.status !== p.status || m.feature.properties.kind !== p.kind) {
          m.setIcon(baseIcon(v, p, symbols));
        }
        if (!m.getTooltip() || relabel) {
          m.unbindTooltip();
          m.bindTooltip(_.el("span", null, label), permanent
            ? { permanent: true, direction: "right", offset: [12, 0], className: "osint-base-label" }
            : { direction: "right", offset: [12, 0], className: "osint-base-label" });
        } else if (m.feature.properties.name !== p.name || m.feature.properties.status !== p.status) {
          m.setTooltipContent(_.el("span", null, label));
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
      _.useVocabulary(map, this._data.vocabulary);
      var store = map._osintBases || (map._osintBases = new BaseStore(map));
      store.update(this._data);
      store.attach();
    },
    onRemove: function (map) { if (map._osintBases) map._osintBases.detachSoon(); }
  });

  O.baseLayer = function (data) { return new BaseLayer(data); };
})();
