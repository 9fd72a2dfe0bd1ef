import {
  BeforeApplicationShutdown,
  Controller,
  Get,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { StoreEvents, type LiveEvent } from '../store/store-events';
import { AdminTokenGuard } from './admin-token.guard';

/** A comment line this often keeps proxies and clients from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /admin/events`: this process's deliveries and run outcomes as they happen, as
 * Server-Sent Events (`hookgate tail`, the dashboard). Live only: nothing is replayed on
 * reconnect; the admin API has the history.
 */
@ApiTags('events')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/events')
@UseGuards(AdminTokenGuard)
@UseFilters(HttpErrorFilter)
export class EventsController implements BeforeApplicationShutdown {
  /** Open streams, ended at shutdown: they never end by themselves and would hold the server. */
  private readonly open = new Set<Response>();

  constructor(private readonly events: StoreEvents) {}

  beforeApplicationShutdown(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }

  @Get()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Events `delivery.stored`, `run.succeeded`, `run.failed`, `run.dead`, each a JSON object.',
  })
  stream(@Req() req: Request, @Res() res: Response): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // Reverse proxies (nginx) would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(': hookgate events\n\n');
    const unsubscribe = this.events.onLive((event: LiveEvent) => {
      res.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    };
    req.on('close', stop);
    res.on('error', stop);
  }
}
