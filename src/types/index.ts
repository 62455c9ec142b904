export type {
  ImageUsage,
  InputTokensDetails,
  OutputTokensDetails,
  TokensDetails,
  WireImageUsage,
  WireTokensDetails,
} from './types.ts';
