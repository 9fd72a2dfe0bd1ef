import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BrokerConnections } from '../dispatch/forward/broker-connections';
import { DispatchWorker } from '../dispatch/worker/dispatch.worker';
import { InboxWriter } from '../store/inbox/inbox.writer';
import { StoreMaintenance } from '../store/store-maintenance';

const COMMIT_FAILURE_WINDOW_MS = 10_000;

/** Readiness checks beyond "the store answers": schema up to date, worker turning. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: StoreMaintenance,
    private readonly dispatch: DispatchWorker,
    private readonly inbox: InboxWriter,
    private readonly connections: BrokerConnections,
  ) {}

  /** Whether this process publishes to brokers, and so reports them. */
  get hasBrokers(): boolean {
    return this.dispatch.health().state !== 'disabled' && this.connections.configured;
  }

  /**
   * Reports each broker, and stays up while one is down: deliveries are still accepted and
   * stored, and their forward runs wait and retry (docs/forwarding.md). Alert on
   * `hookgate_broker_connected` instead.
   */
  brokers() {
    const connections = Object.fromEntries(
      this.connections.states().map(({ broker, ...state }) => [broker, state]),
    );
    return this.indicators.check('brokers').up({ connections });
  }

  /**
   * Down while the last inbox commit failed (within the last 10 s): the store may answer reads
   * (a full disk does) while refusing every delivery. Recovers by itself once a commit succeeds,
   * or after 10 s so traffic comes back to find out.
   */
  commits() {
    const check = this.indicators.check('commits');
    const failedAt = this.inbox.lastCommitFailure();
    const recent = failedAt !== null && Date.now() - failedAt.getTime() < COMMIT_FAILURE_WINDOW_MS;
    return recent
      ? check.down({
          message: 'The last commit failed: deliveries get 503.',
          failedAt: failedAt.toISOString(),
        })
      : check.up();
  }

  async migrations() {
    const check = this.indicators.check('migrations');
    try {
      const pending = await this.store.pendingMigrations();
      return pending
        ? check.down({ message: 'Migrations are pending: run npm run migrate or restart.' })
        : check.up();
    } catch (error) {
      return check.down({
        message: `Cannot read the migrations table: ${(error as Error).message}`,
      });
    }
  }

  worker() {
    const check = this.indicators.check('worker');
    const health = this.dispatch.health();
    return health.state === 'running' || health.state === 'disabled'
      ? check.up(health)
      : check.down(health);
  }
}
