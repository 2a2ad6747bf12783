/**
 * The metering module's public surface (GRD-1 … GRD-4): what billing and other modules may use of objects,
 * their consumption and spot prices.
 */
export { findHeldObject, heldConnectionPoints, type HeldObject, type HoldingWindow, type HeldConnectionPoint } from './object-access.js';
export { loadTimeline, type Timeline } from './interval-timeline.js';
export { getConsumption } from './consumption.service.js';
export { readSpotPrices, type SpotPriceDay } from './spot-prices.service.js';
export { readBillableEnergy, type BillableEnergy, type RegisterConsumption } from './billing-energy.js';
