import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:3000';
const buildId = Date.now().toString(36);

/** Lists the built files for the hand-written service worker (public/sw.js) to cache as the app shell. */
function swManifest(): Plugin {
  return {
    name: 'liaison-sw-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'index.html');
      files.push('manifest.webmanifest', 'favicon.svg', 'icon-192.png', 'icon-512.png', 'xiacheng-outline.geojson');
      this.emitFile({ type: 'asset', fileName: 'sw-manifest.json', source: JSON.stringify({ version: buildId, files }) });
    },
  };
}

export default defineConfig({
  plugins: [react(), swManifest()],
  define: { __BUILD_ID__: JSON.stringify(buildId) },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
});
