import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves web/dist at `/` with an SPA fallback; in dev, Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
});
