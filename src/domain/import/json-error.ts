/**
 * Where JSON text first goes wrong. `JSON.parse` error messages differ between engines and often
 * give no position, so a failed parse is re-scanned here to report a line and column. Iterative, so deeply
 * nested input cannot overflow the stack.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Control characters (U+0000–U+001F) are not allowed unescaped inside JSON strings.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERALS = ['true', 'false', 'null'] as const;

type Expect = 'value' | 'value-or-close' | 'comma-or-close' | 'key' | 'key-or-close' | 'colon' | 'end';

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too early), or -1
 * when it is valid.
 * @example jsonErrorOffset('{"a":}') // 5
 */
export function jsonErrorOffset(text: string): number {
  const stack: ('[' | '{')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  while (i <= n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i === n) return expect === 'end' ? -1 : n;
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        return i;
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && expect === 'key-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        STRING.lastIndex = i;
        if (c !== '"' || !STRING.test(text)) return i;
        i = STRING.lastIndex;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (c === ']' && expect === 'value-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '[' || c === '{') {
          stack.push(c);
          i++;
          expect = c === '[' ? 'value-or-close' : 'key-or-close';
          continue;
        }
        if (c === '"') {
          STRING.lastIndex = i;
          if (!STRING.test(text)) return i;
          i = STRING.lastIndex;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return i;
          i = NUMBER.lastIndex;
        } else {
          const lit = LITERALS.find((l) => text.startsWith(l, i));
          if (!lit) return i;
          i += lit.length;
        }
        expect = afterValue();
        continue;
      }
      default:
        return expect satisfies never;
    }
  }
  return n;
}
