import {
  Controller,
  Get,
  GoneException,
  Header,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  UseGuards,
  UsePipes,
  ValidationPipe,
  UseFilters,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { parseStoredPayload } from '../receivers/stored-payload';
import { AttemptLog } from '../store/dashboard/attempt-log';
import { DeliveryQueries } from '../store/delivery.queries';
import { AdminTokenGuard } from './admin-token.guard';
import { rawBodyExtension } from './raw-body-file';
import {
  DeliveryDetailView,
  DeliveryPage,
  ListDeliveriesQuery,
  toDeliveryView,
  toRunView,
  type DeliveryView,
} from './deliveries.dto';
import { HttpErrorFilter } from '../errors/http-error.filter';

/** Read side of the admin API (docs/operations.md, "Admin API"). */
@ApiTags('deliveries')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/deliveries')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class DeliveriesController {
  constructor(
    private readonly queries: DeliveryQueries,
    private readonly attempts: AttemptLog,
    private readonly endpoints: EndpointRegistry,
  ) {}

  @Get()
  @ApiOkResponse({ type: DeliveryPage, description: 'Newest first.' })
  @ApiBadRequestResponse({ description: 'A filter is invalid.' })
  async list(
    @Query() query: ListDeliveriesQuery,
  ): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const { receivedAfter, receivedBefore, ...filter } = query;
    const page = await this.queries.list({
      ...filter,
      receivedAfter: receivedAfter === undefined ? undefined : new Date(receivedAfter),
      receivedBefore: receivedBefore === undefined ? undefined : new Date(receivedBefore),
    });
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: DeliveryDetailView })
  @ApiNotFoundResponse({ description: 'No such delivery.' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryDetailView> {
    const found = await this.queries.get(id);
    if (!found) throw new NotFoundException(`No delivery ${id}.`);
    // Read after the runs: an attempt is written with its run's outcome, so every outcome the
    // runs show has its attempt here (read at once, the attempts could predate the runs).
    const attempts = await this.attempts.ofDelivery(id);
    const { delivery, runs } = found;
    return {
      ...toDeliveryView(delivery),
      occurredAt: delivery.occurredAt?.toISOString() ?? null,
      payload: parseStoredPayload(this.endpoints.receiver(delivery.provider), delivery),
      headers: delivery.headers,
      runs: runs.map((run) => toRunView(run, attempts)),
    };
  }

  /** The raw body as the provider sent it (or as its receiver stored it), to download. */
  @Get(':id/raw')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The stored bytes, with the stored content type and ' +
      '`Content-Disposition: attachment; filename="<id>.<ext>"`.',
  })
  @ApiNotFoundResponse({ description: 'No such delivery.' })
  @ApiGoneResponse({ description: 'Retention dropped the raw body (retention.rawBodyDays).' })
  async raw(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const found = await this.queries.rawBody(id);
    if (!found) throw new NotFoundException(`No delivery ${id}.`);
    if (!found.rawBody) throw new GoneException(`Retention dropped the raw body of ${id}.`);
    return new StreamableFile(found.rawBody, {
      type: found.contentType ?? 'application/octet-stream',
      disposition: `attachment; filename="${id}.${rawBodyExtension(found.contentType)}"`,
      length: found.rawBody.length,
    });
  }
}
