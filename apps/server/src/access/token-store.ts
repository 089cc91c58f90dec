// API tokens for integrations and scripts: shown once, stored as a digest, scoped to one role, revocable, with
// their own rate limit. Lookups are cached for a few seconds (ingest calls this on every request); a revocation
// here takes effect at once, one made by another server process within TOKEN_CACHE_MS.
import { desc, eq, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import { RoleSchema, type Role } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { apiTokens } from '../db/schema-access.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { digestOf, newSecret } from './secrets.ts';
import type { Principal } from './principal.ts';
import { audited, type Audit, type Changed } from '../domain/event-log.ts';

export const TOKEN_PREFIX = 'mf_';
export const TOKEN_CACHE_MS = 5_000;
export const DEFAULT_TOKEN_RATE_LIMIT = 60_000;
const LAST_USED_EVERY_MS = 60_000;

export const NewTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'a token needs a name').max(100, 'a token name has at most 100 characters'),
  role: RoleSchema,
  rateLimitPerMinute: z.number().int().min(1).max(10_000_000).optional(),
  expiresAt: z.iso.datetime({ offset: true, message: 'expiresAt is an ISO date-time such as 2027-01-31T00:00:00Z' }).optional(),
});
export type NewToken = z.infer<typeof NewTokenSchema>;

export const TokenViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string(),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenViewSchema>;

type TokenRow = typeof apiTokens.$inferSelect;

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

function viewOf(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    revokedBy: row.revokedBy,
  };
}

export class TokenStore {
  private readonly cache = new Map<string, { row: TokenRow | undefined; readAt: number }>();
  private readonly lastUsedWritten = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async create(input: NewToken, actor: string | null, audit?: Audit<TokenView>): Promise<{ token: TokenView; secret: string }> {
    const now = this.clock.now();
    const expiresAt = input.expiresAt === undefined ? null : Date.parse(input.expiresAt);
    if (expiresAt !== null && expiresAt <= now) throw new ApiError(422, 'validation_failed', 'expiresAt: must be in the future', [{ field: 'expiresAt', message: 'must be in the future' }]);
    const secret = newSecret(TOKEN_PREFIX);
    const token = await audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({ name: input.name, role: input.role, digest: digestOf(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6), rateLimitPerMinute: input.rateLimitPerMinute ?? DEFAULT_TOKEN_RATE_LIMIT, createdAt: now, createdBy: actor, expiresAt })
        .returning();
      return viewOf(row!);
    });
    return { token, secret };
  }

  async list(): Promise<TokenView[]> {
    return (await this.db.select().from(apiTokens).orderBy(desc(apiTokens.id))).map(viewOf);
  }

  /** Revokes a token; revoking it again changes nothing (`before` shows it revoked already). */
  async revoke(id: number, actor: string | null, audit?: Audit<Changed<TokenView>>): Promise<Changed<TokenView>> {
    const outcome = await audited(this.db, audit, async (tx) => {
      const [current] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
      if (!current) throw notFound(`token ${id}`);
      if (current.revokedAt !== null) return { before: viewOf(current), after: viewOf(current) };
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: this.clock.now(), revokedBy: actor })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning();
      return { before: viewOf(current), after: viewOf(row ?? current) };
    });
    this.cache.clear();
    return outcome;
  }

  async principalFor(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
    const digest = digestOf(secret);
    const now = this.clock.now();
    let cached = this.cache.get(digest);
    if (!cached || now - cached.readAt > TOKEN_CACHE_MS || now < cached.readAt) {
      const [row] = await this.db.select().from(apiTokens).where(eq(apiTokens.digest, digest));
      cached = { row, readAt: now };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(digest, cached);
    }
    const row = cached.row;
    if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return undefined;
    this.noteUse(row.id, now);
    return { kind: 'token', id: row.id, role: row.role as Role, actor: `token:${row.name}`, name: row.name, rateLimitPerMinute: row.rateLimitPerMinute };
  }

  /** Last use is kept to the minute, written in the background: a busy integration must not add a write per request. */
  private noteUse(id: number, now: number): void {
    const written = this.lastUsedWritten.get(id) ?? 0;
    if (now - written < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(id, now);
    void this.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(eq(apiTokens.id, id))
      .catch((error: unknown) => this.logger.log('warn', 'token_last_used_failed', { tokenId: id, error: (error as Error).message }));
  }
}
