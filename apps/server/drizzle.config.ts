// drizzle-kit: migrations are generated from the schema files into ./drizzle and committed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/db/schema.ts', './src/db/schema-time.ts', './src/db/schema-channels.ts', './src/db/schema-simulation.ts', './src/db/schema-insights.ts', './src/db/schema-access.ts'],
  out: './drizzle',
});
