export const lua = null as never;
