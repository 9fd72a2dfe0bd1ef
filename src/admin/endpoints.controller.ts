import {
  ConflictException,
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
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { EndpointRegistry, type ResolvedEndpoint } from '../pipeline/endpoint.registry';
import { HandshakeSecrets } from '../store/handshake-secrets';
import { AdminTokenGuard } from './admin-token.guard';
import { EndpointOverview } from './endpoint-overview';
import { EndpointList } from './endpoints.dto';
import { HttpErrorFilter } from '../errors/http-error.filter';

/**
 * Per-endpoint state the gateway keeps (docs/operations.md, "Admin API"). An endpoint is named
 * as in its URL, provider then id; the id alone still works while only one provider that hands
 * over secrets uses it.
 */
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
  @Delete(':provider/:id/handshake-secret')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The kept secret is gone; the next handshake sets one.' })
  @ApiNotFoundResponse({ description: 'No such endpoint, or it keeps no handshake secret.' })
  async forgetHandshakeSecret(
    @Param('provider') provider: string,
    @Param('id') id: string,
  ): Promise<void> {
    const endpoint = this.endpoints.find(provider, id);
    if (!endpoint?.receiver.handshakeSecretHeader) {
      throw new NotFoundException(
        `No endpoint ${provider}/${id} whose provider hands over its secret.`,
      );
    }
    await this.forget(endpoint);
  }

  /** The same, by endpoint id alone (the path before ids were unique per provider). */
  @Delete(':id/handshake-secret')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The kept secret is gone; the next handshake sets one.' })
  @ApiNotFoundResponse({ description: 'No such endpoint, or it keeps no handshake secret.' })
  @ApiConflictResponse({ description: 'Several such endpoints have this id: name the provider.' })
  async forgetHandshakeSecretById(@Param('id') id: string): Promise<void> {
    const candidates = this.endpoints
      .all()
      .filter((e) => e.id === id && e.receiver.handshakeSecretHeader);
    if (candidates.length === 0) {
      throw new NotFoundException(`No endpoint ${id} whose provider hands over its secret.`);
    }
    if (candidates.length > 1) {
      const paths = candidates.map((e) => `/admin/endpoints/${e.provider}/${e.id}`);
      throw new ConflictException(
        `Several endpoints have the id ${id}; name one: ${paths.join(' or ')}/handshake-secret.`,
      );
    }
    await this.forget(candidates[0]);
  }

  private async forget(endpoint: ResolvedEndpoint): Promise<void> {
    if (!(await this.secrets.forget(endpoint.provider, endpoint.id))) {
      throw new NotFoundException(
        `Endpoint ${endpoint.provider}/${endpoint.id} keeps no handshake secret.`,
      );
    }
  }
}
