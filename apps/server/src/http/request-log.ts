// Gives every request an id (echoed in `x-request-id`) and logs one JSON line when it ends.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';

export type RequestVariables = { requestId: string };

let sequence = 0;

export function requestLog(logger: Logger): MiddlewareHandler<{ Variables: RequestVariables }> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : `${process.pid.toString(36)}-${(++sequence).toString(36)}`;
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    logger.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
