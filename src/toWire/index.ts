export { toWire } from './toWire.ts';
