// The value types a fact can have; operators declare which of these they accept.
export const FACT_TYPES = ['number', 'string', 'enum', 'boolean', 'text', 'list'] as const;
export type FactType = (typeof FACT_TYPES)[number];
