import type { NextFunction, Request, Response } from 'express';

import { currentRequestId, runWithRequestId } from './request-context';

/** Accepts the caller's x-request-id (or makes one) and echoes it on the response. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  runWithRequestId(req.header('x-request-id'), () => {
    res.setHeader('x-request-id', currentRequestId()!);
    next();
  });
}
