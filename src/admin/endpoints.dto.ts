import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One configured secret of an endpoint, by its place in `secrets`: never its value. */
export class SecretUseView {
  @ApiProperty({ description: "The secret's index in the endpoint's `secrets` (0 first)." })
  index: number;
  @ApiProperty({ description: 'Deliveries it verified in this process since start.' })
  matches: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastMatchedAt: string | null;
}

export class EndpointView {
  @ApiProperty({ example: 'github' }) provider: string;
  @ApiProperty({ example: 'acme' }) id: string;
  @ApiProperty({ example: '/webhooks/github/acme', description: 'The path to register.' })
  path: string;
  @ApiPropertyOptional({
    description: 'The URL as registered with the provider, where the config sets one.',
  })
  publicUrl?: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From the store.',
  })
  lastDeliveryAt: string | null;
  @ApiProperty({ description: 'Deliveries stored in the last hour (from the store).' })
  deliveriesLastHour: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { signature: 3, 'stale-timestamp': 1 },
    description:
      "Requests refused, by reason (the metrics' outcome label), counted by this process " +
      'since it started: refusals are never stored.',
  })
  refusals: Record<string, number>;
  @ApiProperty({
    type: [SecretUseView],
    description: 'Which secret verified deliveries, counted by this process since it started.',
  })
  secrets: SecretUseView[];
}

export class EndpointList {
  @ApiProperty({ type: [EndpointView] }) items: EndpointView[];
}
