/** `hookgate init [DIR]`: the CLI's init command calls initProject. */
export { initProject, InitError, type InitOptions, type InitResult } from './init-project';
