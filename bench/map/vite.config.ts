import { defineConfig } from 'vite';

// Builds the bare baseline page for `npm run bench:map` into bench/results/bare (git-ignored).
export default defineConfig({
  root: 'bench/map',
  base: '/__bare/',
  build: { outDir: '../results/bare', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  logLevel: 'warn',
});
