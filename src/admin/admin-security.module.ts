import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AdminAuthThrottle } from './admin-auth-throttle';
import { AdminSecurityMiddleware } from './admin-security.middleware';

/**
 * The admin surface's hardening in one import: helmet headers on /admin (API and docs) and the
 * failed-login throttle the admin token guard uses.
 */
@Module({
  providers: [AdminAuthThrottle],
  exports: [AdminAuthThrottle],
})
export class AdminSecurityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AdminSecurityMiddleware)
      .forRoutes(
        { path: 'admin', method: RequestMethod.ALL },
        { path: 'admin/*path', method: RequestMethod.ALL },
      );
  }
}
