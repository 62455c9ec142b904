export * from './imagePricesFromGenaiPrices.ts';
