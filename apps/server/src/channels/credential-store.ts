// Where each webhook secret comes from: configuration (environment or createServer options) first, else the
// workspace's `channel_credentials` rows — HMAC secrets encrypted with MENTIONFLOW_SECRET_KEY, the verify token hashed.
import { eq, inArray } from 'drizzle-orm';
import type { Services } from '../services.ts';
import { channelCredentials } from '../db/schema-channels.ts';
import { channelConfigOf, CREDENTIAL_NAMES, CREDENTIALS, type ChannelConfig, type CredentialName } from './channel-config.ts';
import { decryptSecret, encryptSecret, hashToken, parseSecretKey, safeEqual, tokenMatchesHash } from './secret-box.ts';
import { audited, type Audit } from '../domain/event-log.ts';

export type CredentialSource = 'environment' | 'workspace';

export interface CredentialStatus {
  readonly set: boolean;
  /** Where the value in force comes from; configuration wins over the workspace. */
  readonly source: CredentialSource | null;
  readonly storedAs?: 'encrypted' | 'hashed';
  readonly updatedAt?: string;
}

/** A secret the server can use, or the sentence saying why there is none. */
export type SecretLookup = { readonly secret: string } | { readonly missing: string };

/** A change: the value to store for each secret named, or null to remove the stored one. */
export type CredentialChange = Partial<Record<CredentialName, string | null>>;

export class CredentialStore {
  private readonly config: ChannelConfig;

  constructor(private readonly services: Services) {
    this.config = channelConfigOf(services);
  }

  /** The HMAC secret to sign or verify with (X consumer secret, Meta app secret). */
  async secret(name: 'xConsumerSecret' | 'metaAppSecret'): Promise<SecretLookup> {
    const configured = this.config[name];
    if (configured !== undefined) return { secret: configured };
    const [row] = await this.services.database.db.select().from(channelCredentials).where(eq(channelCredentials.name, name));
    if (!row) return { missing: notSet(name) };
    const key = parseSecretKey(this.config.secretKey);
    if ('problem' in key) return { missing: `${CREDENTIALS[name].label} is stored encrypted in the workspace, but ${key.problem}` };
    const plain = decryptSecret(key.key, row.value, name);
    if (plain === undefined) return { missing: `${CREDENTIALS[name].label} stored in the workspace cannot be decrypted with MENTIONFLOW_SECRET_KEY (was the key changed?); set it again` };
    return { secret: plain };
  }

  /** Whether a verify token presented by Meta is the one configured; `missing` when none is. */
  async verifyToken(presented: string): Promise<{ matches: boolean } | { missing: string }> {
    const configured = this.config.metaVerifyToken;
    if (configured !== undefined) return { matches: safeEqual(presented, configured) };
    const [row] = await this.services.database.db.select().from(channelCredentials).where(eq(channelCredentials.name, 'metaVerifyToken'));
    if (!row) return { missing: notSet('metaVerifyToken') };
    return { matches: await tokenMatchesHash(presented, row.value) };
  }

  async status(): Promise<Record<CredentialName, CredentialStatus> & { encryptionKey: { configured: boolean; problem?: string } }> {
    const rows = await this.services.database.db.select().from(channelCredentials).where(inArray(channelCredentials.name, CREDENTIAL_NAMES));
    const stored = new Map(rows.map((row) => [row.name, row]));
    const entry = (name: CredentialName): CredentialStatus => {
      const row = stored.get(name);
      const workspace = row ? { storedAs: CREDENTIALS[name].stored, updatedAt: new Date(row.updatedAt).toISOString() } : {};
      if (this.config[name] !== undefined) return { set: true, source: 'environment', ...workspace };
      return row ? { set: true, source: 'workspace', ...workspace } : { set: false, source: null };
    };
    const key = parseSecretKey(this.config.secretKey);
    return {
      xConsumerSecret: entry('xConsumerSecret'),
      metaAppSecret: entry('metaAppSecret'),
      metaVerifyToken: entry('metaVerifyToken'),
      encryptionKey: 'key' in key ? { configured: true } : { configured: false, problem: key.problem },
    };
  }

  /**
   * Store or clear (null) secrets, all or nothing (with `audit`). Resolves to the refusal's sentence when an HMAC
   * secret is given and no usable MENTIONFLOW_SECRET_KEY is configured (nothing is stored then).
   */
  async save(change: CredentialChange, actor?: string, audit?: Audit<{ saved: CredentialName[] }>): Promise<{ refused: string } | { saved: CredentialName[] }> {
    const names = CREDENTIAL_NAMES.filter((name) => change[name] !== undefined);
    const needsKey = names.filter((name) => CREDENTIALS[name].stored === 'encrypted' && change[name] !== null);
    const key = parseSecretKey(this.config.secretKey);
    if (needsKey.length > 0 && 'problem' in key) {
      return { refused: `${key.problem}: the server will not store ${needsKey.join(' and ')} unencrypted. Set MENTIONFLOW_SECRET_KEY, or give ${needsKey.map((name) => CREDENTIALS[name].env).join(' and ')} in the environment instead` };
    }
    const at = this.services.clock.now();
    // Sealed before the transaction: hashing takes a while, and the transaction holds the connection.
    const sealed = new Map<CredentialName, { scheme: string; value: string; updatedAt: number; updatedBy: string | null }>();
    for (const name of names) {
      const value = change[name];
      if (value === null || value === undefined) continue;
      const stored = CREDENTIALS[name].stored === 'hashed' ? await hashToken(value) : encryptSecret((key as { key: Buffer }).key, value, name);
      sealed.set(name, { scheme: CREDENTIALS[name].stored === 'hashed' ? 'scrypt' : 'aes-256-gcm', value: stored, updatedAt: at, updatedBy: actor ?? null });
    }
    return audited(this.services.database.db, audit, async (tx) => {
      for (const name of names) {
        const row = sealed.get(name);
        if (row) await tx.insert(channelCredentials).values({ name, ...row }).onConflictDoUpdate({ target: channelCredentials.name, set: row });
        else await tx.delete(channelCredentials).where(eq(channelCredentials.name, name));
      }
      return { saved: names };
    });
  }
}

function notSet(name: CredentialName): string {
  return `${CREDENTIALS[name].env} is not set: give it in the environment, or set ${name} with PUT /api/channels/credentials`;
}

const stores = new WeakMap<Services, CredentialStore>();

export function credentialStoreFor(services: Services): CredentialStore {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = new CredentialStore(services)));
  return store;
}
