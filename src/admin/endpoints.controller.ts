import {
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  UseGuards,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { HandshakeSecrets } from '../store/handshake-secrets';
import { AdminTokenGuard } from './admin-token.guard';
import { EndpointOverview } from './endpoint-overview';
import { EndpointList } from './endpoints.dto';
import { HttpErrorFilter } from '../errors/http-error.filter';

/** Per-endpoint state the gateway keeps (docs/operations.md, "Admin API"). */
@ApiTags('endpoints')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/endpoints')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
export class EndpointsController {
  constructor(
    private readonly endpoints: EndpointRegistry,
    private readonly secrets: HandshakeSecrets,
    private readonly overview: EndpointOverview,
  ) {}

  /** Every configured endpoint with its traffic; never a secret's value. */
  @Get()
  @ApiOkResponse({ type: EndpointList })
  async list(): Promise<EndpointList> {
    return { items: await this.overview.list() };
  }

  /**
   * Forget the signing secret a provider handed over in its handshake (Asana's
   * `X-Hook-Secret`), so that the next handshake can register a new webhook on this endpoint.
   */
  @Delete(':id/handshake-secret')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The kept secret is gone; the next handshake sets one.' })
  @ApiNotFoundResponse({ description: 'No such endpoint, or it keeps no handshake secret.' })
  async forgetHandshakeSecret(@Param('id') id: string): Promise<void> {
    const endpoint = this.endpoints.all().find((e) => e.id === id);
    if (!endpoint?.receiver.handshakeSecretHeader) {
      throw new NotFoundException(`No endpoint ${id} whose provider hands over its secret.`);
    }
    if (!(await this.secrets.forget(id))) {
      throw new NotFoundException(`Endpoint ${id} keeps no handshake secret.`);
    }
  }
}
