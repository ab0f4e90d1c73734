import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/core/paths.js';
import { fmt, int } from './support.js';

/** Cold start of the built server (process start → listening) and its memory when idle. */
export async function run(progress: (m: string) => void): Promise<string> {
  const root = packageRoot();
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) {
    progress('building first');
    spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < 5; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'sanctum-start-'));
    const t = performance.now();
    const proc = spawn(process.execPath, [join(root, 'bin', 'sanctum.js'), 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, DATABASE_URL: '' } });
    await new Promise<void>((resolve) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('open http')) resolve();
      });
    });
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 3000));
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    rss.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    progress(`start ${i + 1}: ${int(times[i])} ms, idle RSS ${fmt(rss[i], 1)} MB`);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return `## Cold start and idle memory

\`sanctum serve\` from the built output on a new embedded store (migrations included), from process start to the listening message; resident memory read from /proc 3 s later with the server idle. Five starts.

| median start | slowest start | median idle RSS | largest idle RSS |
|---:|---:|---:|---:|
| ${int(med(times))} ms | ${int(Math.max(...times))} ms | ${fmt(med(rss), 1)} MB | ${fmt(Math.max(...rss), 1)} MB |

Targets: cold start ≤ 1.5 s; idle RSS ≤ 150 MB.`;
}
