import { EraseAccountHandler } from './erase-account.handler';
import { ErasureCompletion } from './erasure-completion';
import { ErasureController } from './erasure.controller';
import { ErasureSweep } from './erasure-sweep';

/** The right to erasure: DELETE /api/me, the steps after AccountErased, and the sweep that finishes them. */
export const erasureControllers = [ErasureController];
export const erasureProviders = [EraseAccountHandler, ErasureCompletion, ErasureSweep];
