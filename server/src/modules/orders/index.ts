/** The orders module's public surface (GRD-6, ACC-18). */
export { listOrders, submitOrder } from './orders.service.js';
