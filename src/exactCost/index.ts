export * from './exactCost.ts';
