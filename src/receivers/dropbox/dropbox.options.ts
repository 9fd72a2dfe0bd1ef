import { rejectUnknownOptions } from '../shared/options';

/** Dropbox endpoints take no options: the app secret goes in `secrets`. */
export type DropboxOptions = Readonly<Record<string, never>>;

export function parseDropboxOptions(options: Record<string, unknown> | undefined): DropboxOptions {
  rejectUnknownOptions(options, 'Dropbox', []);
  return {};
}
