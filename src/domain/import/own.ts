/**
 * Reads keyed by text from a file (a column header, a GeoJSON property, a word) look at own properties only:
 * `constructor`, `toString` or `__proto__` are names a file may use, never the methods every object inherits.
 */

/**
 * The value stored under `key` in `record` itself, else undefined.
 *
 * @example own({ a: 1 }, 'constructor') // undefined
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Stores `value` under `key` as an own property, whatever the key (`record.__proto__ = …` would change the
 * prototype instead).
 *
 * @example setOwn({}, '__proto__', 1) // { ['__proto__']: 1 }
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
