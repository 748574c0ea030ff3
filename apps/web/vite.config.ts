import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The api serves dist/ at `/` (SPA fallback for every non-/api path), so the app lives at the root.
// In development, `npm run dev -w @rytask/web` proxies the API so cookies stay same-origin.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The web app takes only types and two constants from @rytask/contracts; its zod schemas
      // are unused here. Declaring the builders pure lets them, and zod, drop out of the bundle.
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
