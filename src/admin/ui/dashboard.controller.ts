import {
  Controller,
  Get,
  Inject,
  Logger,
  NotFoundException,
  OnModuleInit,
  Param,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { HttpErrorFilter } from '../../errors/http-error.filter';
import { DashboardAssets } from './dashboard-assets';

/** Built file names carry a content hash (ui/vite.config.ts): a name never changes content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and unhashed files are checked on every load, so a new build shows at once. */
const REVALIDATE = 'no-cache';

/**
 * The dashboard's static files at /admin/ui (docs/dashboard.md). The files are public (the
 * page asks for the token, and every data call carries it), but like the admin API the
 * dashboard does not exist without a configured admin token. A path that is not a file is a
 * page of the dashboard, answered with index.html; a missing file is 404, never the page.
 */
@ApiExcludeController()
@Controller('admin/ui')
@UseFilters(HttpErrorFilter)
export class DashboardController implements OnModuleInit {
  private readonly logger = new Logger('Dashboard');

  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    private readonly assets: DashboardAssets,
  ) {}

  onModuleInit(): void {
    if (this.config.admin.token && !this.assets.built) {
      this.logger.warn('The dashboard is not built, so /admin/ui answers 404: run npm run build.');
    }
  }

  @Get()
  page(@Res() res: Response): Promise<void> {
    return this.serve(res, 'index.html');
  }

  @Get('*path')
  file(@Param('path') path: string[] | string, @Res() res: Response): Promise<void> {
    const name = Array.isArray(path) ? path.join('/') : path;
    return this.serve(res, name);
  }

  private async serve(res: Response, name: string): Promise<void> {
    if (!this.config.admin.token || !this.assets.built) throw new NotFoundException();
    const file = this.assets.file(name);
    if (file) return send(res, file, name.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    if (looksLikeFile(name)) throw new NotFoundException(`No dashboard file ${name}.`);
    return send(res, this.assets.file('index.html')!, REVALIDATE);
  }
}

/** A client route has no extension and is not under assets/ (ui/src/paths.ts). */
function looksLikeFile(name: string): boolean {
  return name.startsWith('assets/') || /\.[a-z0-9]+$/i.test(name);
}

/**
 * express's sendFile: content type by extension, ETag, Last-Modified, conditional GET, HEAD.
 * Dot folders are allowed on the way (a build may live under one): only listed names get here.
 */
function send(res: Response, file: string, cacheControl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(
      file,
      { cacheControl: false, dotfiles: 'allow', headers: { 'Cache-Control': cacheControl } },
      (error) => {
        if (!error) return resolve();
        if (res.headersSent) return resolve();
        reject(new NotFoundException('The dashboard file is gone; rebuild and restart.'));
      },
    );
  });
}
