import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { timingSafeEqualAny } from '../receivers/shared/timing-safe';
import { AdminAuthThrottle } from './admin-auth-throttle';

/**
 * `Authorization: Bearer <admin.token>`, compared in constant time (digests of both sides, so
 * neither the content nor the length of the token leaks through timing). Without a configured
 * token the admin API does not exist (404), so an unconfigured gateway exposes nothing. Failed
 * attempts are counted per client address; past the limit the address gets 429 for a while,
 * even with the right token, so the token cannot be guessed at speed.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly throttle: AdminAuthThrottle;

  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Optional() throttle?: AdminAuthThrottle,
  ) {
    // Without AdminSecurityModule wired in, the guard still throttles, with its own counter.
    this.throttle = throttle ?? new AdminAuthThrottle();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await authorizeAdmin(
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      this.config.admin.token,
      this.throttle,
    );
    return true;
  }
}

/**
 * The admin token check itself, for the guard and for routes outside Nest's controllers (the
 * OpenAPI docs). Throws the HTTP error to answer with: 404 without a configured token, 429 for
 * a blocked address, 401 for a missing or wrong token.
 */
export async function authorizeAdmin(
  req: Request,
  res: Response,
  token: string | undefined,
  throttle: AdminAuthThrottle,
): Promise<void> {
  if (!token) throw new NotFoundException();
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const blocked = throttle.blockedFor(address);
  if (blocked > 0) throw tooManyFailures(res, blocked);

  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !timingSafeEqualAny(match[1], token)) {
    const nowBlocked = await throttle.recordFailure(address);
    if (nowBlocked > 0) throw tooManyFailures(res, nowBlocked);
    throw new UnauthorizedException('A valid admin bearer token is required.');
  }
}

function tooManyFailures(res: Response, seconds: number): ThrottlerException {
  // The error filter keeps headers already set on the response.
  res.setHeader('Retry-After', String(seconds));
  return new ThrottlerException('Too many failed admin logins; retry later.');
}
