import {
  Controller,
  Get,
  Inject,
  Query,
  UseFilters,
  UseGuards,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '../config/tokens';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { AckLatencySampler } from '../observability/ack-latency-sampler';
import { StoreActivity } from '../store/dashboard/store-activity';
import { StoreMaintenance } from '../store/store-maintenance';
import { AdminTokenGuard } from './admin-token.guard';
import { bucketStarts, statsBuckets } from './stats-buckets';
import { STATS_WINDOWS, StatsQuery, StatsView } from './stats.dto';

/** The dashboard's overview: traffic and handler runs over the last hour or day, and backlog. */
@ApiTags('stats')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/stats')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class StatsController {
  constructor(
    private readonly activity: StoreActivity,
    private readonly maintenance: StoreMaintenance,
    private readonly latency: AckLatencySampler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: StatsView })
  @ApiBadRequestResponse({ description: 'window is neither 1h nor 24h.' })
  async stats(@Query() query: StatsQuery): Promise<StatsView> {
    const bucketSeconds = STATS_WINDOWS[query.window];
    const now = this.clock.now();
    const starts = bucketStarts(now, bucketSeconds, query.window === '1h' ? 60 : 96);
    const from = starts[0];
    const to = new Date(starts[starts.length - 1].getTime() + bucketSeconds * 1000);
    const [deliveries, attempts, backlog] = await Promise.all([
      this.activity.deliveries(from, to, bucketSeconds),
      this.activity.attempts(from, to, bucketSeconds),
      this.maintenance.backlog(now),
    ]);
    const oldestDueAt =
      backlog.due > 0 ? new Date(now.getTime() - backlog.oldestDueAgeSeconds * 1000) : null;
    return {
      window: query.window,
      bucketSeconds,
      buckets: statsBuckets(starts, bucketSeconds, deliveries, attempts, (at, ms) =>
        this.latency.latency(at, ms),
      ),
      backlog: {
        due: backlog.due,
        oldestDueAt: oldestDueAt?.toISOString() ?? null,
        unplanned: backlog.unplanned,
        dead: backlog.dead,
      },
    };
  }
}
