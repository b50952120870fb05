// What every client journey needs: the stack's settings from the environment, and the error a
// refused call threw.
import assert from "node:assert/strict";

/** The environment variable `name`; fails the journey if it is not set. */
export function required(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set`);
  return value;
}

/**
 * A function that awaits a call which must be refused and gives back the error, checked to be a
 * `type` (each generated client has its own CairnApiError class).
 */
export function rejectionOf<E extends Error>(type: abstract new (...args: never[]) => E) {
  return async (call: Promise<unknown>): Promise<E> => {
    try {
      await call;
    } catch (error) {
      assert.ok(error instanceof type, String(error));
      return error;
    }
    assert.fail("the call succeeded");
  };
}
