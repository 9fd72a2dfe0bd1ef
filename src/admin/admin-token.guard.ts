import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { timingSafeEqualAny } from '../receivers/shared/timing-safe';

/**
 * `Authorization: Bearer <admin.token>`, compared in constant time. Without a configured token
 * the admin API does not exist (404), so an unconfigured gateway exposes nothing.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.admin.token;
    if (!token) throw new NotFoundException();
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !timingSafeEqualAny(match[1], token)) {
      throw new UnauthorizedException('A valid admin bearer token is required.');
    }
    return true;
  }
}
