/**
 * A basemap that needs no tile server and no key: the world's countries at
 * 1:110m (Natural Earth via world-atlas), shipped inside the map chunk, plus the
 * chapter layers drawn on top of any style. Pure (no maplibre import), so the
 * benchmark's plain maplibre page can use the very same style and data.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import countriesJson from 'world-atlas/countries-110m.json?raw';

export const CHAPTER_SOURCE = 'chapters';
export const POINT_LAYER = 'chapter-points';
export const CLUSTER_LAYER = 'chapter-clusters';

export function basemapStyle(): StyleSpecification {
  const world = JSON.parse(countriesJson) as Topology;
  const countries = world.objects.countries;
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: feature(world, countries), attribution: 'Natural Earth' },
      borders: { type: 'geojson', data: mesh(world, countries as never, (a, b) => a !== b) },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe0ea' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f5f2ea' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#a9a294', 'line-width': 0.7 } },
    ],
  };
}

/** Chapters as a clustered GeoJSON source; each feature's id is the chapter's index. */
export function chapterSource(points: { lng: number; lat: number }[]): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    cluster: true,
    clusterRadius: 48,
    clusterMaxZoom: 14,
    data: {
      type: 'FeatureCollection',
      features: points.map((c, i) => ({
        type: 'Feature',
        id: i,
        properties: { i },
        geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
      })),
    },
  };
}

/** Clusters as circles (their counts are buttons drawn over them) and single chapters as dots. */
export function chapterLayers(accent: string): LayerSpecification[] {
  return [
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: CHAPTER_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': accent,
        'circle-opacity': 0.25,
        'circle-radius': ['step', ['get', 'point_count'], 18, 10, 22, 100, 28, 1000, 34],
      },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: CHAPTER_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': accent,
        'circle-radius': 7,
        'circle-stroke-width': 2,
        'circle-stroke-color': '#fff',
      },
    },
  ];
}
