import type { SessionEventType } from '@sessionops/sessions';

/** An audit write (stream entry or counter) failed. The session change itself already happened. */
export class AuditWriteError extends Error {
  readonly code = 'AUDIT_WRITE_FAILED';

  constructor(
    readonly eventType: SessionEventType,
    cause: unknown,
  ) {
    super(`Could not record a "${eventType}" event in the audit trail`, { cause });
    this.name = 'AuditWriteError';
  }
}
