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
} from '@nestjs/common';
import { findReceiver } from '../receivers/receivers';
import { DeliveryQueries } from '../store/delivery.queries';
import { AdminTokenGuard } from './admin-token.guard';
import {
  DeliveryDetailView,
  ListDeliveriesQuery,
  toDeliveryView,
  toRunView,
  type DeliveryView,
} from './deliveries.dto';

/** Read side of the admin API (DESIGN §3). */
@Controller('admin/deliveries')
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class DeliveriesController {
  constructor(private readonly queries: DeliveryQueries) {}

  @Get()
  async list(@Query() query: ListDeliveriesQuery): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const page = await this.queries.list(query);
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryDetailView> {
    const found = await this.queries.get(id);
    if (!found) throw new NotFoundException(`No delivery ${id}.`);
    const { delivery, runs } = found;
    return {
      ...toDeliveryView(delivery),
      payload: parseStoredPayload(delivery.provider, delivery.rawBody, delivery.contentType, delivery.headers),
      headers: delivery.headers,
      runs: runs.map(toRunView),
    };
  }
}

/** Re-parse the stored raw body with its receiver (the store keeps bytes, not a re-serialization). */
function parseStoredPayload(
  provider: string,
  rawBody: Buffer | null,
  contentType: string | null,
  headers: Record<string, string>,
): unknown {
  const receiver = findReceiver(provider);
  if (!receiver || !rawBody) return null;
  try {
    return receiver.parse({
      method: 'POST',
      url: '',
      query: {},
      headers,
      rawBody,
      contentType: contentType ?? undefined,
    });
  } catch {
    return null;
  }
}
