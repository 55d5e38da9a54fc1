import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';

/**
 * The page's build: src/web → dist/web, served by the hub at / (src/server/web.ts). `npm ci` and `npm start`
 * run it; the build fails when the JavaScript passes its budget (JS_BUDGET_BYTES compressed, jsBudget below).
 */
const here = path.dirname(fileURLToPath(import.meta.url));

/** The page's JavaScript, gzip-compressed, at most 250 kB (issue 23). */
const JS_BUDGET_BYTES = 250_000;

function jsBudget(): Plugin {
  return {
    name: 'js-budget',
    generateBundle(_options, bundle) {
      let total = 0;
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') total += gzipSync(chunk.code).length;
      if (total > JS_BUDGET_BYTES)
        this.error(`the page's JavaScript is ${total} bytes compressed, over its budget of ${JS_BUDGET_BYTES}`);
      console.log(`page JavaScript: ${(total / 1000).toFixed(1)} kB compressed (budget ${JS_BUDGET_BYTES / 1000} kB)`);
    },
  };
}

export default defineConfig({
  plugins: [jsBudget()],
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    // No inline scripts or styles: the Content-Security-Policy allows only files from the hub itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
