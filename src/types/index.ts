export * from './types.ts';
export * from './keys.ts';
