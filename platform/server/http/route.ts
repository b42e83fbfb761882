import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Contract, OutputOf, ParsedInputOf } from '../../shared/contract.js';
import type { Caller } from '../permissions.js';
import type { AppContext } from '../app-context.js';

type CallerFor<C> = C extends { auth: 'public' } ? Caller | null : Caller;

export interface HandlerInput<C extends Contract> {
  caller: CallerFor<C>;
  params: ParsedInputOf<C>['params'];
  query: ParsedInputOf<C>['query'];
  body: ParsedInputOf<C>['body'];
  db: AppContext['db'];
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<C extends Contract> = (input: HandlerInput<C>) => Promise<OutputOf<C> | undefined> | OutputOf<C> | undefined;

export interface RouteDef {
  contract: Contract;
  handler: Handler<Contract>;
}

/** Binds a contract to the function that serves it; the HTTP layer does the rest. */
export function route<C extends Contract>(c: C, handler: Handler<C>): RouteDef {
  return { contract: c, handler: handler as unknown as Handler<Contract> };
}
