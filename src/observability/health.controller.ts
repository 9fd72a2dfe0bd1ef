import { ApiExcludeController } from '@nestjs/swagger';
import { Controller, Get, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../store/connection';
import { ReadinessIndicators } from './readiness.indicators';
import { HttpErrorFilter } from '../errors/http-error.filter';

/**
 * `GET /health`: 200 while the store answers a query, 503 when not (load balancers use it).
 * `GET /health/ready`: also migrations applied and the worker turning; 503 names the failing
 * check (docs/operations.md, "Health").
 */
@ApiExcludeController()
@Controller('health')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly readiness: ReadinessIndicators,
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
  ) {}

  private store() {
    return this.db.pingCheck('store', { connection: this.dataSource, timeout: 2000 });
  }

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.store()]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.store(),
      () => this.readiness.commits(),
      () => this.readiness.migrations(),
      () => this.readiness.worker(),
      ...(this.readiness.hasBrokers ? [() => this.readiness.brokers()] : []),
    ]);
  }
}
