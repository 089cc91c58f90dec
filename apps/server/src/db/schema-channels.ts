// Storage for the ways mentions arrive besides the API: platform webhook credentials and listening-tool import sources.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Webhook credentials set through the API. HMAC secrets are kept AES-256-GCM encrypted (`aes-256-gcm`), because the
 * server must use them; the Meta verify token only has to be compared, so it is kept as a salted hash (`scrypt`).
 */
export const channelCredentials = sqliteTable('channel_credentials', {
  name: text('name').primaryKey(),
  scheme: text('scheme').notNull(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** A listening tool's export format: which column holds which mention field, saved once per source. */
export const importSources = sqliteTable('import_sources', {
  name: text('name').primaryKey(),
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
