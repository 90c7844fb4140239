export { AuditTrail, type AuditTrailOptions } from './audit-trail.js';
export { AuditReader, type AuditReaderOptions, type FollowOptions } from './audit-reader.js';
export type { AuditEntry, AuditRates } from './audit.types.js';
export { AuditWriteError } from './audit.errors.js';
export { COUNTED_EVENT_TYPES, eventCounterKey, minuteBucket, MINUTE_MS } from './audit-counters.js';
