// drizzle-kit: migrations are generated from src/db/schema.ts into ./drizzle and committed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
