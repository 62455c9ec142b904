export { type CheckImageUsageOptions, checkImageUsage } from './checkImageUsage.ts';
export {
  type ConsistentImageUsageAction,
  type ConsistentImageUsageIssue,
  consistentImageUsage,
} from './consistentImageUsage.ts';
export type { ConsistencyRule, Inconsistency } from './rules.ts';
