import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { platformErrors } from '../../shared/errors.js';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (bytes that are not allowed in a
 * request line, such as raw UTF-8 in the path; oversized headers; a request that never finishes
 * arriving). Fastify's default answer has no error code, so they get the envelope every other
 * refusal has. There is no request yet, hence no Accept-Language: the message is English.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const spec =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? platformErrors['request.timeout']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? { ...platformErrors['request.too_large'], status: 431 }
        : platformErrors['request.malformed'];
  const body = JSON.stringify({ error: { code: spec.code, message: spec['en-US'] } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${spec.status} ${STATUS_CODES[spec.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
