#!/usr/bin/env node
// Runs the built CLI (the bundled server when it is as new as the compiled sources); falls back to
// the TypeScript sources (through tsx) in a development checkout.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Records, keys and backups are readable by this user only.
process.umask(0o077);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'cli', 'main.js');
const bundled = join(root, 'dist', 'server', 'main.js');
let mod;
if (existsSync(compiled) && !process.env.SANCTUM_FROM_SOURCE) {
  const useBundle = existsSync(bundled) && statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs;
  mod = await import(pathToFileURL(useBundle ? bundled : compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
process.exitCode = await mod.runCli(process.argv.slice(2), mod.processIo());
