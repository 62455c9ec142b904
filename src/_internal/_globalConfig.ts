import * as v from 'valibot';

/**
 * What `parseImageUsage` passes to the schemas' runs in place of valibot's
 * global configuration, which valid input never needs: `v.getGlobalConfig()`
 * makes a fresh object on each call, a tenth of the time of parsing valid
 * input (npm run bench). The runs turn it into the real configuration with
 * {@link _config} before anything reads it.
 */
export const _GLOBAL_CONFIG: v.Config<v.BaseIssue<unknown>> = Object.freeze({});

/**
 * The configuration to use: valibot's global one in place of {@link _GLOBAL_CONFIG}.
 *
 * @param config The configuration a run was given.
 *
 * @returns The configuration to read.
 */
export function _config(config: v.Config<v.BaseIssue<unknown>>): v.Config<v.BaseIssue<unknown>> {
  return config === _GLOBAL_CONFIG ? v.getGlobalConfig() : config;
}
