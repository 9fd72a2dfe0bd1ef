import {
  Controller,
  Get,
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
import { HttpErrorFilter } from '../errors/http-error.filter';
import { FailureGroups } from '../store/dashboard/failure-groups';
import { AdminTokenGuard } from './admin-token.guard';
import { FailureGroupsView, FailuresQuery } from './failures.dto';

/**
 * Dead and failing runs grouped by handler, or by handler and error: what broke, how often and
 * since when. Replay a group with `POST /admin/runs/replay` (its dry run counts first).
 */
@ApiTags('failures')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or wrong admin bearer token.' })
@Controller('admin/failures')
// Hookgate's error answers on its own routes only: a host app's routes keep the host's.
@UseFilters(HttpErrorFilter)
@UseGuards(AdminTokenGuard)
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class FailuresController {
  constructor(private readonly failures: FailureGroups) {}

  @Get()
  @ApiOkResponse({ type: FailureGroupsView })
  @ApiBadRequestResponse({ description: 'groupBy or limit is invalid.' })
  async list(@Query() query: FailuresQuery): Promise<FailureGroupsView> {
    const groups = await this.failures.list(query.groupBy, query.limit);
    return {
      groups: groups.map((group) => ({
        ...group,
        oldest: group.oldest.toISOString(),
        newest: group.newest.toISOString(),
      })),
    };
  }
}
