// What a failed SDK call says: the error's name and message and the members Voice ID's errors
// carry (ResourceType, ConflictType), so that a table can state a whole expected error.
export interface Failure {
  readonly name: string;
  readonly message: string;
  readonly ResourceType?: string;
  readonly ConflictType?: string;
}

/** The failure of `promise`; throws if it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const e = error as Failure;
    return {
      name: e.name,
      message: e.message,
      ...(e.ResourceType !== undefined ? { ResourceType: e.ResourceType } : {}),
      ...(e.ConflictType !== undefined ? { ConflictType: e.ConflictType } : {}),
    };
  }
  throw new Error('expected the call to fail');
}

/** The error `promise` rejects with, whole (its $metadata and all); throws if it succeeds. */
export function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: unknown) => error,
  );
}
