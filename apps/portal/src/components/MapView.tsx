import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

/**
 * The map, loaded only when someone opens it (Leaflet stays out of the first page). Without a tile server it draws
 * the district outline and the project points, which is enough to place a complaint near a site.
 */
export type MapPoint = { id: string; name: string; lat: number; lng: number; light: string };
type Props = {
  points: MapPoint[];
  center: [number, number];
  tileUrl: string | null;
  picked?: { lat: number; lng: number } | null;
  onPick?: (p: { lat: number; lng: number }) => void;
  onOpen?: (id: string) => void;
  label: string;
};
const COLORS: Record<string, string> = { green: '#15803d', yellow: '#ca8a04', red: '#b91c1c' };

export default function MapView({ points, center, tileUrl, picked, onPick, onOpen, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { center, zoom: 13, attributionControl: !!tileUrl });
    map.current = m;
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(m);
    fetch('/portal/xiacheng-outline.geojson').then((r) => (r.ok ? r.json() : null)).then((g) => {
      if (g && map.current) L.geoJSON(g, { style: { color: '#64748b', weight: 2, fillOpacity: 0.04 } }).addTo(map.current);
    }).catch(() => undefined);
    for (const p of points) {
      const dot = L.circleMarker([p.lat, p.lng], { radius: 8, color: '#fff', weight: 2, fillColor: COLORS[p.light] ?? '#1d4ed8', fillOpacity: 1 })
        .addTo(m).bindTooltip(p.name, { direction: 'top' });
      if (onOpen) dot.on('click', () => onOpen(p.id));
    }
    if (points.length > 1) m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], animate: false });
    if (onPick) m.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: Number(e.latlng.lat.toFixed(6)), lng: Number(e.latlng.lng.toFixed(6)) }));
    return () => {
      // Leaving mid-animation must not leave Leaflet a timer on a removed map.
      m.stop();
      m.off();
      m.remove();
      map.current = null;
      pin.current = null;
    };
    // The map is built once; points and callbacks come with the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    pin.current?.remove();
    pin.current = picked ? L.circleMarker([picked.lat, picked.lng], { radius: 11, color: '#b91c1c', weight: 3, fillColor: '#fff', fillOpacity: 0.9 }).addTo(m) : null;
  }, [picked]);

  return <div ref={el} className="map" role="application" aria-label={label} />;
}
