import { unzipSync } from 'fflate';
import { type APIRequestContext, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWithPassphrase } from '../src/crypto/passphrase-file.js';
import { setUpPracticeViaApi } from './support/practice.js';
import { type RunningServer, startServer } from './support/server.js';

// The export's heavy work runs on worker threads that load their entry file by name; this runs an
// export through the bundled server (dist/server), where a name that resolved only from the
// sources would fail the export.
const NOTES = 150;
const TEXT = 'We talked about the week, sleep a little better, work still heavy. Practised slowing the breath. ';

let server: RunningServer;
let req: APIRequestContext;

describe('an export on the built server', () => {
  beforeAll(async () => {
    server = await startServer();
    req = await request.newContext();
    await setUpPracticeViaApi(req, server.url);
  });
  afterAll(async () => {
    await req?.dispose();
    await server?.destroy();
  });

  it('runs on the worker pool to the end while /api/health keeps answering', async () => {
    expect(inject('serverFromSource'), 'the server build failed, so this would not test the bundle').toBe(false);
    const post = async (path: string, data: unknown) => (await req.post(`${server.url}${path}`, { data })).json() as Promise<Record<string, string>>;
    const clientId = (await post('/api/clients', { name: 'Robin Hale' })).id;
    for (let i = 0; i < NOTES; i++) await post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: `Session ${i + 1}. ${TEXT.repeat(6)}`, sign: true });
    const requestId = (await post('/api/sar/requests', { clientId, right: 'access', receivedOn: new Date().toISOString().slice(0, 10) })).id;
    const passphrase = 'a passphrase for the built server';
    const started = await post(`/api/sar/requests/${requestId}/exports`, { passphrase });
    expect(started.status).toBe('queued');

    let status = '';
    let healthChecks = 0;
    for (let i = 0; i < 1200 && status !== 'ready' && status !== 'failed'; i++) {
      expect((await req.get(`${server.url}/api/health`)).status()).toBe(200);
      healthChecks++;
      status = ((await (await req.get(`${server.url}/api/sar/exports/${started.exportId}`)).json()) as { status: string }).status;
      if (status !== 'ready') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('ready');
    expect(healthChecks).toBeGreaterThan(0);

    const dl = await req.get(`${server.url}/api/sar/exports/${started.exportId}/download`);
    expect(dl.status()).toBe(200);
    const files = unzipSync(await openWithPassphrase(await dl.body(), passphrase));
    const json = JSON.parse(Buffer.from(files['records.json']).toString('utf8')) as { notes: unknown[] };
    expect(json.notes).toHaveLength(NOTES);
  });
});
