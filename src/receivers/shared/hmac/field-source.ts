/** A header, or a dot path into the JSON body (`action.type`). */
export type FieldSource = { readonly header: string } | { readonly path: string };
