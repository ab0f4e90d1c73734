import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { validateTriageInput } from './triage.validate.js';
import { request } from './triage.scenarios.js';

function errorOf(raw: unknown): AppError {
  try {
    validateTriageInput(raw);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a validation error');
}

describe('triage input validation', () => {
  const good = request('GB-ENG', { requester: 'police', asks: 'records' });

  it('accepts the contract example', () => {
    expect(validateTriageInput(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('names the field and lists the allowed values', () => {
    const e = errorOf({ ...good, authority: 'letter' });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('invalid_input');
    expect(e.field).toBe('authority');
    expect(e.message).toBe('expected one of none, client_authority, court_order, subpoena, warrant, statutory_notice');
    expect(errorOf({ ...good, jurisdiction: 'FR' }).field).toBe('jurisdiction');
    expect(errorOf({ ...good, jurisdiction: 'FR' }).message).toMatch(/^expected one of GB-ENG, GB-WLS/);
  });

  it('rejects missing and extra fields, at the top and in client', () => {
    const { consent: _omit, ...missing } = good;
    expect(errorOf(missing)).toMatchObject({ field: 'consent', message: 'is required' });
    expect(errorOf({ ...good, urgent: true }).field).toBe('urgent');
    expect(errorOf({ ...good, client: { ...good.client, dob: '2010-01-01' } }).field).toBe('client.dob');
    const { age: _a, ...noAge } = good.client;
    expect(errorOf({ ...good, client: noAge }).field).toBe('client.age');
  });

  it('checks types: concerns, ages, booleans and null', () => {
    expect(errorOf({ ...good, concerns: ['terrorism', 'gossip'] }).field).toBe('concerns[1]');
    expect(errorOf({ ...good, concerns: 'terrorism' }).field).toBe('concerns');
    expect(errorOf({ ...good, client: { ...good.client, age: 15.5 } }).field).toBe('client.age');
    expect(errorOf({ ...good, client: { ...good.client, competent: 'yes' } }).field).toBe('client.competent');
    expect(errorOf({ ...good, emergency: null }).field).toBe('emergency');
    expect(errorOf([]).field).toBe('(input)');
    expect(validateTriageInput({ ...good, concerns: ['terrorism', 'terrorism'] }).concerns).toEqual(['terrorism']);
  });
});
