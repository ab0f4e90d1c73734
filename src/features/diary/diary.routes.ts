import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, date, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { CHANNELS } from '../consent/channels.js';
import { roomSchema } from '../sessions/sessions.routes.js';
import { MODALITIES } from '../sessions/sessions.js';
import { DIARY_MAX_DAYS, DIARY_NAMES, type DiaryNames } from './diary.js';
import { type Booking, type Referral, arrangingContact, bookSession, diaryClients, diarySettings, readDiary, registerReferral, setDiarySettings } from './diary.service.js';

const entry = obj({
  id: str(), clientId: str(), clientName: str(), date: str(), startTime: nullable(str()), durationMinutes: int(), room: nullable(str()), modality: strEnum(MODALITIES),
  practitionerName: nullable(str()),
});
const settings = obj({ clientNames: strEnum(DIARY_NAMES) });

/** Reception's diary: names, times, rooms and consented contacts; never a clinical field. */
export async function diaryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/diary', {
    schema: {
      summary: `Planned sessions from one day to another, at most ${DIARY_MAX_DAYS} days (reception)`,
      querystring: obj({ from: str({ maxLength: 10 }), to: str({ maxLength: 10 }) }),
      response: { 200: arr(entry) },
    },
  }, async (req) => readDiary(ctx, principal(req), req.query as { from: string; to: string }));

  app.get('/api/diary/clients', {
    schema: { summary: 'Clients with an open case, named as the diary names them, to book for (reception)', response: { 200: arr(obj({ id: str(), name: str(), practitionerName: nullable(str()), teamName: nullable(str()) })) } },
  }, async (req) => diaryClients(ctx, principal(req)));

  app.post('/api/diary/sessions', {
    schema: {
      summary: 'Book a planned session for a client with an open case: date, start time (HH:MM), minutes, room and how it is held (reception)',
      body: obj({
        clientId: str({ minLength: 1, maxLength: 100 }), date: date(), time: str({ maxLength: 5 }), duration: int({ minimum: 1, maximum: 600 }), room: roomSchema, modality: strEnum(MODALITIES),
      }, ['duration', 'room', 'modality']),
      response: { 201: entry },
    },
  }, async (req, reply) => reply.status(201).send(await bookSession(ctx, principal(req), req.body as Booking)));

  app.get('/api/diary/clients/:id/contact', {
    schema: {
      summary: 'How to reach a client to arrange a session: only the channels they have agreed to (reception; audited)',
      params: idParams,
      response: { 200: obj({ clientId: str(), name: str(), channels: arr(obj({ channel: strEnum(CHANNELS), label: str(), value: nullable(str()) })), preferredChannel: nullable(strEnum(CHANNELS)) }) },
    },
  }, async (req) => arrangingContact(ctx, principal(req), (req.params as { id: string }).id));

  app.post('/api/referrals', {
    schema: {
      summary: 'Register a referral: the client’s identity only, no practitioner yet, in a team if named (reception)',
      body: obj({
        name: str({ minLength: 1, maxLength: 200 }), dob: nullable(str({ maxLength: 10 })), email: nullable(str({ maxLength: 320 })), phone: nullable(str({ maxLength: 40 })),
        preferredChannel: nullable(strEnum(CHANNELS)), teamId: nullable(str({ maxLength: 100 })),
      }, ['dob', 'email', 'phone', 'preferredChannel', 'teamId']),
      response: { 201: obj({ id: str(), caseCode: str(), name: str() }) },
    },
  }, async (req, reply) => reply.status(201).send(await registerReferral(ctx, principal(req), req.body as Referral)));

  app.get('/api/diary/settings', {
    schema: { summary: 'How the diary names clients: first name and initial (short) or in full', response: { 200: settings } },
  }, async (req) => diarySettings(ctx, principal(req)));

  app.put('/api/diary/settings', {
    schema: { summary: 'Choose how the diary names clients (admins)', body: settings, response: { 200: settings } },
  }, async (req) => setDiarySettings(ctx, principal(req), req.body as { clientNames: DiaryNames }));
}
