import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is served by the Sanctum server itself from dist/web: no CDN, no external fonts.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:4480' } },
});
