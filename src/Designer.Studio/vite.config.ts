import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The server's build (studio.targets) passes STUDIO_OUT_DIR; by default the output goes to the server's wwwroot.
const outDir = process.env.STUDIO_OUT_DIR || fileURLToPath(new URL('../Designer.Server/wwwroot', import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir,
    // Old bundles are removed by scripts/studio-build.mjs after a grace period, not here: a build of the server that
    // started a moment earlier may still list them.
    emptyOutDir: false,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:5080', '/health': 'http://127.0.0.1:5080' },
  },
});
