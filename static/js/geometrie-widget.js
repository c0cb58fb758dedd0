/* The CMS geometry field (kaarten/widgets.py): a Leaflet.draw map over the wijk boundaries and
   a textarea. The textarea is the value the form sends: drawing on the map writes GeoJSON in
   WGS84 into it, and what an editor types there is read by the server (the same code as the
   form) and drawn on the map. Every widget on the page is set up, also those added later. */
(function () {
  "use strict";

  if (!window.L || !L.Control.Draw) return;

  var STYLE = { color: "#0b57a4", weight: 3, fillColor: "#0b57a4", fillOpacity: 0.2 };
  var WIJK = { color: "#5c5c5c", weight: 1, dashArray: "4 4", fill: false, interactive: false };
  var SIMPLE = { MultiPoint: "Point", MultiLineString: "LineString", MultiPolygon: "Polygon" };
  var MULTI = { Point: "MultiPoint", LineString: "MultiLineString", Polygon: "MultiPolygon" };

  // Leaflet.draw in Dutch: its buttons' names and the tips beside the mouse.
  var draw = L.drawLocal.draw;
  var edit = L.drawLocal.edit;
  draw.toolbar.actions = { title: "Stop met tekenen", text: "Annuleren" };
  draw.toolbar.finish = { title: "Maak de vorm af", text: "Klaar" };
  draw.toolbar.undo = { title: "Verwijder het laatste punt", text: "Laatste punt weg" };
  draw.toolbar.buttons = {
    polyline: "Teken een lijn", polygon: "Teken een vlak", rectangle: "Teken een rechthoek",
    circle: "Teken een cirkel", marker: "Zet een punt", circlemarker: "Zet een punt"
  };
  draw.handlers.marker.tooltip.start = "Klik op de kaart om het punt te zetten.";
  draw.handlers.polygon.tooltip = {
    start: "Klik om het eerste hoekpunt te zetten.",
    cont: "Klik om het volgende hoekpunt te zetten.",
    end: "Klik op het eerste hoekpunt om het vlak te sluiten."
  };
  draw.handlers.polyline.error = "<strong>Fout:</strong> de randen mogen elkaar niet kruisen.";
  draw.handlers.polyline.tooltip = {
    start: "Klik om de lijn te beginnen.",
    cont: "Klik om de lijn voort te zetten.",
    end: "Klik op het laatste punt om de lijn af te maken."
  };
  draw.handlers.rectangle.tooltip.start = "Klik en sleep om een rechthoek te tekenen.";
  draw.handlers.simpleshape.tooltip.end = "Laat de muis los om de rechthoek af te maken.";
  edit.toolbar.actions = {
    save: { title: "Neem de wijzigingen over", text: "Klaar" },
    cancel: { title: "Maak de wijzigingen ongedaan", text: "Annuleren" },
    clearAll: { title: "Verwijder alles", text: "Alles weg" }
  };
  edit.toolbar.buttons = {
    edit: "Wijzig de vormen", editDisabled: "Er is niets om te wijzigen",
    remove: "Verwijder vormen", removeDisabled: "Er is niets om te verwijderen"
  };
  edit.handlers.edit.tooltip = {
    text: "Versleep de hoekpunten of het punt.",
    subtext: "Annuleren maakt de wijzigingen ongedaan."
  };
  edit.handlers.remove.tooltip.text = "Klik op een vorm om die te verwijderen.";

  // The handles on a shape's corners can only be dragged with a mouse: keep them out of the
  // Tab order rather than offer nameless buttons (the keyboard's way is the textarea).
  L.Marker.Touch.mergeOptions({ keyboard: false });

  function point(latlng) {
    return L.marker(latlng, { keyboard: false, alt: "Punt van de geometrie" });
  }

  // Which drawing buttons a field of each type offers.
  function tools(soort) {
    var points = /POINT/.test(soort) || soort === "GEOMETRY" || soort === "GEOMETRYCOLLECTION";
    var lines = /LINESTRING/.test(soort) || soort === "GEOMETRY" || soort === "GEOMETRYCOLLECTION";
    var areas = /POLYGON/.test(soort) || soort === "GEOMETRY" || soort === "GEOMETRYCOLLECTION";
    return {
      marker: points ? {} : false,
      polyline: lines ? { shapeOptions: STYLE } : false,
      polygon: areas ? { allowIntersection: false, showArea: false, shapeOptions: STYLE } : false,
      rectangle: areas ? { showArea: false, shapeOptions: STYLE } : false,
      circle: false,
      circlemarker: false
    };
  }

  // A geometry as its simple parts, so that each part can be edited on its own.
  function parts(geometry) {
    if (!geometry) return [];
    if (geometry.type === "GeometryCollection") {
      return geometry.geometries.reduce(function (all, g) { return all.concat(parts(g)); }, []);
    }
    if (SIMPLE[geometry.type]) {
      return geometry.coordinates.map(function (c) { return { type: SIMPLE[geometry.type], coordinates: c }; });
    }
    return [geometry];
  }

  // The parts back as one geometry: one part as it is, parts of one kind as a multi-geometry.
  function combine(simple) {
    if (simple.length === 0) return null;
    if (simple.length === 1) return simple[0];
    var kinds = simple.map(function (g) { return g.type; });
    var same = kinds.every(function (k) { return k === kinds[0]; });
    if (same && MULTI[kinds[0]]) {
      return { type: MULTI[kinds[0]], coordinates: simple.map(function (g) { return g.coordinates; }) };
    }
    return { type: "GeometryCollection", geometries: simple };
  }

  function setUp(root) {
    if (root.geometrieWidget) return;
    var kaart = root.querySelector("[data-geometrie-kaart]");
    var textarea = root.querySelector("textarea");
    var melding = root.querySelector("[data-geometrie-melding]");
    var config = JSON.parse(root.querySelector("script[type='application/json']").textContent);
    var single = !/^(MULTI|GEOMETRY)/.test(config.soort);
    var assen = L.latLngBounds([config.assen[1], config.assen[0]], [config.assen[3], config.assen[2]]);

    var map = L.map(kaart, { zoomControl: false, attributionControl: Boolean(config.tegels), maxZoom: 19 });
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    if (config.tegels) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(config.tegels.url, config.tegels.opties).addTo(map);
    }
    var wijken = L.geoJSON(null, { style: WIJK, interactive: false }).addTo(map);
    var vormen = L.featureGroup().addTo(map);
    map.addControl(new L.Control.Draw({
      position: "topright",
      draw: tools(config.soort),
      edit: { featureGroup: vormen, poly: { allowIntersection: false } }
    }));

    function fit() {
      if (vormen.getLayers().length) {
        map.fitBounds(vormen.getBounds(), { padding: [24, 24], maxZoom: 16 });
      } else {
        map.fitBounds(assen);
      }
    }

    function show(geometry) {
      vormen.clearLayers();
      parts(geometry).forEach(function (part) {
        var layer = L.GeoJSON.geometryToLayer({ type: "Feature", geometry: part, properties: {} }, {
          pointToLayer: function (feature, latlng) { return point(latlng); }
        });
        if (layer.setStyle) layer.setStyle(STYLE);
        vormen.addLayer(layer);
      });
    }

    // The map into the textarea, at full precision: rounding would move the untouched corners.
    function write() {
      var geometry = combine(vormen.getLayers().map(function (layer) {
        return layer.toGeoJSON(false).geometry;
      }).reduce(function (all, g) { return all.concat(parts(g)); }, []));
      textarea.value = geometry ? JSON.stringify(geometry) : "";
      textarea.removeAttribute("aria-invalid");
      melding.textContent = "";
      textarea.dispatchEvent(new Event("change", { bubbles: true }));
    }

    map.on(L.Draw.Event.CREATED, function (event) {
      var layer = event.layerType === "marker" ? point(event.layer.getLatLng()) : event.layer;
      if (single) vormen.clearLayers();
      if (layer.setStyle) layer.setStyle(STYLE);
      vormen.addLayer(layer);
      write();
    });
    // While editing, the textarea follows every moved corner: the editor may save the form
    // without first clicking Leaflet.draw's own "Opslaan".
    map.on([L.Draw.Event.EDITED, L.Draw.Event.EDITVERTEX, L.Draw.Event.EDITMOVE,
      L.Draw.Event.EDITRESIZE, L.Draw.Event.EDITSTOP, L.Draw.Event.DELETED,
      L.Draw.Event.DELETESTOP].join(" "), write);

    // The textarea onto the map, read by the server as the form will read it.
    var pending = null;
    var asked = 0;
    function read() {
      var text = textarea.value.trim();
      var question = ++asked;
      if (!text) {
        vormen.clearLayers();
        melding.textContent = "";
        textarea.removeAttribute("aria-invalid");
        return;
      }
      if (!config.voorbeeldUrl) return;
      var body = new FormData();
      body.append("tekst", text);
      body.append("soort", config.soort);
      var token = textarea.form && textarea.form.querySelector("[name=csrfmiddlewaretoken]");
      fetch(config.voorbeeldUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" }
      }).then(function (response) {
        return response.json();
      }).then(function (answer) {
        if (question !== asked) return; // the editor typed on
        if (answer.fout) {
          melding.textContent = answer.fout;
          textarea.setAttribute("aria-invalid", "true");
        } else {
          melding.textContent = "";
          textarea.removeAttribute("aria-invalid");
          show(answer.geometrie);
          fit();
        }
      }).catch(function () {
        if (question === asked) melding.textContent = "De kaart kon de tekst niet lezen; het formulier controleert hem bij opslaan.";
      });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(read, 600);
    });

    // The wijk boundaries as a backdrop; without them the map works all the same.
    fetch(config.gebiedenUrl, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      wijken.addData(data.features.filter(function (f) { return f.properties.soort === "wijk"; }));
      wijken.bringToBack();
    }).catch(function () {});

    show(config.geometrie);
    fit();
    // A map set up while hidden (a collapsed panel, another tab) has no size: fit it once it shows.
    var wasHidden = kaart.clientWidth === 0;
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        if (kaart.clientWidth === 0) { wasHidden = true; return; }
        map.invalidateSize();
        if (wasHidden) { wasHidden = false; fit(); }
      }).observe(kaart);
    }
    root.geometrieWidget = { map: map, vormen: vormen, write: write, read: read };
  }

  function setUpAll(node) {
    if (node.matches && node.matches("[data-geometrie-widget]")) setUp(node);
    if (node.querySelectorAll) node.querySelectorAll("[data-geometrie-widget]").forEach(setUp);
  }

  function start() {
    setUpAll(document);
    // Widgets that appear later: an inline panel's new form, a modal.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) { mutation.addedNodes.forEach(setUpAll); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
