export * from './ImageUsageError.ts';
export * from './parseImageUsage.ts';
export * from './safeParseImageUsage.ts';
