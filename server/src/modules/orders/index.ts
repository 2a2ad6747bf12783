/** The orders module's public surface (GRD-6, ACC-18). */
export {
  listOrders, submitOrder, insertSignedOrder, assertOrderTypeOffered, assertSignable, type SignedOrderInput,
} from './orders.service.js';
export { insertSystemOrder, type SystemOrderInput } from './system-orders.service.js';
