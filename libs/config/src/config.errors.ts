/** One invalid environment variable. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Thrown by `loadConfig` with every invalid variable at once, so one restart fixes them all. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: ConfigProblem[]) {
    const lines = problems.map((problem) => `  ${problem.variable}: ${problem.message}`);
    super(`Invalid configuration (${problems.length} problem(s)):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}
