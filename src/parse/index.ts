export { ImageUsageError, type ImageUsageIssues } from './ImageUsageError.ts';
export { parseImageUsage } from './parseImageUsage.ts';
export {
  type ParseImageUsageOptions,
  type SafeParseImageUsageResult,
  safeParseImageUsage,
} from './safeParseImageUsage.ts';
