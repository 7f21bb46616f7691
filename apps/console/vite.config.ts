import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { antdStaticStyle } from './build/antd-static-style.ts';
import { THEME } from './src/theme.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The API serves the build from dist/console at `/`; `npm run dev -w apps/console` proxies the API.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), antdStaticStyle(THEME)],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // the initial-JS figure in docs/benchmarks.md comes from this report
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
