export { isImageUsage } from './isImageUsage.ts';
