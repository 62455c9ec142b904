export { sumImageUsage } from './sumImageUsage.ts';
