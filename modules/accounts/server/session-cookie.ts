import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/server/config.js';

export const SESSION_COOKIE = 'skein_session';

export function readSessionCookie(req: FastifyRequest): string | undefined {
  return req.cookies?.[SESSION_COOKIE];
}

export function setSessionCookie(reply: FastifyReply, config: Config, secret: string, expiresAt: number): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
