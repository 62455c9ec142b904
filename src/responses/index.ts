export * from './ImageResponse.ts';
export { imageResponseSchema } from './imageResponseSchema.ts';
export { openAIImagesResponseSchema } from './openAIImagesResponseSchema.ts';
export { openAIImageEventSchema } from './openAIImageEventSchema.ts';
export { openAIResponsesSchema } from './openAIResponsesSchema.ts';
export { geminiResponseSchema } from './geminiResponseSchema.ts';
export { openRouterResponseSchema } from './openRouterResponseSchema.ts';
export * from './parseImageResponse.ts';
export * from './safeParseImageResponse.ts';
