import { InitialSchema1764201600000 } from './1764201600000-initial-schema';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1764201600000];
