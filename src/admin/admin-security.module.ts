import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AdminAuthThrottle } from './admin-auth-throttle';
import { AdminSecurityMiddleware } from './admin-security.middleware';
import { DashboardSecurityMiddleware } from './ui/dashboard-security.middleware';

const DASHBOARD_ROUTES = [
  { path: 'admin/ui', method: RequestMethod.ALL },
  { path: 'admin/ui/*path', method: RequestMethod.ALL },
];

/**
 * The admin surface's hardening in one import: helmet headers on /admin (API and docs), the
 * dashboard's own policy on /admin/ui, and the failed-login throttle the admin token guard uses.
 */
@Module({
  providers: [AdminAuthThrottle],
  exports: [AdminAuthThrottle],
})
export class AdminSecurityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DashboardSecurityMiddleware).forRoutes(...DASHBOARD_ROUTES);
    consumer
      .apply(AdminSecurityMiddleware)
      .exclude(...DASHBOARD_ROUTES)
      .forRoutes(
        { path: 'admin', method: RequestMethod.ALL },
        { path: 'admin/*path', method: RequestMethod.ALL },
      );
  }
}
