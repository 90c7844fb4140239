import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Body of the health probes. */
export class HealthStatusDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiPropertyOptional({ enum: ['redis', 'memory'], description: 'The session store (readiness only)' })
  store?: 'redis' | 'memory';
}
