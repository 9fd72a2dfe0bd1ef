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
} from '@nestjs/common';
import { HandlerRegistry } from '../dispatch/handler.registry';
import { RunStore } from '../dispatch/run.store';
import { DispatchWorker } from '../dispatch/dispatch.worker';
import { DeliveryQueries } from '../store/delivery.queries';
import { AdminTokenGuard } from './admin-token.guard';
import { BulkReplayRequest, ReplayQuery } from './replay.dto';

/** Write side of the admin API: replay deliveries, retry dead runs, bulk replay by filter. */
@Controller('admin')
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class ReplayController {
  constructor(
    private readonly queries: DeliveryQueries,
    private readonly runs: RunStore,
    private readonly handlers: HandlerRegistry,
    private readonly worker: DispatchWorker,
  ) {}

  /** Run every matching handler again (or only `?handler=`), from attempt 1. */
  @Post('deliveries/:id/replay')
  @HttpCode(202)
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
  async bulkReplay(@Body() request: BulkReplayRequest) {
    const ids = await this.queries.findRunIds({ ...request, statuses: request.statuses });
    if (request.dryRun) return { dryRun: true, matched: ids.length, replayed: 0 };
    const replayed = await this.runs.retryRuns(ids);
    this.worker.poke();
    return { dryRun: false, matched: ids.length, replayed };
  }
}
