/**
 * Throughput of the de-identification engine as `sanctum deid --jsonl` runs it: one case state,
 * one note per line, each deidentified in turn on one core. Notes are built in memory from the
 * evaluation templates (about 8 MB of text).
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { createDeidState, deidentify } from '../src/features/deid/deid.js';
import { generate } from './deid-generate.js';

export async function run(progress: (msg: string) => void): Promise<string> {
  const base = generate().map((n) => n.text);
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 8_000_000; i++) {
    // Vary each copy a little so no cache sees the same note twice.
    const text = base[i % base.length].replace(/Session \d+|session/, `Session ${i}`);
    const line = JSON.stringify({ id: String(i), text });
    lines.push(line);
    bytes += Buffer.byteLength(text);
  }
  progress(`deid: ${lines.length} notes, ${(bytes / 1e6).toFixed(1)} MB`);
  deidentify(base[0]); // load word lists and gazetteers outside the timing
  let peakRss = process.memoryUsage().rss;
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
  progress(`deid: ${mbps.toFixed(2)} MB/s wall, ${cpuMbps.toFixed(2)} MB per CPU-second`);
  return [
    '## De-identification throughput',
    '',
    'Method: about 8 MB of session-note text (the evaluation templates and hand-written notes, repeated',
    'with small variations) as `{"id","text"}` lines, parsed, de-identified with one shared case state and',
    'serialised as `sanctum deid --jsonl` does, in one process on one core. Word lists are loaded before',
    'timing starts. Target: at least 1 MB/s.',
    '',
    '| notes | input MB | wall s | MB/s (wall) | CPU s | MB per CPU-second | notes/s (wall) | output MB | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${lines.length} | ${(bytes / 1e6).toFixed(2)} | ${seconds.toFixed(2)} | ${mbps.toFixed(2)} | ${cpuSeconds.toFixed(2)} | ${cpuMbps.toFixed(2)} | ${Math.round(lines.length / seconds)} | ${(outBytes / 1e6).toFixed(2)} | ${(peakRss / 1e6).toFixed(0)} |`,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end of the run.`,
    'CPU-seconds (user + system time of this process) are the figure to compare when the machine is shared;',
    'wall-clock throughput is lower whenever other processes compete for the core.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run((m) => console.error(m)));
