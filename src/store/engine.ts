/** The two supported stores, and the column types each one gets for the same entity fields. */
export type Engine = 'sqlite' | 'postgres';

export interface EngineTypes {
  readonly binary: 'blob' | 'bytea';
  readonly timestamp: 'datetime' | 'timestamptz';
  readonly json: 'text' | 'jsonb';
}

export function engineTypes(engine: Engine): EngineTypes {
  return engine === 'postgres'
    ? { binary: 'bytea', timestamp: 'timestamptz', json: 'jsonb' }
    : { binary: 'blob', timestamp: 'datetime', json: 'text' };
}

export function engineOfUrl(url: string): Engine {
  return url.startsWith('postgres') ? 'postgres' : 'sqlite';
}
