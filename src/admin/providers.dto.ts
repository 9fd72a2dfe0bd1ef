import { ApiProperty } from '@nestjs/swagger';
import type { Receiver } from '../receivers/receiver';

/** One provider, as `GET /admin/providers` lists it. */
export class ProviderView {
  @ApiProperty({ example: 'gitea', description: 'The name in /webhooks/{provider}/{id}.' })
  name: string;
  @ApiProperty({ type: [String], example: ['forgejo'], description: 'Other names for the URL.' })
  aliases: string[];
  @ApiProperty({
    type: [String],
    example: ['hmac'],
    description:
      'How requests are authenticated: hmac, hmac-url, hmac-params, token, basic, code, org-id, rsa-cert.',
  })
  schemes: string[];
  @ApiProperty({ type: [String], example: ['echo-query'], description: 'Handshakes it answers.' })
  handshakes: string[];
  @ApiProperty({ description: 'Whether a signed timestamp bounds replays.' })
  signsTimestamp: boolean;
  @ApiProperty({ description: 'Whether the scheme is described per endpoint in options.' })
  configurable: boolean;
  @ApiProperty({ type: [String], example: ['application/json'] })
  contentTypes: string[];
  @ApiProperty({ type: [String], example: ['POST'] })
  methods: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How long the provider waits for an answer, in ms, where it says.',
  })
  ackDeadlineMs: number | null;
  @ApiProperty({
    description: 'Whether it reads the HTTP answer, so handlers may reply ({ reply: true }).',
  })
  replies: boolean;
}

export class ProviderList {
  @ApiProperty({ type: [ProviderView] }) items: ProviderView[];
}

export function toProviderView(receiver: Receiver<unknown>): ProviderView {
  const profile = receiver.profile;
  return {
    name: receiver.name,
    aliases: [...(receiver.aliases ?? [])],
    schemes: [...(profile?.schemes ?? [])],
    handshakes: [...(profile?.handshakes ?? [])],
    signsTimestamp: profile?.signsTimestamp ?? false,
    configurable: profile?.configurable ?? false,
    contentTypes: [...receiver.contentTypes],
    methods: [...(receiver.methods ?? ['POST'])],
    ackDeadlineMs: receiver.ackDeadlineMs ?? null,
    replies: receiver.reply !== undefined,
  };
}
