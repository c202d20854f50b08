import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// The Tauri shell loads ui/dist from disk, so asset paths must be relative.
export default defineConfig({
  base: './',
  clearScreen: false,
  plugins: [svelte(), svelteTesting()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // The first test of a file also loads the editor's code (ProseMirror and all): on a loaded
    // two-core machine that alone can take seconds. Tests still fail on their own assertions.
    testTimeout: 20_000,
  },
});
