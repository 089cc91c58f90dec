// Shared fast-check arbitraries for the fuzz tests: hostile strings and JSON, mentions, workflow graphs and mutations
// of real documents, plus a check that nothing leaked onto Object.prototype.
import fc from 'fast-check';
import {
  CHANNELS,
  FACTS,
  MENTION_KINDS,
  NODE_KINDS,
  NODE_SPECS,
  WORKFLOW_KINDS,
  operatorsForType,
  subjectOf,
  type FactType,
  type Mention,
  type WorkflowKind,
} from '../../packages/engine/src/index.ts';

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that have broken parsers and lookups before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '$..*',
  '$.text',
  '$[?(@.followers > 1)]',
  'author..followers',
  'author.__proto__.polluted',
  'constructor.prototype.polluted',
  '../../etc/passwd',
  '\u0000',
  '\u0000\u0001\u001f',
  '\ud800',
  'a\udc00b',
  '\uffff\ufffe',
  '\u202eevil',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '𝕬𝖈𝖒𝖊 🛫✈️',
  'bloqué BLOQUE',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '{{constructor.constructor("return 1")()}}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'true',
  '2026-02-30T25:61:61Z',
] as const;

/** Any string, with a bias toward the ones above, lone surrogates and sizes around the limits. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(100, 101, 200, 201, 500, 501, 1000, 1001, 5000).chain((length) => fc.constantFrom('a', 'é', '😀', ' ').map((unit) => unit.repeat(length))),
);

/** Numbers that are not quite numbers: NaN, infinities, -0, huge, unsafe integers, and numeric strings. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, -1),
  fc.constantFrom('1', '1e3', 'NaN', '0x10', ''),
);

/** A key pool that favours the keys prototype pollution uses. */
const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS, 'polluted', 'toString', 'valueOf', 'hasOwnProperty', 'a', 'id', 'text', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/**
 * Objects built with `Object.fromEntries`, which (like `JSON.parse`) makes `__proto__` an OWN key instead of
 * setting the prototype, so the value reaches the code under test the way a hostile body would.
 */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;

/** Payloads that try to pollute a prototype, as JSON objects with own prototype keys. */
export const pollutionPayload: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(
  Object.fromEntries([['__proto__', { polluted: 'yes' }]]),
  Object.fromEntries([['constructor', { prototype: { polluted: 'yes' } }]]),
  Object.fromEntries([['prototype', { polluted: 'yes' }]]),
  Object.fromEntries([['__proto__', Object.fromEntries([['__proto__', { polluted: 'yes' }]])]]),
);

/** Nested arrays or objects `depth` levels deep. */
export function nested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Patterns that take exponential time in a backtracking engine. */
export const CATASTROPHIC_PATTERNS = [
  '(a+)+$',
  '(a|a)*$',
  '(a|aa)+$',
  '(a*)*b',
  '(.*a){12}$',
  '^(a?){25}a{25}$',
  '(\\w+\\s?)+$',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '((((a*)*)*)*)*!',
  '(x+x+)+y',
] as const;

/** Texts that make those patterns backtrack: long runs of one letter with a mismatch at the end. */
export const CATASTROPHIC_TEXTS = ['a'.repeat(30) + '!', 'a'.repeat(2_000) + '!', 'aaaa '.repeat(4_000), 'x'.repeat(20_000)] as const;

// ---------------------------------------------------------------------------------------------------------------
// Mentions

const WORDS = ['refund', 'urgent', 'bloqué', 'stranded', 'hate', 'love', 'acme', '@acmeair', '#AcmeAir', 'not working', 'spam', 'buy followers', 'jane@example.com', '4111 1111 1111 1111', '+33 6 12 34 56 78', 'birthday tomorrow', 'http://x.y', '?', '!'];

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A hostile string a mention may carry: `min` to `max` characters, no NUL (which the schema refuses). */
const legalString = (min: number, max: number) => hostileString.filter((value) => value.length >= min && value.length <= max && !value.includes('\u0000'));

const mentionText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' ')) },
  { weight: 2, arbitrary: legalString(0, 20_000) },
  { weight: 1, arbitrary: fc.constantFrom(...CATASTROPHIC_TEXTS) },
);

/** A mention the schema accepts (if `id` gives legal ids), with hostile but legal content. */
export function validMention(id: fc.Arbitrary<string> = legalString(1, 200)): fc.Arbitrary<Mention> {
  return fc
    .record(
      {
        id,
        channel: fc.constantFrom(...CHANNELS),
        kind: fc.constantFrom(...MENTION_KINDS),
        text: mentionText,
        lang: fc.constantFrom('en', 'fr', 'de', 'fr-CA', 'zzz'),
        createdAt: isoDate,
        author: fc.record(
          {
            handle: legalString(1, 200),
            name: legalString(0, 200),
            followers: fc.nat(),
            verified: fc.boolean(),
          },
          { requiredKeys: ['handle'] },
        ),
        customer: fc.record(
          {
            id: fc.constantFrom('c1', 'c2', '__proto__', 'constructor'),
            tier: fc.constantFrom('standard', 'silver', 'gold', 'vip'),
            lifetimeValue: fc.double({ min: 0, max: 1e12, noNaN: true }),
            openTickets: fc.nat({ max: 50 }),
            lastContactAt: isoDate,
            lastContactChannel: fc.constantFrom(...CHANNELS),
          },
          { requiredKeys: ['id'] },
        ),
        conversationId: fc.constantFrom('conv-1', 'conv-2', 'constructor'),
        brandRepliesInConversation: fc.nat({ max: 5 }),
        customerMessagesInConversation: fc.nat({ max: 5 }),
        rating: fc.integer({ min: 1, max: 5 }),
        firstResponseAt: isoDate,
      },
      { requiredKeys: ['id', 'channel', 'kind', 'text', 'createdAt', 'author'] },
    )
    .map((mention) => mention as Mention);
}

/** Where a mention can be broken, top level and nested. */
const MENTION_PATHS = [
  ['id'],
  ['channel'],
  ['kind'],
  ['text'],
  ['lang'],
  ['createdAt'],
  ['author'],
  ['author', 'handle'],
  ['author', 'followers'],
  ['author', 'verified'],
  ['customer'],
  ['customer', 'tier'],
  ['customer', 'lifetimeValue'],
  ['conversationId'],
  ['rating'],
  ['firstResponseAt'],
  ['mood'],
  ['__proto__'],
  ['constructor'],
  ['author', '__proto__'],
] as const;

/** A valid mention with one field removed, replaced by a hostile value, or given a prototype-polluting payload. */
export function brokenMention(id?: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      validMention(id),
      fc.constantFrom(...MENTION_PATHS),
      fc.oneof(
        fc.constant({ op: 'delete' as const }),
        hostileJson.map((value) => ({ op: 'set' as const, value })),
        pollutionPayload.map((value) => ({ op: 'set' as const, value })),
        fc.constantFrom('a'.repeat(20_001), 'h'.repeat(201)).map((value) => ({ op: 'set' as const, value })),
      ),
    )
    .map(([mention, path, change]) => setPath(mention, path, change));
}

/** A copy of `root` with the value at `path` set (own property, even for `__proto__`) or deleted. */
export function setPath(root: unknown, path: readonly (string | number)[], change: { op: 'delete' } | { op: 'set'; value: unknown }): any {
  if (path.length === 0) return change.op === 'set' ? change.value : undefined;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : root !== null && typeof root === 'object' ? { ...root } : {};
  const child = Object.hasOwn(copy, head!) ? copy[head!] : undefined;
  if (rest.length === 0 && change.op === 'delete') {
    if (Array.isArray(copy) && typeof head === 'number') copy.splice(head, 1);
    else delete copy[head!];
    return copy;
  }
  Object.defineProperty(copy, head!, { value: setPath(child, rest, change), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Every path inside a JSON value (objects and arrays), for picking where to mutate a real document. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  found.push(prefix);
  if (Array.isArray(value)) value.forEach((entry, index) => pathsOf(entry, [...prefix, index], found));
  else if (value !== null && typeof value === 'object') for (const [key, entry] of Object.entries(value)) pathsOf(entry, [...prefix, key], found);
  return found;
}

/** One mutation of a JSON document: drop, replace, retype, poison or bloat the value at some path. */
export type Mutation = { pick: number; change: { op: 'delete' } | { op: 'set'; value: unknown } | { op: 'stringify' } | { op: 'wrap' } | { op: 'poison'; payload: Record<string, unknown> } };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  change: fc.oneof(
    fc.constant({ op: 'delete' as const }),
    hostileJson.map((value) => ({ op: 'set' as const, value })),
    fc.constant({ op: 'stringify' as const }),
    fc.constant({ op: 'wrap' as const }),
    pollutionPayload.map((payload) => ({ op: 'poison' as const, payload })),
  ),
});

export function applyMutation(document: unknown, { pick, change }: Mutation): unknown {
  const paths = pathsOf(document);
  const path = paths[pick % paths.length]!;
  const current = path.reduce<any>((value, key) => value?.[key], document);
  switch (change.op) {
    case 'delete':
    case 'set':
      return setPath(document, path, change);
    case 'stringify':
      return setPath(document, path, { op: 'set', value: JSON.stringify(current) ?? 'undefined' });
    case 'wrap':
      return setPath(document, path, { op: 'set', value: [current] });
    case 'poison':
      return setPath(document, path, {
        op: 'set',
        value: current !== null && typeof current === 'object' && !Array.isArray(current) ? { ...current, ...change.payload } : change.payload,
      });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow graphs

const NODE_IDS = ['start', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const BAD_IDS = ['', '__proto__', '-x', 'has space', 'a'.repeat(101), 'ghost'];

const badFactNames = fc.constantFrom('$.text', '$..author', 'author..followers', 'author.__proto__', 'constructor', 'author.constructor.name', 'text.length', 'Author.Followers', 'toString', '', 'a'.repeat(101));
const badOperators = fc.constantFrom('', 'eval', '__proto__', 'constructor', 'toString', 'regex', 'EQUAL', 'a'.repeat(51));

const PATTERNS = fc.oneof(fc.constantFrom(...CATASTROPHIC_PATTERNS), fc.constantFrom('ref(und)?', '^help', '(?i)acme', '[', '(?<name>x)', '\\', 'a{1001}', '(a{1000}){1000}', 'x'.repeat(501)), hostileString);

const termList = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), hostileString), { minLength: 1, maxLength: 6 }),
  fc.dictionary(fc.constantFrom('en', 'fr', 'xx', 'EN', '__proto__', 'constructor'), fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }), { maxKeys: 3 }),
  fc.constantFrom(501, 600).map((count) => Array.from({ length: count }, (_, index) => `term${index}`)),
  fc.constant([]),
);

/** A value of the right shape for a fact of this type, mostly; sometimes not. */
function valueFor(type: FactType, enumValues: readonly string[] | undefined, operator: string): fc.Arbitrary<unknown> {
  if (operator === 'matchesPattern') return PATTERNS;
  if (operator === 'containsTerms' || operator === 'notContainsTerms') return termList;
  const scalar: fc.Arbitrary<unknown> =
    type === 'number'
      ? fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
      : type === 'boolean'
        ? fc.boolean()
        : enumValues && enumValues.length > 0
          ? fc.constantFrom(...enumValues)
          : fc.oneof(fc.constantFrom(...WORDS), hostileString);
  if (operator === 'in' || operator === 'notIn') return fc.array(scalar, { minLength: 1, maxLength: 4 });
  return scalar;
}

const volumeParams = fc.record(
  { windowMinutes: fc.oneof(fc.integer({ min: 1, max: 600 }), hostileNumber), terms: termList, channel: fc.constantFrom(...CHANNELS) },
  { requiredKeys: ['windowMinutes'] },
);

/** A clause naming a real fact of the workflow's subject with a fitting operator, and a value that usually fits. */
function fittingClause(kind: WorkflowKind): fc.Arbitrary<Record<string, unknown>> {
  const facts = FACTS.filter((fact) => fact.subject === subjectOf(kind) && fact.name !== 'pii.findings');
  return fc.constantFrom(...facts).chain((fact) => {
    const operators = operatorsForType(fact.type).map((operator) => operator.name);
    return fc.constantFrom(...operators).chain((operator) => {
      const params =
        fact.name === 'volume' ? volumeParams : fact.name === 'incident.open' ? fc.record({ topic: fc.constantFrom('outage', 'app-down') }) : fc.constant(undefined);
      return fc.record({ value: valueFor(fact.type, fact.enumValues, operator), params }).map(({ value, params: given }) => ({
        fact: fact.name,
        operator,
        value,
        ...(given !== undefined ? { params: given } : {}),
      }));
    });
  });
}

/** Any clause at all: a fitting one, or one with a bad fact, operator, value or extra keys. */
function anyClause(kind: WorkflowKind): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fittingClause(kind) },
    { weight: 1, arbitrary: fc.record({ fact: badFactNames, operator: fc.constantFrom('equal', 'containsTerms', 'in'), value: hostileJson }) },
    { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom('text', 'author.followers', 'channel'), operator: badOperators, value: hostileJson }) },
    { weight: 1, arbitrary: fc.tuple(fittingClause(kind), mutation).map(([clause, change]) => applyMutation(clause, change)) },
    { weight: 1, arbitrary: hostileJson },
  );
}

const paramReference = fc.oneof(
  fc.record({ $param: fc.constantFrom('limit', 'queue', 'terms', 'missing', '__proto__', 'constructor', 'toString') }),
  fc.record({ $param: fc.constantFrom('limit', 'missing'), times: fc.oneof(hostileNumber, fc.record({ $param: fc.constantFrom('limit', 'factor') })) }),
);

/** Node data for a node of this type: its defaults, a mutation of them, a condition with many clauses, or junk. */
function nodeData(type: string, kind: WorkflowKind): fc.Arbitrary<unknown> {
  const defaults = Object.hasOwn(NODE_SPECS, type) ? structuredClone((NODE_SPECS as Record<string, { defaults: object }>)[type]!.defaults) : {};
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(defaults),
    fc.tuple(fc.constant(defaults), mutation).map(([data, change]) => applyMutation(data, change)),
    fc.tuple(fc.constant(defaults), fc.constantFrom(...Object.keys(defaults), 'extra'), paramReference).map(([data, key, reference]) => setPath(data, [key], { op: 'set', value: reference })),
    hostileJson,
  ];
  if (type === 'condition') {
    options.push(
      fc.record({
        combinator: fc.constantFrom('all', 'any', 'xor'),
        clauses: fc.oneof(fc.array(anyClause(kind), { minLength: 1, maxLength: 4 }), fc.array(fittingClause(kind), { minLength: 45, maxLength: 60 })),
      }),
    );
  }
  return fc.oneof(...options);
}

const nodeType = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...NODE_KINDS) }, { weight: 1, arbitrary: fc.constantFrom('', 'Condition', 'unknown', '__proto__', 'constructor', 'toString') });

/** Any workflow input: random nodes of the registered kinds (and others), random edges with cycles, self-loops and dangling ends. */
export const anyWorkflow: fc.Arbitrary<unknown> = fc.constantFrom(...WORKFLOW_KINDS).chain((kind) => {
  const node = fc
    .record({ id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NODE_IDS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS) }), type: nodeType })
    .chain(({ id, type }) =>
      nodeData(type, kind).map((data) => ({ id, type, position: { x: 0, y: 0 }, data: data as Record<string, unknown> })),
    );
  const endpoint = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NODE_IDS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS) });
  const edge = fc
    .record({ source: endpoint, target: endpoint, sourceHandle: fc.constantFrom(undefined, null, 'yes', 'no', 'out', 'maybe', '', 'x'.repeat(21)) })
    .map(({ source, target, sourceHandle }) => ({ source, target, ...(sourceHandle !== undefined ? { sourceHandle } : {}) }));
  const trigger = { id: 'start', type: `${kind}_trigger`, position: { x: 0, y: 0 }, data: structuredClone((NODE_SPECS as Record<string, { defaults: unknown }>)[`${kind}_trigger`]!.defaults) as Record<string, unknown> };
  return fc
    .record({
      withTrigger: fc.boolean(),
      nodes: fc.array(node, { maxLength: 10 }),
      edges: fc.array(edge, { maxLength: 16 }),
      top: fc.option(mutation, { nil: undefined, freq: 6 }),
    })
    .map(({ withTrigger, nodes, edges, top }) => {
      const input = {
        id: 'fuzz',
        name: 'Fuzz',
        kind,
        description: '',
        graph: { nodes: withTrigger ? [trigger, ...nodes] : nodes, edges: edges.map((entry, index) => ({ ...entry, id: `e${index}` })) },
      };
      return top ? applyMutation(input, top) : input;
    });
});

const ACTIONS_BY_KIND: Record<WorkflowKind, string[]> = Object.fromEntries(
  WORKFLOW_KINDS.map((kind) => [kind, Object.values(NODE_SPECS).filter((spec) => spec.category === 'action' && spec.workflowKinds.includes(kind)).map((spec) => spec.kind)]),
) as Record<WorkflowKind, string[]>;

/**
 * A workflow that usually compiles: the trigger, conditions that hang off it or earlier conditions, actions with
 * their default data hanging off conditions, and a few extra forward edges that make diamonds (never cycles).
 */
export function plausibleWorkflow(kind: WorkflowKind, id = 'plausible'): fc.Arbitrary<{ id: string; name: string; kind: WorkflowKind; description: string; graph: { nodes: any[]; edges: any[] } }> {
  return fc
    .record({
      conditions: fc.array(
        fc.record({ clauses: fc.array(fittingClause(kind), { minLength: 1, maxLength: 3 }), combinator: fc.constantFrom('all', 'any'), parent: fc.nat(), handle: fc.constantFrom('yes', 'no') }),
        { minLength: 1, maxLength: 6 },
      ),
      actions: fc.array(fc.record({ type: fc.constantFrom(...ACTIONS_BY_KIND[kind]), parent: fc.nat(), handle: fc.constantFrom('yes', 'no') }), { minLength: 1, maxLength: 5 }),
      extra: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), handle: fc.constantFrom('yes', 'no') }), { maxLength: 4 }),
    })
    .map(({ conditions, actions, extra }) => {
      const nodes: any[] = [{ id: 'start', type: `${kind}_trigger`, position: { x: 0, y: 0 }, data: structuredClone((NODE_SPECS as any)[`${kind}_trigger`].defaults) }];
      const edges: any[] = [];
      conditions.forEach((entry, index) => {
        nodes.push({ id: `c${index}`, type: 'condition', position: { x: 0, y: 0 }, data: { combinator: entry.combinator, clauses: entry.clauses } });
        const parent = entry.parent % (index + 1);
        edges.push(parent === 0 ? { id: `e-c${index}`, source: 'start', target: `c${index}` } : { id: `e-c${index}`, source: `c${parent - 1}`, target: `c${index}`, sourceHandle: entry.handle });
      });
      actions.forEach((entry, index) => {
        nodes.push({ id: `a${index}`, type: entry.type, position: { x: 0, y: 0 }, data: structuredClone((NODE_SPECS as any)[entry.type].defaults) });
        edges.push({ id: `e-a${index}`, source: `c${entry.parent % conditions.length}`, target: `a${index}`, sourceHandle: entry.handle });
      });
      extra.forEach((entry, index) => {
        const from = entry.from % conditions.length;
        const to = entry.to % conditions.length;
        if (to > from) edges.push({ id: `x${index}`, source: `c${from}`, target: `c${to}`, sourceHandle: entry.handle });
      });
      return { id, name: id, kind, description: '', graph: { nodes, edges } };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Prototype pollution

const baseline = {
  object: Object.getOwnPropertyNames(Object.prototype).sort().join(','),
  array: Object.getOwnPropertyNames(Array.prototype).sort().join(','),
  func: Object.getOwnPropertyNames(Function.prototype).sort().join(','),
};

/** Whether anything was added to the built-in prototypes since this module loaded (and `({}).polluted` is unset). */
export function prototypesPolluted(): boolean {
  return (
    ({} as Record<string, unknown>).polluted !== undefined ||
    Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== baseline.object ||
    Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== baseline.array ||
    Object.getOwnPropertyNames(Function.prototype).sort().join(',') !== baseline.func
  );
}
