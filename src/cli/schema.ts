import { bankJsonSchema } from '../bank/schema.js';
import type { Action } from './main.js';

export const run: Action<object> = async (_args, _opts, io) => {
  io.out(JSON.stringify(bankJsonSchema(), null, 2));
};
