/** Typed configuration that the apps hand to the libraries. All durations carry their unit in the name. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    /** Express `trust proxy` setting; `false` means the socket address is the client address. */
    trustProxy: boolean | number | string;
    maxBodyBytes: number;
    shutdownTimeoutMs: number;
  };
  log: { level: string; pretty: boolean };
  redis: {
    /** Absent: the server runs on the embedded in-memory store. */
    url: string | undefined;
    keyPrefix: string;
    commandTimeoutMs: number;
    connectTimeoutMs: number;
  };
  jwt: {
    /** The first signs, all verify. */
    secrets: string[];
    /** True when no JWT_SECRET was given and a random one was made for this process (development only). */
    secretGenerated: boolean;
    issuer: string;
    audience: string;
    clockToleranceSeconds: number;
    accessTtlSeconds: number;
    refreshReuseGraceMs: number;
  };
  session: {
    idleTtlSeconds: number;
    maxLifetimeSeconds: number;
    touchIntervalSeconds: number;
    maxPerUser: number;
  };
  password: { hashConcurrency: number; memoryKib: number; iterations: number };
  rateLimit: {
    loginFailuresPerEmailIp: number;
    loginFailuresPerIp: number;
    loginWindowSeconds: number;
    registrationsPerIp: number;
    registrationWindowSeconds: number;
  };
  audit: { streamMaxLength: number; recordRefreshed: boolean };
}

/** What `loadConfig` returns: the configuration and anything the caller should warn about. */
export interface LoadedConfig {
  config: AppConfig;
  warnings: string[];
}
