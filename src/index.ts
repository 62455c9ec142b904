// Types
export type {
  ImageUsage,
  InputTokensDetails,
  OutputTokensDetails,
  TokensDetails,
  WireImageUsage,
  WireTokensDetails,
} from './types/index.ts';

// Schemas (valibot, and through it Standard Schema v1)
export * from './schemas/index.ts';

// Parsing
export * from './parse/index.ts';
export { isImageUsage } from './isImageUsage/index.ts';

// Checks
export * from './checkImageUsage/index.ts';

// Arithmetic and conversion
export { ratio } from './ratio/index.ts';
export { sumImageUsage } from './sumImageUsage/index.ts';
export { toWire } from './toWire/index.ts';

// Cost
export { estimateCost, type ImagePrices } from './estimateCost/index.ts';
