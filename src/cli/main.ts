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
  staff: () => import('./commands/staff.js'),
  cover: () => import('./commands/cover.js'),
  supervision: () => import('./commands/supervision.js'),
  breakglass: () => import('./commands/breakglass.js'),
};

const HELP = `Sanctum — confidential client records

Usage: sanctum <command> [options]

Vault and records:  init, serve, demo, client, note, audit verify, backup, restore, keys rotate|export|import
Decision engines:   triage, rights detect, deadline, deid
Workflows:          consent, request, sar, breach, retention
Practice accounts:  staff add|list|disable|enable|unlock|reset-2fa|reset-password|roles
Organisation:       cover add|end|list, supervision add|end|list, breakglass list|review

Run "sanctum <command> --help" for a command's options.
`;

/** Usage for the vault commands (the engines and workflows print their own). */
const USAGE: Record<string, string> = {
  init: 'sanctum init [--data DIR] [--name NAME] [--jurisdiction GB-ENG|GB-WLS|GB-SCT|GB-NIR|US-CA|US-NY|US-TX|US-FL] [--time-zone TZ] [--new-key-file PATH] [--json]',
  serve: 'sanctum serve [--data DIR] [--port 4480] [--host 127.0.0.1] [--trust-proxy [HOPS | PROXY-ADDRESSES,CIDRS]]   (or SANCTUM_TRUST_PROXY; --trust-proxy alone means one hop)',
  demo: 'sanctum demo [--data DIR (default ./demo-data)] [--fresh] [--port N] [--host H] [--no-serve] [--code] [--json]',
  client: 'sanctum client add --name "Full Name" [--dob YYYY-MM-DD] [--email E] [--phone P] [--address A] [--gp G] [--practitioner EMAIL] [--json]\n       sanctum client list [--json]\n       sanctum client show --client ID [--json]\n       sanctum client erase --client ID [--json]',
  note: 'sanctum note add --client ID [--kind progress|process] (--text "…" | --file F|-) [--sign] [--json]\n       sanctum note list --client ID [--limit N] [--json]',
  audit: 'sanctum audit verify [--data DIR] [--checkpoint FILE [--public-key FILE]] [--json]\n       sanctum audit checkpoint [--data DIR] [--out FILE] [--json]',
  backup: 'sanctum backup [--data DIR] --out FILE [--json]\n       sanctum backup verify --in FILE [--json]   (restores into a scratch copy and checks it)\n       sanctum backup schedule [--data DIR] [--dir DIR | --off] [--json]   (daily into DIR, kept 7 daily, 4 weekly, 12 monthly)',
  restore: 'sanctum restore [--data DIR] --in FILE [--json]',
  keys: 'sanctum keys rotate [--data DIR] [--json]   (new passphrase from SANCTUM_NEW_PASSPHRASE or SANCTUM_NEW_KEY_FILE)\n       sanctum keys export [--data DIR] --out FILE [--json]\n       sanctum keys import [--data DIR] --in FILE [--json]   (new machine: an empty data folder or database)',
  cover:
    'sanctum cover add --by ID|EMAIL --for ID|EMAIL --until YYYY-MM-DD [--from YYYY-MM-DD] --reason "…" [--json]   (the colleague in --by sees the clients of --for while it lasts)\n' +
    '       sanctum cover end --id ID [--json]\n       sanctum cover list [--json]',
  supervision:
    'sanctum supervision add --supervisor ID|EMAIL --supervisee ID|EMAIL [--from YYYY-MM-DD] [--until YYYY-MM-DD] --reason "…" [--json]\n' +
    '       sanctum supervision end --id ID [--json]\n       sanctum supervision list [--json]',
  breakglass:
    'sanctum breakglass list [--json]\n       sanctum breakglass review --id ID --verdict appropriate|inappropriate --notes "…" [--json]',
  staff:
    'sanctum staff add --email E --name "Full Name" --roles practitioner,admin,supervisor,reception,clinical_lead,dpo [--team NAME|ID] [--json]\n' +
    '       sanctum staff list [--json]\n' +
    '       sanctum staff disable --user ID|EMAIL --reason left_practice|extended_leave|suspected_compromise|other [--json]\n' +
    '       sanctum staff enable --user ID|EMAIL [--json]\n' +
    '       sanctum staff unlock --user ID|EMAIL --reason own_attempts_confirmed|identity_verified|attempts_investigated [--json]\n' +
    '       sanctum staff reset-2fa --user ID|EMAIL --reason lost_device|new_device|suspected_compromise [--json]\n' +
    '       sanctum staff reset-password --user ID|EMAIL --reason forgotten|suspected_compromise|returning_from_leave [--json]\n' +
    '       sanctum staff roles --user ID|EMAIL --set practitioner,admin [--json]\n' +
    '       sanctum staff reassign --from ID|EMAIL --to ID|EMAIL --reason practitioner_left|client_request|caseload_balance|clinical_need|other [--client CLIENT_ID | --include-closed] [--json]',
};

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
  if (USAGE[name] && rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout(`Usage: ${USAGE[name]}\n\nEvery command takes --data DIR (default ./data) or DATABASE_URL, and reads the vault passphrase from SANCTUM_PASSPHRASE (or SANCTUM_KEY_FILE) or asks on a terminal.\n`);
    return 0;
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
