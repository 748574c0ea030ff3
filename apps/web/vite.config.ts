import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The api serves dist/ at `/` (SPA fallback for every non-/api path), so the app lives at the root.
// In development, `npm run dev -w @rytask/web` proxies the API so cookies stay same-origin.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // Our workspace packages point `source` at their TypeScript: the web build then needs no
  // prior build of @rytask/contracts, and dev reloads when a contract changes.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
