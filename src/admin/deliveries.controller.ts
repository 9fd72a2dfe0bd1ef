import {
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  UseGuards,
  UsePipes,
  ValidationPipe,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { parseStoredPayload } from '../receivers/stored-payload';
import { DeliveryQueries } from '../store/delivery.queries';
import { AdminTokenGuard } from './admin-token.guard';
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
    private readonly endpoints: EndpointRegistry,
  ) {}

  @Get()
  @ApiOkResponse({ type: DeliveryPage, description: 'Newest first.' })
  @ApiBadRequestResponse({ description: 'A filter is invalid.' })
  async list(
    @Query() query: ListDeliveriesQuery,
  ): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const page = await this.queries.list(query);
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: DeliveryDetailView })
  @ApiNotFoundResponse({ description: 'No such delivery.' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryDetailView> {
    const found = await this.queries.get(id);
    if (!found) throw new NotFoundException(`No delivery ${id}.`);
    const { delivery, runs } = found;
    return {
      ...toDeliveryView(delivery),
      occurredAt: delivery.occurredAt?.toISOString() ?? null,
      payload: parseStoredPayload(this.endpoints.receiver(delivery.provider), delivery),
      headers: delivery.headers,
      runs: runs.map(toRunView),
    };
  }
}
