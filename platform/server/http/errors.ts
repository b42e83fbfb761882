import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type ErrorEnvelope, type ErrorSpec, platformErrors } from '../../shared/errors.js';
import { LOCALES, type Locale, pickLocale } from '../../shared/i18n.js';

// The multipart parser (@fastify/busboy) throws plain Errors, without a status, for bodies that
// are cut off or lack a boundary, and a file stream it destroyed reads as a premature close: the
// client's fault, not a server failure.
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle cannot)/;

function isBrokenMultipart(err: FastifyError, req: FastifyRequest): boolean {
  if (err.statusCode !== undefined || !req.headers['content-type']?.toLowerCase().startsWith('multipart/')) return false;
  return err.code === 'ERR_STREAM_PREMATURE_CLOSE' || (typeof err.message === 'string' && MALFORMED_MULTIPART.test(err.message));
}

// A form has a few dozen fields at most; an array of 100,000 bad items would otherwise echo
// 100,000 issues (12 MB for a 200 kB request).
const MAX_ISSUES = 50;

/** Maps what Fastify and its plugins throw for bad input onto stable codes. */
function specForFastifyError(err: FastifyError, req: FastifyRequest): ErrorSpec | undefined {
  if (isBrokenMultipart(err, req)) return platformErrors['request.validation_failed'];
  const status = err.statusCode ?? 500;
  if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT')
    return platformErrors['request.too_large'];
  if (status === 415) return platformErrors['request.unsupported_media_type'];
  if (status === 429) return platformErrors['request.rate_limited'];
  if (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError) return platformErrors['request.malformed_json'];
  if (status >= 400 && status < 500) return platformErrors['request.validation_failed'];
  return undefined;
}

export function localeOf(req: FastifyRequest): Locale {
  // A stored preference indexes the message specs: anything but a known locale (a row written
  // before validation existed) must not reach `spec[locale]`, or the error handler itself fails.
  const stored = req.caller?.locale;
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored;
  return pickLocale(req.headers['accept-language']);
}

/** The one place an exception becomes a response: a 4xx with a code, or a logged 500 without internals. */
export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(req);
  let envelope: ErrorEnvelope;
  let status: number;
  if (err instanceof AppError) {
    status = err.status;
    envelope = { error: { code: err.code, message: err.localized(locale), details: err.details } };
  } else if (err instanceof ZodError) {
    status = 400;
    const spec = platformErrors['request.validation_failed'];
    envelope = {
      error: {
        code: spec.code,
        message: spec[locale],
        details: err.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
      },
    };
  } else {
    const spec = specForFastifyError(err as FastifyError, req);
    if (spec) {
      status = spec.status;
      envelope = { error: { code: spec.code, message: spec[locale] } };
    } else {
      req.log.error({ err }, 'unhandled error');
      status = 500;
      const internal = platformErrors.internal;
      envelope = { error: { code: internal.code, message: internal[locale], details: { requestId: req.id } } };
    }
  }
  if (status >= 500) req.log.error({ code: envelope.error.code }, 'request failed');
  return reply.status(status).type('application/json; charset=utf-8').send(envelope);
}
