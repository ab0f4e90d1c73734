// Bundles the compiled server (dist/src) into dist/server: a few files instead of hundreds of
// modules, which halves start-up. Native and rarely used packages stay outside the bundle and
// load from node_modules when first needed; piscina too, because it starts its threads from its own
// worker.js, found beside its own files.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'dist/src/cli/main.js',
    // Audit verification threads load this file by name, next to the chunk that starts them.
    'audit.verify-range': 'dist/src/audit/audit.verify-range.js',
    // The worker pool (src/workers/pool.ts) loads its threads' entry by this name, beside it.
    'worker.tasks': 'dist/src/workers/worker.tasks.js',
  },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['piscina', 'better-sqlite3', '@node-rs/argon2', 'pg', 'pdfmake', 'libphonenumber-js', 'qrcode', 'tsx', '@zxcvbn-ts/*', 'an-array-of-english-words'],
  // Bundled CommonJS packages call require(); give every chunk one.
  banner: { js: "import { createRequire as __sanctumRequire } from 'node:module'; const require = __sanctumRequire(import.meta.url);" },
  logLevel: 'warning',
});
