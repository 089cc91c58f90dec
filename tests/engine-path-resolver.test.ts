// Rule paths are plain dotted paths: json-rules-engine never gets to evaluate JSONPath from a rule.
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { plainPathResolver } from '../packages/engine/src/index.ts';

describe('the plain dotted path resolver', () => {
  it('reads own properties along a dotted path', () => {
    expect(plainPathResolver({ author: { followers: 12 } }, 'author.followers')).toBe(12);
    expect(plainPathResolver({ author: {} }, 'author.followers')).toBeUndefined();
    expect(plainPathResolver({ a: 1 }, '.a')).toBe(1);
  });

  it('refuses JSONPath and prototype keys', () => {
    expect(() => plainPathResolver({}, '$..[?(@.x)]')).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    expect(() => plainPathResolver({}, '$.author')).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    expect(() => plainPathResolver({}, 'constructor.prototype')).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    expect(plainPathResolver(Object.create({ inherited: 1 }), 'inherited')).toBeUndefined();
  });

  it('stops a crafted JSONPath filter before json-rules-engine evaluates it', async () => {
    const engine = new Engine([], { pathResolver: plainPathResolver });
    engine.addRule({
      conditions: { all: [{ fact: 'mention', path: '$..[?(@.constructor.constructor("while(true){}")())]', operator: 'equal', value: 1 }] },
      event: { type: 'x' },
    });
    const started = performance.now();
    await expect(engine.run({ mention: { text: 'hi' } })).rejects.toThrow(/plain dotted path/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
