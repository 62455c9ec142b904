export * from './estimateCost.ts';
