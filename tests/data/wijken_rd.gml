<?xml version="1.0" encoding="utf-8" ?>
<ogr:FeatureCollection
     gml:id="aFeatureCollection"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xsi:schemaLocation="http://ogr.maptools.org/ wijken_rd.xsd"
     xmlns:ogr="http://ogr.maptools.org/"
     xmlns:gml="http://www.opengis.net/gml/3.2">
  <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::28992"><gml:lowerCorner>233000 555000</gml:lowerCorner><gml:upperCorner>234000 558000</gml:upperCorner></gml:Envelope></gml:boundedBy>
                                                                                                                                                         
  <ogr:featureMember>
    <ogr:wijken_rd gml:id="wijken_rd.0">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::28992"><gml:lowerCorner>233000 557000</gml:lowerCorner><gml:upperCorner>234000 558000</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" gml:id="wijken_rd.geom.0"><gml:exterior><gml:LinearRing><gml:posList>233000 557000 234000 557000 234000 558000 233000 558000 233000 557000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></ogr:geometryProperty>
      <ogr:naam>Testwijk Noord</ogr:naam>
      <ogr:code>WK999901</ogr:code>
    </ogr:wijken_rd>
  </ogr:featureMember>
  <ogr:featureMember>
    <ogr:wijken_rd gml:id="wijken_rd.1">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::28992"><gml:lowerCorner>233000 555000</gml:lowerCorner><gml:upperCorner>234000 556000</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" gml:id="wijken_rd.geom.1"><gml:exterior><gml:LinearRing><gml:posList>233000 555000 234000 555000 234000 556000 233000 556000 233000 555000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></ogr:geometryProperty>
      <ogr:naam>Testwijk Zuid</ogr:naam>
      <ogr:code>WK999902</ogr:code>
    </ogr:wijken_rd>
  </ogr:featureMember>
</ogr:FeatureCollection>
