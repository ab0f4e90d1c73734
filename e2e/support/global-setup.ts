import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** True when the server build failed and the server runs from its TypeScript sources. */
    serverFromSource: boolean;
  }
}

/**
 * Build once before every browser test file: the web app must come from `vite build`, and the
 * server from `tsc`. If the server's type-check fails (work in progress elsewhere in the tree),
 * the web app is still built and the server runs from source, so the browser tests stay useful.
 * SANCTUM_E2E_SKIP_BUILD=1 reuses the last build while iterating.
 */
export default function setup(project: TestProject): void {
  if (process.env.SANCTUM_E2E_SKIP_BUILD === '1') {
    project.provide('serverFromSource', process.env.SANCTUM_FROM_SOURCE === '1');
    return;
  }
  // Vitest sets NODE_ENV=test, and vite then bundles React's development build, in which
  // StrictMode runs every effect twice: each page would fetch (and audit) everything twice, so the
  // tests would not see what ships. Build as production does.
  const env = { ...process.env, NODE_ENV: 'production' };
  const full = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', stdio: 'pipe', env });
  if (full.status === 0) {
    project.provide('serverFromSource', false);
    return;
  }
  const errors = `${full.stdout}\n${full.stderr}`.split('\n').filter((l) => /error TS/.test(l));
  process.stderr.write(`npm run build failed (${errors.length} type errors); building the web app alone and running the server from source.\n${errors.slice(0, 10).join('\n')}\n`);
  const web = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8', stdio: 'pipe', env });
  if (web.status !== 0) throw new Error(`vite build failed:\n${web.stdout}\n${web.stderr}`);
  project.provide('serverFromSource', true);
}
