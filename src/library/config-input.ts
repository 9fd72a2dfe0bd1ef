import type { EndpointConfig, HookgateConfig } from '../config/config.schema';

/**
 * A config section as a caller writes it: every field that has a default may be left out, and
 * a key the schema does not know (a misspelt `databse`) is a compile error in an object literal.
 */
export type ConfigInput<T> = T extends readonly (infer Item)[]
  ? ConfigInput<Item>[]
  : T extends object
    ? { [Key in keyof T]?: ConfigInput<T[Key]> }
    : T;

/** One endpoint as written: provider and id are required, the rest has defaults. */
export type EndpointConfigInput = ConfigInput<EndpointConfig> &
  Pick<EndpointConfig, 'provider' | 'id'>;

/** What `HookgateModule.forRoot` accepts: the config file's shape, checked by the compiler. */
export type HookgateConfigInput = ConfigInput<Omit<HookgateConfig, 'endpoints'>> & {
  endpoints: EndpointConfigInput[];
};
