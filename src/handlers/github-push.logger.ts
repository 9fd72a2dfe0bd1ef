import { Injectable, Logger } from '@nestjs/common';
import { OnWebhook } from '../dispatch/on-webhook.decorator';
import type { GithubEvent } from '../dispatch/webhook-event';

/** Example handler: one log line per GitHub push. */
@Injectable()
export class GithubPushLogger {
  private readonly logger = new Logger(GithubPushLogger.name);

  @OnWebhook('github', 'push')
  onPush(event: GithubEvent<'push'>): void {
    // Payloads come from outside: read them defensively even where the types say "always".
    const repository = event.payload.repository?.full_name ?? 'an unknown repository';
    const commits = event.payload.commits?.length ?? 0;
    this.logger.log(
      `${repository}: ${commits} commit(s) pushed to ${event.payload.ref} (delivery ${event.id}, attempt ${event.attempt})`,
    );
  }
}
