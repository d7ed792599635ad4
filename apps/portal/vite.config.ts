import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:3000';

/** The residents' portal, served by the Liaison server at /portal/. Leaflet is loaded only when a map is opened. */
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: { polyfill: false } },
});
