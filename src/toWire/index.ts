export * from './toWire.ts';
