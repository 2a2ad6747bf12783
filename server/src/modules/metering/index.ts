/** The metering module's public surface (GRD-1 … GRD-4). */
export {};
