import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CliIo, type CommandFn, reportFailure } from './io.js';

/**
 * Commands load lazily so a pure engine (triage, deid, deadline) starts without opening a
 * database or loading the web server.
 */
const commands: Record<string, () => Promise<{ run: CommandFn }>> = {
  init: () => import('./commands/init.js'),
  serve: () => import('./commands/serve.js'),
  demo: () => import('./commands/demo.js'),
  client: () => import('./commands/client.js'),
  note: () => import('./commands/note.js'),
  audit: () => import('./commands/audit.js'),
  backup: () => import('./commands/backup.js'),
  restore: () => import('./commands/restore.js'),
  keys: () => import('./commands/keys.js'),
  triage: () => import('./commands/triage.js'),
  rights: () => import('./commands/rights.js'),
  deadline: () => import('./commands/deadline.js'),
  deid: () => import('./commands/deid.js'),
  consent: () => import('./commands/consent.js'),
  request: () => import('./commands/request.js'),
  sar: () => import('./commands/sar.js'),
  breach: () => import('./commands/breach.js'),
  retention: () => import('./commands/retention.js'),
};

const HELP = `Sanctum — confidential client records

Usage: sanctum <command> [options]

Vault and records:  init, serve, demo, client, note, audit verify, backup, restore, keys rotate
Decision engines:   triage, rights detect, deadline, deid
Workflows:          consent, request, sar, breach, retention

Run "sanctum <command> --help" for a command's options.
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`sanctum: unknown command "${name}" (see sanctum --help)\n`);
    return 2;
  }
  try {
    const mod = await load();
    return await mod.run(rest, io);
  } catch (e) {
    return reportFailure(io, name, e);
  }
}

export function processIo(): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    openStdin: () => process.stdin,
    env: process.env,
    isTty: Boolean(process.stdin.isTTY),
  };
}

const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
