// One evaluation's view of the facts: each derived fact is worked out lazily and at most once.
import type { EvaluationInput, MentionInput, RequestInput } from '../evaluation/evaluation-input.ts';
import type { EvaluationMemo } from '../operators/operator-spec.ts';
import { TextForms, type SharedTextForm } from '../text/text-forms.ts';
import { canonicalHash } from './canonical-key.ts';
import { EngineError } from '../errors.ts';
import type { FactSpec } from './fact-spec.ts';
import type { Workspace } from './workspace.ts';


/** Stable key of a fact call: name plus canonical params, so `volume` windows are memoized separately. */
export function factCallKey(name: string, params?: unknown): string {
  return params === undefined ? name : `${name}${JSON.stringify(params)}`;
}

/** Stands for a fact worked out to undefined, so a lookup tells it from a fact not worked out yet. */
const UNKNOWN_VALUE: unique symbol = Symbol('unknown');

export class FactScope implements EvaluationMemo {
  readonly input: EvaluationInput;
  readonly workspace: Workspace;
  private readonly catalog: ReadonlyMap<string, FactSpec>;
  private readonly values = new Map<string, unknown>(); // undefined values are stored as UNKNOWN_VALUE
  /** The keys of derived facts among `values`, in the order they were worked out. */
  private readonly derivedKeys: string[] = [];
  private readonly textForms = new TextForms();

  constructor(input: EvaluationInput, workspace: Workspace, catalog: ReadonlyMap<string, FactSpec>) {
    this.input = input;
    this.workspace = workspace;
    this.catalog = catalog;
  }

  get mentionInput(): MentionInput {
    if (this.input.subject !== 'mention') throw new EngineError('UNKNOWN_FACT', 'this fact needs a mention');
    return this.input;
  }

  get requestInput(): RequestInput {
    if (this.input.subject !== 'request') throw new EngineError('UNKNOWN_FACT', 'this fact needs an empowerment request');
    return this.input;
  }

  /**
   * The value of a fact, computed on first use. Facts of another subject are unknown (undefined). `key`, when given,
   * is `factCallKey(name, params)`, worked out once by a compiled clause rather than on every call.
   */
  get(name: string, params?: unknown, key: string = params === undefined ? name : factCallKey(name, params)): unknown {
    // Rules read the same facts over and over: one lookup answers every fact already worked out, unknown ones too.
    const known = this.values.get(key);
    if (known !== undefined) return known === UNKNOWN_VALUE ? undefined : known;
    const spec = this.catalog.get(name);
    if (!spec) throw new EngineError('UNKNOWN_FACT', `unknown fact "${name}"`);
    const value = spec.subject === this.input.subject ? spec.resolve(this, params) : undefined;
    if (spec.derived) this.derivedKeys.push(key);
    this.values.set(key, value === undefined ? UNKNOWN_VALUE : value);
    return value;
  }

  textForm(text: string): SharedTextForm {
    return this.textForms.of(text);
  }

  /** The derived facts this evaluation worked out, for the decision's `facts`. */
  derivedValues(): Record<string, unknown> {
    const used: Record<string, unknown> = {};
    for (const key of this.derivedKeys) {
      const value = this.values.get(key);
      if (value === UNKNOWN_VALUE) continue;
      // Parameterized facts appear under a short key (`volume#1a2b3c4d`): their parameters are in the rules.
      const brace = key.indexOf('{');
      used[brace < 0 ? key : `${key.slice(0, brace)}#${canonicalHash(JSON.parse(key.slice(brace)))}`] = value;
    }
    return used;
  }
}
