export * from './CountSchema.ts';
export * from './ImageUsageSchema.ts';
export * from './StrictImageUsageSchema.ts';
export * from './StrictWireImageUsageSchema.ts';
export * from './TokensDetailsSchema.ts';
export * from './WireImageUsageSchema.ts';
export * from './WireOrSdkImageUsageSchema.ts';
export * from './WireTokensDetailsSchema.ts';
