import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.mts';
import { serviceWorker } from './build/service-worker.mts';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.SUARA_API ?? 'http://localhost:3000';

/** The web app: built into dist/web, which the Nest app serves at /; `npm run dev:web` proxies the API to it. */
export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [
    preact(),
    serviceWorker(fileURLToPath(new URL('src/sw/service-worker.ts', import.meta.url))),
    precompress(),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Cheap Android phones run recent Chrome: no legacy bundle.
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
