import type { FastifyRequest } from 'fastify';
import { AppError, platformErrors } from '../../shared/errors.js';

/**
 * Refuses cookie-authenticated state changes whose Origin names another site. Browsers send
 * Origin on every cross-site POST; SameSite=Lax cookies are the first line, this the second.
 * Requests without Origin (scripts, curl) pass: they cannot ride a victim's cookie.
 */
export function checkOrigin(req: Pick<FastifyRequest, 'headers' | 'host'>, publicUrl?: string): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new AppError(platformErrors['auth.origin_mismatch']);
    return;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(platformErrors['auth.origin_mismatch']);
  }
  const allowed = new Set<string>();
  // req.host is the Host header, or X-Forwarded-Host when the peer is a proxy SKEIN_TRUST_PROXY
  // trusts: from anybody else that header is just what an attacker chose to write.
  if (req.host) allowed.add(req.host);
  if (publicUrl) allowed.add(new URL(publicUrl).host);
  if (!allowed.has(originHost)) throw new AppError(platformErrors['auth.origin_mismatch']);
}
