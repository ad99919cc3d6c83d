/**
 * Cancellation shared by the optimiser, the worker and its client.
 */

/** The least of `AbortSignal` the optimiser needs; a plain `{ aborted: false }` object works too. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** A run was superseded or cancelled. Callers tell it from real failures with {@link isCancelled}. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/**
 * True for a {@link CancelledError} (also one rebuilt from a worker message).
 *
 * @param error Anything caught.
 * @returns Whether it means "cancelled", not "failed".
 * @example
 * promise.catch((e) => { if (!isCancelled(e)) throw e; });
 */
export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}

/**
 * Throws a {@link CancelledError} when the signal is aborted.
 *
 * @param signal Optional signal.
 * @example
 * throwIfCancelled({ aborted: true }); // throws
 */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
