/**
 * Placeholder for `hookgate init` (issue 30 item 3), written on another branch: the same
 * signature, so the CLI compiles. Replaced whole when the branches merge.
 */
export interface InitOptions {
  readonly force?: boolean;
}

export function initProject(_dir: string, _options: InitOptions = {}): Promise<void> {
  return Promise.reject(new Error('not yet: hookgate init is on another branch.'));
}
