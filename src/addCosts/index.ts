export * from './addCosts.ts';
