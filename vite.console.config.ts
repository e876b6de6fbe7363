import { defineConfig } from 'vite';

// The organizers' console (src/console/), served by the server at /admin/: its own page and
// script, apart from the widget library and its byte budget.
export default defineConfig({
  root: 'console',
  base: '/admin/',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: '../dist/console',
    emptyOutDir: true,
    modulePreload: false,
    sourcemap: false,
  },
});
