export { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
export { type ImageUsageEntries, ImageUsageSchema, type ImageUsageSchemaType } from './ImageUsageSchema.ts';
export {
  type StrictImageUsageEntries,
  StrictImageUsageSchema,
  type StrictImageUsageSchemaType,
  type StrictWireImageUsageEntries,
  StrictWireImageUsageSchema,
  type StrictWireImageUsageSchemaType,
} from './StrictImageUsageSchema.ts';
export {
  InputTokensDetailsSchema,
  OutputTokensDetailsSchema,
  type StrictTokensDetailsEntries,
  type StrictWireTokensDetailsEntries,
  type TokensDetailsEntries,
  type WireTokensDetailsEntries,
  WireTokensDetailsSchema,
} from './TokensDetailsSchema.ts';
export { type WireImageUsageEntries, WireImageUsageSchema, type WireImageUsageSchemaType } from './WireImageUsageSchema.ts';
