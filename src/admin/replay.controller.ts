import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
  UsePipes,
  ValidationPipe,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { HandlerRegistry } from '../dispatch/handler.registry';
import { RunQueue } from '../store/run-queue';
import { DispatchWorker } from '../dispatch/worker/dispatch.worker';
import { DeliveryQueries } from '../store/delivery.queries';
import { AdminTokenGuard } from './admin-token.guard';
import {
  BulkReplayRequest,
  BulkReplayResult,
  ReplayAccepted,
  ReplayQuery,
  RetryAccepted,
} from './replay.dto';
import { HttpErrorFilter } from '../errors/http-error.filter';

/** Write side of the admin API: replay deliveries, retry dead runs, bulk replay by filter. */
@ApiTags('replay')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class ReplayController {
  constructor(
    private readonly queries: DeliveryQueries,
    private readonly runs: RunQueue,
    private readonly handlers: HandlerRegistry,
    private readonly worker: DispatchWorker,
  ) {}

  /** Run every matching handler again (or only `?handler=`), from attempt 1. */
  @Post('deliveries/:id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplayAccepted })
  @ApiNotFoundResponse({ description: 'No such delivery.' })
  @ApiConflictResponse({ description: 'No registered handler (or not the named one) matches.' })
  async replay(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ReplayQuery) {
    const found = await this.queries.get(id);
    if (!found) throw new NotFoundException(`No delivery ${id}.`);
    const matching = this.handlers.matching(found.delivery).map((h) => h.name);
    const handlers = query.handler ? matching.filter((name) => name === query.handler) : matching;
    if (handlers.length === 0) {
      throw new ConflictException(
        query.handler
          ? `Handler "${query.handler}" is not registered or does not match this delivery.`
          : 'No registered handler matches this delivery.',
      );
    }
    await this.runs.replay(id, handlers);
    this.worker.poke();
    return { id, handlers };
  }

  /** Retry one dead (or waiting) run now, with a fresh attempt count. */
  @Post('deliveries/:id/runs/:handler/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RetryAccepted })
  @ApiNotFoundResponse({ description: 'The delivery has no run for that handler.' })
  @ApiConflictResponse({ description: 'The run is neither dead nor failed.' })
  async retryRun(@Param('id', new ParseUUIDPipe()) id: string, @Param('handler') handler: string) {
    const found = await this.queries.get(id);
    const run = found?.runs.find((r) => r.handler === handler);
    if (!run) throw new NotFoundException(`Delivery ${id} has no run for handler "${handler}".`);
    if ((await this.runs.retryRuns([run.id])) === 0) {
      throw new ConflictException(
        `The run is ${run.status}; only dead or failed runs can be retried.`,
      );
    }
    this.worker.poke();
    return { id, handler };
  }

  /** Replay dead (or failed) runs by filter. Counts first: nothing changes unless dryRun is false. */
  @Post('runs/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkReplayResult })
  async bulkReplay(@Body() request: BulkReplayRequest) {
    const ids = await this.queries.findRunIds({ ...request, statuses: request.statuses });
    if (request.dryRun) return { dryRun: true, matched: ids.length, replayed: 0 };
    const replayed = await this.runs.retryRuns(ids);
    this.worker.poke();
    return { dryRun: false, matched: ids.length, replayed };
  }
}
