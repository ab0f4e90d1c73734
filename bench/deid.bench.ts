/**
 * Throughput of the de-identification engine as `sanctum deid --jsonl` runs it: one case state,
 * one note per line, each deidentified in turn on one core. Notes are built in memory from the
 * evaluation templates (about 8 MB of text).
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { createDeidState, deidentify } from '../src/features/deid/deid.js';
import { generate } from './deid-generate.js';

const TARGET_MB_PER_S = 1;

export async function run(progress: (msg: string) => void): Promise<string> {
  const targetBytes = Number(process.env.DEID_BENCH_MB ?? 8) * 1_000_000;
  const base = generate().map((n) => n.text);
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    // Vary each copy a little so no cache sees the same note twice.
    const text = base[i % base.length].replace(/Session \d+|session/, `Session ${i}`);
    const line = JSON.stringify({ id: String(i), text });
    lines.push(line);
    bytes += Buffer.byteLength(text);
  }
  progress(`deid: ${lines.length} notes, ${(bytes / 1e6).toFixed(1)} MB`);
  // Load word lists and gazetteers, and let the JIT settle, outside the timing.
  const warm = createDeidState('warm-up');
  for (const text of base) deidentify(text, { state: warm });
  let peakRss = process.memoryUsage().rss;
  const load0 = loadavg()[0];
  const state = createDeidState('bench');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let outBytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const item = JSON.parse(lines[i]) as { id: string; text: string };
    const r = deidentify(item.text, { state });
    outBytes += JSON.stringify({ id: item.id, text: r.text, entities: r.entities.map(({ start, end, type, replacement }) => ({ start, end, type, replacement })) }).length;
    if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const cpuMbps = bytes / 1e6 / cpuSeconds;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const mbps = bytes / 1e6 / seconds;
  const load1 = loadavg()[0];
  progress(`deid: ${cpuMbps.toFixed(2)} MB per CPU-second, ${mbps.toFixed(2)} MB/s wall-clock`);
  const verdict = cpuMbps >= TARGET_MB_PER_S ? 'met' : 'not met';
  return [
    '## De-identification throughput',
    '',
    'Method: about 8 MB of session-note text (the evaluation templates and hand-written notes, repeated',
    'with small variations) as `{"id","text"}` lines, parsed, de-identified with one shared case state and',
    'serialised as `sanctum deid --jsonl` does, in one process on one thread (JavaScript runs on a single',
    'core; nothing is parallelised). Word lists are loaded and the 50 base notes de-identified once before',
    'timing starts. Target: at least 1 MB of text per second on one core.',
    '',
    '- **MB per CPU-second** = input MB / (user + system CPU time of the process over the timed loop,',
    '  `process.cpuUsage()`). This is the single-core throughput and the figure to compare on a shared',
    "  machine; it also counts V8's garbage-collector helper threads, so it slightly understates it.",
    '- **MB/s wall-clock** = input MB / elapsed time. It equals the CPU figure on an idle core and falls',
    '  whenever other processes compete for the core.',
    '',
    '| notes | input MB | MB per CPU-second | CPU s | MB/s wall-clock | wall s | notes/s (wall) | output MB | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${lines.length} | ${(bytes / 1e6).toFixed(2)} | **${cpuMbps.toFixed(2)}** | ${cpuSeconds.toFixed(2)} | ${mbps.toFixed(2)} | ${seconds.toFixed(2)} | ${Math.round(lines.length / seconds)} | ${(outBytes / 1e6).toFixed(2)} | ${(peakRss / 1e6).toFixed(0)} |`,
    '',
    `Target (${TARGET_MB_PER_S} MB per CPU-second on one core): ${verdict}.`,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end of the run.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run((m) => console.error(m)));
