import { Controller, Get, Inject, UseGuards, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RECEIVER_REGISTRY, type ReceiverRegistry } from '../config/tokens';
import { AdminTokenGuard } from './admin-token.guard';
import { ProviderList, toProviderView } from './providers.dto';
import { HttpErrorFilter } from '../errors/http-error.filter';

/** Every provider the gateway knows, so users and tools can discover them (docs/operations.md). */
@ApiTags('providers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/providers')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
export class ProvidersController {
  private readonly list: ProviderList;

  constructor(@Inject(RECEIVER_REGISTRY) receivers: ReceiverRegistry) {
    const items = receivers.map(toProviderView).sort((a, b) => a.name.localeCompare(b.name));
    this.list = { items };
  }

  @Get()
  @ApiOkResponse({ type: ProviderList, description: 'Sorted by name.' })
  providers(): ProviderList {
    return this.list;
  }
}
