import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, generatedTypes } from '../../scripts/api-types.js';
import { onPostgres } from '../support/context.js';

// The web app's API types come from the served OpenAPI document. If a route's schema changes and
// the generated file is not remade (`npm run api:types`), this fails; remaking it then lets the
// type-check show every page the change breaks.
describe('the web app\'s generated API types', () => {
  it.skipIf(onPostgres)('match the OpenAPI document the server serves', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const fresh = await generatedTypes();
    expect(committed === fresh, 'web/src/api/schema.d.ts is out of date: run `npm run api:types`').toBe(true);
  });
});
