import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { DecryptError } from '../../crypto/envelope.js';
import { SEALED_FILE_MAX_BYTES, openWithPassphrase } from '../../crypto/passphrase-file.js';
import { readOutsideFile } from '../outside-file.js';
import { EXPORT_FORMATS, type ExportFormat, unpackClientCopy } from '../../features/sar/export.client.js';
import { runExport } from '../../features/sar/export.service.js';
import { newReadablePassphrase } from '../../features/sar/passphrase.js';
import { listRequests, openRequest } from '../../features/sar/sar.service.js';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson, readInput } from '../io.js';
import { withVault } from '../vault-access.js';

const USAGE = 'sar: expected one of open, list, export, decrypt';

function passphraseFrom(io: CliIo, command: string, variable: string | undefined): string {
  const name = required(command, variable, 'passphrase-env');
  const value = io.env[name];
  if (!value) throw new UsageError(`${command}: field "passphrase-env": environment variable ${name} is not set`);
  return value;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'open') {
    const { values: v, positionals } = parse('sar open', rest, {
      data: { type: 'string' }, client: { type: 'string' }, right: { type: 'string' }, received: { type: 'string' }, message: { type: 'boolean' }, json: { type: 'boolean' },
    }, true);
    const clientId = required('sar open', v.client, 'client');
    // With --message the request's wording is read from FILE or stdin, and the right detected from it.
    const message = v.message ? await readInput(io, positionals[0], 'sar open') : undefined;
    const r = await withVault(io, v.data, (ctx, op) => openRequest(ctx, op, { clientId, right: v.right, receivedOn: v.received, message }));
    const out = { id: r.id, right: r.right, regime: r.regime, receivedOn: r.receivedOn, due: r.dueOn, extendedDue: r.extendedDueOn, detected: r.detected, cues: r.message?.cues ?? [] };
    if (v.json) printJson(io, out);
    else io.stdout(`Opened ${r.right} request ${r.id}: received ${r.receivedOn}, due ${r.dueOn} (${r.regime})\n`);
    return 0;
  }
  if (sub === 'list') {
    const { values: v } = parse('sar list', rest, { data: { type: 'string' }, open: { type: 'boolean' }, client: { type: 'string' }, json: { type: 'boolean' } });
    const rows = await withVault(io, v.data, (ctx, op) => listRequests(ctx, op, { openOnly: v.open, clientId: v.client }));
    if (v.json) printJson(io, rows);
    else for (const r of rows) io.stdout(`${r.dueOn}  ${r.status.padEnd(22)} ${r.right.padEnd(13)} ${r.caseCode}  ${r.id}\n`);
    return 0;
  }
  if (sub === 'export') {
    const { values: v } = parse('sar export', rest, {
      data: { type: 'string' }, client: { type: 'string' }, request: { type: 'string' }, out: { type: 'string' }, 'passphrase-env': { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' },
    });
    const out = required('sar export', v.out, 'out');
    const format = (v.format ?? 'sealed') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`sar export: field "format": expected one of ${EXPORT_FORMATS.join(', ')}`);
    // The client's copy may take its passphrase from the environment or get readable words, shown once.
    const passphrase = format === 'client' && !v['passphrase-env'] ? newReadablePassphrase() : passphraseFrom(io, 'sar export', v['passphrase-env']);
    if (!v.client && !v.request) throw new UsageError('sar export: give --client ID or --request ID');
    const result = await withVault(io, v.data, async (ctx, op) => {
      let requestId = v.request;
      if (!requestId) {
        const open = (await listRequests(ctx, op, { openOnly: true, clientId: v.client })).filter((r) => r.right === 'access' || r.right === 'portability');
        // No request on the register yet: log one received today, so the export has its clock and audit trail.
        requestId = open[0]?.id ?? (await openRequest(ctx, op, { clientId: v.client as string, right: 'access' })).id;
      }
      const started = Date.now();
      const r = await runExport(ctx, op, requestId, passphrase, (stage, done, total) => io.stderr(`sar export: ${stage} ${done}/${total}\n`), undefined, format);
      return { ...r, requestId, seconds: (Date.now() - started) / 1000 };
    });
    const copy = format === 'client' ? unpackClientCopy(result.file) : null;
    if (copy) {
      // --out names a folder: the PDF and the ZIP go side by side, each readable by this user only.
      mkdirSync(out, { recursive: true, mode: 0o700 });
      const files = { pdf: join(out, 'records.pdf'), data: join(out, 'records-data.zip') };
      writeFileSync(files.pdf, copy.pdf, { mode: 0o600 });
      writeFileSync(files.data, copy.zip, { mode: 0o600 });
      const summary = { requestId: result.requestId, exportId: result.exportId, format, files, passphrase: v['passphrase-env'] ? null : passphrase, withheld: result.withheld, ...result.counts };
      if (v.json) printJson(io, summary);
      else io.stdout(`Wrote ${files.pdf} and ${files.data} (${result.counts.notes} notes; information withheld in ${result.withheld} notes or letters).\n${summary.passphrase ? `Passphrase for the client (shown once): ${passphrase}\n` : ''}Give the client the passphrase by phone or in person, never with the files.\n`);
      return 0;
    }
    writeFileSync(out, result.file, { mode: 0o600 });
    const summary = { requestId: result.requestId, exportId: result.exportId, out, bytes: result.file.length, sha256: result.sha256, withheld: result.withheld, ...result.counts };
    if (v.json) printJson(io, summary);
    else io.stdout(`Wrote ${out} (${result.file.length} bytes, ${result.counts.notes} notes; information withheld in ${result.withheld} notes or letters). Give the client the passphrase by a separate channel.\n`);
    return 0;
  }
  if (sub === 'decrypt') {
    const { values: v } = parse('sar decrypt', rest, { in: { type: 'string' }, out: { type: 'string' }, extract: { type: 'string' }, 'passphrase-env': { type: 'string' }, json: { type: 'boolean' } });
    const input = required('sar decrypt', v.in, 'in');
    if (!v.out && !v.extract) throw new UsageError('sar decrypt: give --out FILE.zip or --extract DIR');
    const passphrase = passphraseFrom(io, 'sar decrypt', v['passphrase-env']);
    const sealed = readOutsideFile('sar decrypt', input, SEALED_FILE_MAX_BYTES, 'sealed export');
    let zip: Buffer;
    try {
      zip = await openWithPassphrase(sealed, passphrase);
    } catch (e) {
      if (e instanceof DecryptError) {
        io.stderr(`sar decrypt: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const files: string[] = [];
    if (v.out) writeFileSync(v.out, zip, { mode: 0o600 });
    if (v.extract) {
      mkdirSync(v.extract, { recursive: true, mode: 0o700 });
      for (const [name, data] of Object.entries(unzipSync(new Uint8Array(zip)))) {
        const safe = basename(name);
        writeFileSync(join(v.extract, safe), data, { mode: 0o600 });
        files.push(safe);
      }
    }
    if (v.json) printJson(io, { out: v.out ?? null, extracted: files });
    else io.stdout(v.extract ? `Extracted ${files.join(', ')} into ${v.extract}\n` : `Wrote ${v.out}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
