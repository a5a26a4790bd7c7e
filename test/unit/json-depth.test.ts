import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../api/http/json-body';

const depth = (text: string, max: number) => nestsDeeperThan(Buffer.from(text), max);

describe('nestsDeeperThan', () => {
  it('counts nested objects and arrays', () => {
    expect(depth('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(depth('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(depth('['.repeat(100_000), 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depth(JSON.stringify({ a: '[['.repeat(50) }), 1)).toBe(false);
    expect(depth(JSON.stringify({ a: '\\"[[[', b: '"{{{{' }), 1)).toBe(false);
    expect(depth(JSON.stringify({ a: '\\', b: [[1]] }), 2)).toBe(true);
  });
});
