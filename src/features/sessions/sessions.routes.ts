import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, date, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { ATTENDANCE, type Attendance, MODALITIES, type NewSession, ROOM_MAX } from './sessions.js';
import { addSession, listSessions, setAttendance } from './sessions.service.js';

const sessionSchema = obj({ id: str(), caseCode: str(), date: str(), durationMinutes: int(), modality: str(), attendance: str(), startTime: nullable(str()), room: nullable(str()), createdAt: str() });
/** HH:MM, 24-hour; the service explains a bad one in words. */
export const startTimeSchema = nullable(str({ maxLength: 5 }));
export const roomSchema = nullable(str({ maxLength: ROOM_MAX + 20 }));

export async function sessionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/clients/:id/sessions', {
    schema: { summary: "A client's sessions, newest first", params: idParams, response: { 200: arr(sessionSchema) } },
  }, async (req) => listSessions(ctx, principal(req), (req.params as { id: string }).id));

  app.post('/api/clients/:id/sessions', {
    schema: {
      summary: 'Record a session, with its start time (HH:MM) and room if known (one dated after today is planned; attended or did-not-attend only once its day has come)',
      params: idParams,
      body: obj({
        date: date(), durationMinutes: int({ minimum: 1, maximum: 600 }), modality: strEnum(MODALITIES), attendance: strEnum(ATTENDANCE), startTime: startTimeSchema, room: roomSchema,
      }, ['durationMinutes', 'modality', 'attendance', 'startTime', 'room']),
      response: { 201: sessionSchema },
    },
  }, async (req, reply) => reply.status(201).send(await addSession(ctx, principal(req), (req.params as { id: string }).id, req.body as NewSession)));

  app.patch('/api/clients/:id/sessions/:sessionId', {
    schema: {
      summary: "Record a session's attendance once its day has come (or cancel a planned one)",
      params: obj({ id: str({ maxLength: 100 }), sessionId: str({ maxLength: 100 }) }),
      body: obj({ attendance: strEnum(ATTENDANCE) }),
      response: { 200: sessionSchema },
    },
  }, async (req) => {
    const p = req.params as { id: string; sessionId: string };
    return setAttendance(ctx, principal(req), p.id, p.sessionId, (req.body as { attendance: Attendance }).attendance);
  });
}
