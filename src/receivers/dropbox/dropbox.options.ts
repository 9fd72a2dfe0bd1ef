/** Dropbox endpoints take no options: the app secret goes in `secrets`. */
export type DropboxOptions = Readonly<Record<string, never>>;

export function parseDropboxOptions(options: Record<string, unknown> | undefined): DropboxOptions {
  const [name] = Object.keys(options ?? {});
  if (name !== undefined) {
    throw new Error(`options.${name} is not a Dropbox option; remove it (Dropbox takes none).`);
  }
  return {};
}
