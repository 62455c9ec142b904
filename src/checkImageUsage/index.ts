export * from './checkImageUsage.ts';
export * from './consistentImageUsage.ts';
