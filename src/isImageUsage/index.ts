export * from './isImageUsage.ts';
