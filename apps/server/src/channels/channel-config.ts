// Channel secrets from configuration: read once at start (from createServer's options, else the environment) and
// bound to the server's services, so the webhook routes never read process.env themselves.
import type { Services } from '../services.ts';

/** Secrets given by configuration. Each may instead be set in the workspace (PUT /api/channels/credentials). */
export interface ChannelConfig {
  /** X_CONSUMER_SECRET: signs X's CRC answers and the deliveries' x-twitter-webhooks-signature. */
  readonly xConsumerSecret?: string;
  /** META_APP_SECRET: the key of Meta's X-Hub-Signature-256. */
  readonly metaAppSecret?: string;
  /** META_VERIFY_TOKEN: what Meta's subscription handshake must present. */
  readonly metaVerifyToken?: string;
  /** MENTIONFLOW_SECRET_KEY: 32 bytes (64 hex digits or base64) that encrypt the secrets stored in the workspace. */
  readonly secretKey?: string;
}

/** The names of the secrets as the API and the environment spell them. */
export const CREDENTIALS = {
  xConsumerSecret: { env: 'X_CONSUMER_SECRET', label: 'the X consumer secret', stored: 'encrypted' },
  metaAppSecret: { env: 'META_APP_SECRET', label: 'the Meta app secret', stored: 'encrypted' },
  metaVerifyToken: { env: 'META_VERIFY_TOKEN', label: 'the Meta verify token', stored: 'hashed' },
} as const;

export type CredentialName = keyof typeof CREDENTIALS;
export const CREDENTIAL_NAMES = Object.keys(CREDENTIALS) as CredentialName[];

/** The configuration in the environment; empty values count as unset. */
export function channelConfigFromEnv(env: NodeJS.ProcessEnv): ChannelConfig {
  const read = (name: string) => (env[name]?.trim() ? env[name] : undefined);
  const config: { -readonly [K in keyof ChannelConfig]: ChannelConfig[K] } = {};
  for (const name of CREDENTIAL_NAMES) {
    const value = read(CREDENTIALS[name].env);
    if (value !== undefined) config[name] = value;
  }
  const key = read('MENTIONFLOW_SECRET_KEY');
  if (key !== undefined) config.secretKey = key;
  return config;
}

const configs = new WeakMap<Services, ChannelConfig>();

/** Called once by createServer, before the routes are built. */
export function configureChannels(services: Services, config: ChannelConfig): void {
  configs.set(services, config);
}

export function channelConfigOf(services: Services): ChannelConfig {
  return configs.get(services) ?? {};
}
