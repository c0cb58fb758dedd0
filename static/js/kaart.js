/* Maps of the vision: fill a django-leaflet map with the features of its GeoJSON, one Leaflet
   layer per legend item, and let the legend's checkboxes switch the layers. The same features
   stand as text next to the map, so nothing here is the only way to reach them. */
(function () {
  "use strict";

  // Leaflet names its buttons in English; on these Dutch pages a screen reader says them in Dutch.
  L.Control.Zoom.mergeOptions({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" });
  L.Map.addInitHook(function () {
    this.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", "Sluit venster");
    });
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // What a resident reads: the place and the page or opgave it belongs to; where it was drawn
  // after stays behind "Herkomst".
  function popup(properties) {
    var box = element("div", "kaart-popup");
    box.appendChild(element("p", "kaart-popup__naam", properties.naam));
    box.appendChild(element("p", "kaart-popup__laag", properties.laag + (properties.indicatief ? " (indicatief)" : "")));
    if (properties.url) {
      var link = element("a", null, properties.pagina);
      link.href = properties.url;
      var line = element("p", "kaart-popup__link", "Lees meer: ");
      line.appendChild(link);
      box.appendChild(line);
    }
    if (properties.herkomst) {
      var details = element("details", "herkomst");
      details.appendChild(element("summary", null, "Herkomst"));
      properties.herkomst.split("\n").forEach(function (line) {
        details.appendChild(element("p", null, line));
      });
      box.appendChild(details);
    }
    return box;
  }

  function popupOptions() {
    // Fits a phone: never wider than the screen, long text scrolls inside.
    // Leaflet adds about 45 px of frame around the content, and the map sits in the page's
    // margins: on a 390 px phone the popup stays some 60 px narrower than the screen.
    return { maxWidth: Math.min(320, window.innerWidth - 140), autoPanPadding: [8, 8] };
  }

  function layerFor(features, colour, shape, named) {
    var style = { color: colour, weight: shape === "lijn" ? 4 : 2, fillColor: colour, fillOpacity: 0.25 };
    var group = L.featureGroup();
    features.forEach(function (feature) {
      var drawn = L.geoJSON(feature, {
        style: function () { return style; },
        pointToLayer: function (point, latlng) {
          return L.circleMarker(latlng, { radius: 7, color: "#1a1a1a", weight: 2, fillColor: colour, fillOpacity: 1 });
        }
      });
      drawn.bindPopup(popup(feature.properties), popupOptions());
      // The place's name on the map, once however many layers show it, from a zoom level on
      // (the map's "kaart--namen").
      var point = feature.properties.punt;
      if (!named[feature.properties.locatie]) {
        named[feature.properties.locatie] = true;
        group.addLayer(
          L.tooltip({ permanent: true, direction: "center", className: "kaart__naam", opacity: 1 })
            .setLatLng([point[1], point[0]])
            .setContent(feature.properties.naam)
        );
      }
      group.addLayer(drawn);
      // A marker that a keyboard reaches (Tab) and opens (Enter), for lines and areas too; it
      // shows only when it has the focus, so it is never mistaken for a point on the map.
      var marker = L.marker([point[1], point[0]], {
        keyboard: true,
        title: feature.properties.naam,
        alt: feature.properties.naam,
        icon: L.divIcon({ className: "kaart-punt", html: "", iconSize: [14, 14] })
      });
      marker.bindPopup(popup(feature.properties), popupOptions());
      group.addLayer(marker);
    });
    return group;
  }

  /* The wijk boundaries as a quiet base, so the map can be read without background tiles; on
     the map of one area, that area's outline too, and the map opens on it. */
  function addOndergrond(map, url, gebied) {
    fetch(url)
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        L.geoJSON(collection, {
          filter: function (feature) { return feature.properties.soort === "wijk"; },
          style: function () { return { color: "#6b7b75", weight: 1, fill: false }; },
          interactive: false
        }).addTo(map).bringToBack();
        if (!gebied) return;
        // In a pane of its own above the layers (400) and below the markers (600), so that
        // the features of the area never hide its outline.
        map.createPane("omtrek").style.zIndex = 450;
        var outline = L.geoJSON(collection, {
          filter: function (feature) { return feature.id === gebied; },
          style: function () { return { color: "#1a1a1a", weight: 3, dashArray: "8 6", fill: false }; },
          pane: "omtrek",
          interactive: false
        }).addTo(map);
        if (outline.getLayers().length) map.fitBounds(outline.getBounds(), { padding: [16, 16] });
      });
  }

  /* One switch for all layers of a principle: checked when all are, mixed when some are. */
  function groupSwitch(groep) {
    var all = groep.querySelector("[data-groep-schakelaar]");
    if (!all) return;
    var boxes = Array.prototype.slice.call(groep.querySelectorAll("input[data-laag]"));
    function reflect() {
      var on = boxes.filter(function (box) { return box.checked; }).length;
      all.checked = on === boxes.length;
      all.indeterminate = on > 0 && on < boxes.length;
    }
    all.addEventListener("change", function () {
      var on = all.checked;  // each layer's change reflects back on this switch
      boxes.forEach(function (box) {
        if (box.checked !== on) {
          box.checked = on;
          box.dispatchEvent(new Event("change"));
        }
      });
      reflect();
    });
    boxes.forEach(function (box) { box.addEventListener("change", reflect); });
    reflect();
  }

  /* "Volledig scherm": the Fullscreen API where there is one, else the map fills the window. */
  function fullscreen(map, section) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var button = element("button", "kaart__volledig", "Volledig scherm");
      button.type = "button";
      button.setAttribute("aria-pressed", "false");
      L.DomEvent.disableClickPropagation(button);
      function shown(on) {
        section.classList.toggle("kaart--volledig", on);
        button.textContent = on ? "Sluit volledig scherm" : "Volledig scherm";
        button.setAttribute("aria-pressed", on ? "true" : "false");
        setTimeout(function () { map.invalidateSize(); }, 50);
      }
      button.addEventListener("click", function () {
        var on = !section.classList.contains("kaart--volledig");
        if (section.requestFullscreen && document.fullscreenEnabled) {
          if (on) section.requestFullscreen().catch(function () { shown(true); });
          else if (document.fullscreenElement) document.exitFullscreen();
          else shown(false);
        } else {
          shown(on);
        }
      });
      document.addEventListener("fullscreenchange", function () {
        shown(document.fullscreenElement === section);
      });
      return button;
    };
    control.addTo(map);
  }

  /* Names on the map once there is room for them. */
  function names(map) {
    function update() {
      map.getContainer().classList.toggle("kaart--namen", map.getZoom() >= 14);
    }
    map.on("zoomend", update);
    update();
  }

  /* A background that cannot be loaded is said, once; the vision's own layers stay. */
  function backgroundNotice(map, section) {
    var notice = section.querySelector("[data-ondergrond-melding]");
    map.eachLayer(function (layer) {
      if (!(layer instanceof L.TileLayer)) return;
      layer.on("tileerror", function () {
        if (notice.textContent) return;
        notice.textContent = "De achtergrondkaart kon niet worden geladen. De lagen van de visie en de wijkgrenzen staan er wel.";
      });
    });
  }

  /* On a phone the legend starts closed, over the map, so the map comes first. */
  function legend(section) {
    var box = section.querySelector("[data-legenda]");
    if (box && window.matchMedia("(max-width: 47.99em)").matches) box.open = false;
  }

  function kaartInit(map) {
    var section = map.getContainer().closest("[data-kaart]");
    var message = section.querySelector(".kaart__melding");
    var gebied = section.getAttribute("data-gebied");
    fullscreen(map, section);
    names(map);
    backgroundNotice(map, section);
    legend(section);
    addOndergrond(map, section.getAttribute("data-ondergrond"), gebied);
    fetch(section.getAttribute("data-geojson"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (collection) {
        var byLayer = {};
        collection.features.forEach(function (feature) {
          var key = String(feature.properties.laag_id);
          (byLayer[key] = byLayer[key] || []).push(feature);
        });
        var bounds = L.latLngBounds([]);
        var named = {};
        section.querySelectorAll("input[data-laag]").forEach(function (box) {
          var group = layerFor(byLayer[box.getAttribute("data-laag")] || [], box.getAttribute("data-kleur"), box.getAttribute("data-vorm"), named);
          if (group.getLayers().length) bounds.extend(group.getBounds());
          if (box.checked) group.addTo(map);
          box.addEventListener("change", function () {
            if (box.checked) group.addTo(map); else group.remove();
          });
        });
        section.querySelectorAll("[data-groep]").forEach(groupSwitch);
        // Open on what this map shows (or on its area: addOndergrond); it opened on the whole
        // municipality (SPATIAL_EXTENT).
        if (bounds.isValid() && !gebied) map.fitBounds(bounds, { padding: [16, 16] });
        section.classList.add("kaart--geladen");
        message.textContent = "";
      })
      .catch(function () {
        message.textContent = "De lagen van de kaart konden niet worden geladen. Alles wat de kaart toont, staat ook in de lijst hieronder.";
      });
  };

  /* Wat speelt er hier?: the wijken and focus areas for orientation; a click asks the server
     about that point, the same as the form does. */
  function hierInit(map) {
    var section = map.getContainer().closest("[data-hier]");
    var asked = section.getAttribute("data-gebied");
    section.querySelector(".kaart__melding").textContent = "";
    backgroundNotice(map, section);
    fetch(section.getAttribute("data-geojson"))
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          // Other places stay out of the way; the area asked for stands out.
          filter: function (feature) { return feature.properties.soort !== "plek" || feature.id === asked; },
          style: function (feature) {
            if (feature.id === asked) return { color: "#1a1a1a", weight: 4, fillOpacity: 0.15 };
            return feature.properties.soort === "focusgebied"
              ? { color: "#8e2c6f", weight: 3, fillOpacity: 0.1, dashArray: "6 4" }
              : { color: "#00594c", weight: 2, fillOpacity: 0.05 };
          },
          interactive: false
        }).addTo(map);
        layer.eachLayer(function (shape) {
          if (shape.feature.id === asked) map.fitBounds(shape.getBounds(), { padding: [16, 16] });
        });
      });
    var point = section.getAttribute("data-punt");
    if (point) {
      var latlon = point.split(",").map(Number);
      L.marker(latlon, { title: "Gekozen punt", alt: "Gekozen punt" }).addTo(map);
      map.setView(latlon, 15);
    }
    function ask(lat, lon) {
      var url = new URL(window.location.href);
      url.search = "";
      url.searchParams.set("lat", lat.toFixed(6));
      url.searchParams.set("lon", lon.toFixed(6));
      window.location.assign(url.toString() + "#antwoord-kop");
    }
    map.on("click", function (event) { ask(event.latlng.lat, event.latlng.lng); });

    // "Mijn locatie": only where the browser can tell, and only when asked.
    var button = document.querySelector("[data-mijn-locatie]");
    var status = document.querySelector("[data-mijn-locatie-melding]");
    if (button && navigator.geolocation) {
      button.hidden = false;
      button.addEventListener("click", function () {
        status.textContent = "Uw locatie wordt opgevraagd…";
        navigator.geolocation.getCurrentPosition(
          function (position) { ask(position.coords.latitude, position.coords.longitude); },
          function () {
            status.textContent = "Uw locatie is niet bekend (geen toestemming of niet beschikbaar). Kies een wijk, typ een adres of klik op de kaart.";
          },
          { timeout: 10000, maximumAge: 60000 }
        );
      });
    }
  };
  /* Every map on the page, from the options its element carries (see the kaartvenster tag). */
  var starts = { kaart: kaartInit, hier: hierInit };
  function startMaps() {
    document.querySelectorAll("[data-leaflet]").forEach(function (element) {
      L.Map.djangoMap(element.id, {
        djoptions: JSON.parse(element.getAttribute("data-leaflet")),
        globals: false,
        callback: starts[element.getAttribute("data-start")]
      });
    });
  }
  if (document.readyState === "complete") startMaps();
  else window.addEventListener("load", startMaps);
})();
