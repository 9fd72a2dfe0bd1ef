import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The dashboard, built into the package's dist/ui and served by the gateway at /admin/ui
 * (src/admin/ui/). Every asset is a file of its own under assets/ with a content hash in its
 * name, so the gateway can cache them forever and the CSP needs no inline script or style.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/ui/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; files keep the CSP to 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
});
