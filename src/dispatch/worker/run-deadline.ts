/** The error a run gets when its handler outlives the deadline: the attempt log's `timed_out`. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/**
 * Run `work` with a deadline. When `ms` run out, the returned promise rejects with `message`
 * and the signal given to `work` aborts with the same error, so work that honours it (a fetch,
 * a database call) stops instead of finishing behind the retry it caused: a forward that
 * timed out must not still reach its target after the run was marked failed. `controller`
 * lets the caller cancel earlier (shutdown). With no time left, `work` is not started.
 */
export function runWithDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  message: string,
  controller = new AbortController(),
): Promise<T> {
  if (ms <= 0) {
    const error = new Error(message);
    controller.abort(error);
    return Promise.reject(error);
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceeded(message);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const running = Promise.resolve().then(() => work(controller.signal));
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}
