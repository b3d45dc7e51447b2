export const javascript = null as never;
