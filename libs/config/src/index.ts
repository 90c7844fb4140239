export { loadConfig } from './load-config.js';
export { ConfigError, type ConfigProblem } from './config.errors.js';
export { environmentSchema, type Environment } from './config.schema.js';
export type { AppConfig, LoadedConfig } from './config.types.js';
