/** What `promise` came to, as a promise that never rejects. */
export const settled = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
