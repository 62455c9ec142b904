// Types
export * from './types/index.ts';

// Schemas (valibot, and through them Standard Schema v1)
export * from './schemas/index.ts';

// Parsing
export * from './parse/index.ts';
export * from './isImageUsage/index.ts';

// Whole responses
export * from './responses/index.ts';

// Checks
export * from './checkImageUsage/index.ts';

// Arithmetic and conversion
export * from './ratio/index.ts';
export * from './sumImageUsage/index.ts';
export * from './toWire/index.ts';

// Cost
export * from './estimateCost/index.ts';
export * from './exactCost/index.ts';
export * from './addCosts/index.ts';
export * from './imagePricesFromGenaiPrices/index.ts';

