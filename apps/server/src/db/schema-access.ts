// Who may sign in and call the API: users with hashed passwords, their sessions, API tokens, and the one-time link
// that creates the first admin. Secrets are never stored: sessions, tokens and setup links are kept as SHA-256
// digests of 32 random bytes (high-entropy, so a slow hash adds nothing); passwords as argon2id hashes.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased; the sign-in name. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** For agents: the queue agent they are. They may claim, reply and decide approvals as that agent only. */
    agentId: text('agent_id'),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** Bumped when the password changes or the user is disabled: older sessions stop working. */
    credentialsVersion: integer('credentials_version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
  },
  (table) => [uniqueIndex('users_email').on(table.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    digest: text('digest').primaryKey(),
    userId: integer('user_id').notNull(),
    credentialsVersion: integer('credentials_version').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('sessions_user').on(table.userId), index('sessions_expires').on(table.expiresAt)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    digest: text('digest').notNull(),
    /** The first characters of the secret, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    expiresAt: integer('expires_at'),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by'),
    lastUsedAt: integer('last_used_at'),
  },
  (table) => [uniqueIndex('api_tokens_digest').on(table.digest)],
);

export const setupLinks = sqliteTable('setup_links', {
  digest: text('digest').primaryKey(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});
