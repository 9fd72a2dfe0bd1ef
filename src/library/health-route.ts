import { Controller, type Type } from '@nestjs/common';
import { HealthController } from '../observability/health.controller';

/** Nest route paths have no leading slash; `/`-only means the app root. */
function routePath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The health routes at a path the host chose. A subclass carries the route, so the shared
 * HealthController keeps its own (`/health`) for the gateway.
 */
export function healthControllerAt(path: string): Type<HealthController> {
  const at = routePath(path);
  if (at === 'health') return HealthController;
  @Controller(at)
  class HostHealthController extends HealthController {}
  return HostHealthController;
}

/** The health controller the options ask for, if any. */
export function healthControllers(option: boolean | { path: string } | undefined): Type[] {
  if (!option) return [];
  return [healthControllerAt(option === true ? '/health' : option.path)];
}
