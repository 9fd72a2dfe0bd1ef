/** The TypeORM connection name, so Hookgate never collides with a host app's own connection. */
export const HOOKGATE_CONNECTION = 'hookgate';
