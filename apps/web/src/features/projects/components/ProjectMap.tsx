import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { ProjectFeature } from '../api';

const colors = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;
const CENTER: L.LatLngTuple = [30.3, 120.177];

interface Props {
  tileUrl?: string;
  outline?: GeoJSON.GeoJsonObject;
  features: ProjectFeature[];
  labels: { open: string; light: Record<string, string> };
  onOpen: (id: string) => void;
}

function popupContent(f: ProjectFeature, labels: Props['labels'], onOpen: (id: string) => void): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = f.properties.name;
  const meta = document.createElement('div');
  meta.textContent = [labels.light[f.properties.light], f.properties.street, f.properties.address].filter(Boolean).join(' · ');
  meta.style.color = '#666';
  const link = document.createElement('a');
  link.href = `/projects/${f.properties.id}`;
  link.textContent = labels.open;
  link.addEventListener('click', (e) => {
    e.preventDefault();
    onOpen(f.properties.id);
  });
  box.append(title, meta, link);
  return box;
}

/** Leaflet map: tiles when configured, the district outline always, one point per project coloured by light. */
export function ProjectMap({ tileUrl, outline, features, labels, onOpen }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { center: CENTER, zoom: 13, zoomControl: true, attributionControl: !!tileUrl });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(m);
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      m.remove();
      map.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const m = map.current;
    if (!m || !outline) return;
    const o = L.geoJSON(outline, { style: { color: '#1f4e9c', weight: 2, fillColor: '#1f4e9c', fillOpacity: 0.05 }, interactive: false }).addTo(m);
    m.fitBounds(o.getBounds(), { padding: [12, 12] });
    return () => void o.remove();
  }, [outline, tileUrl]);

  useEffect(() => {
    const g = layer.current;
    if (!g) return;
    g.clearLayers();
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lng], {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: colors[f.properties.light] ?? '#1f4e9c',
        fillOpacity: 0.95,
        className: `liaison-point liaison-point-${f.properties.light}`,
      })
        .bindTooltip(f.properties.name)
        .bindPopup(() => popupContent(f, labels, onOpen))
        .addTo(g);
    }
  }, [features, labels, onOpen, tileUrl]);

  return <div ref={el} role="region" aria-label={labels.open} style={{ height: '100%', width: '100%', background: '#f5f7fa' }} />;
}
