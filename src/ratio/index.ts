export * from './ratio.ts';
