import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, isAppError } from '../core/errors.js';
import { type SchemaFailure, failureField, failureSentence } from './validation-messages.js';

/** The one place errors become HTTP. Unknown failures are a bare 500 with no internals. */
const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  erased: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  rate_limited: 429,
  sealed: 503,
  uninitialised: 503,
};

export const NOT_FOUND = 'Not found: it does not exist, or it is not yours to open.';

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(err)) {
    // One sentence for every 404: a service that found a colleague's note and then refused its case
    // must read exactly like one that found nothing, whatever each lookup calls the record.
    const message = err.code === 'not_found' && !err.keepMessage ? NOT_FOUND : err.message;
    void reply.status(STATUS[err.code]).send(errorBody(err.code, message, err.field));
    return;
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const failure = fe.validation[0] as SchemaFailure | undefined;
    const field = failure ? failureField(failure, fe.validationContext) : (fe.validationContext ?? 'body');
    const message = failure ? failureSentence(failure, field) : 'Something in the form is not valid.';
    void reply.status(400).send(errorBody('invalid_input', message, field));
    return;
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    void reply.status(415).send(errorBody('unsupported_media_type', 'Send JSON with Content-Type: application/json.'));
    return;
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    void reply.status(413).send(errorBody('payload_too_large', 'The request body is too large.'));
    return;
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError)) {
    void reply.status(400).send(errorBody('invalid_input', 'The request body is not valid JSON.', 'body'));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    void reply.status(fe.statusCode).send(errorBody('invalid_input', 'The request could not be understood.'));
    return;
  }
  // Log the error's class and the route only: messages may echo request content.
  req.log.error({ route: req.routeOptions?.url, type: fe.name, code: fe.code }, 'unhandled error');
  void reply.status(500).send(errorBody('internal', 'Something went wrong on our side. Nothing was saved by the failed request.'));
}
