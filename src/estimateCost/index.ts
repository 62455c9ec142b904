export { estimateCost, type ImagePrices } from './estimateCost.ts';
