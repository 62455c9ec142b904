export * from './sumImageUsage.ts';
