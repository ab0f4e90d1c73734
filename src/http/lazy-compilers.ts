import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify's own validator and serializer compilers, each route's compiled on first use instead of
 * at start-up. Compiling every route schema up front is the larger part of start-up time, and a
 * server that has just started is usually asked for a handful of routes. Validation itself is
 * unchanged: the first request to a route compiles its schema and is checked against it like every
 * later one. `compileAll()` compiles whatever is still pending, one schema per turn of the event
 * loop so requests are not held up; the server calls it once it is listening, so the cost moves to
 * idle time rather than disappearing, and a schema Ajv cannot compile still fails early.
 */
export function lazyCompilers(): { factory: NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']; compileAll: () => Promise<number> } {
  const pending = new Set<() => void>();
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();

  const factory = {
    buildValidator(externalSchemas: unknown, options: unknown) {
      const compile = buildValidator(externalSchemas as never, options as never);
      return (route: Parameters<typeof compile>[0]) => {
        let fn: ReturnType<typeof compile> | undefined;
        const ensure = () => (fn ??= compile(route));
        pending.add(ensure);
        // Fastify hands Ajv validators their parent object (so a root value can be replaced) when
        // the function carries `schemaEnv`; the wrapper passes that context through.
        const validate = Object.assign(
          (data: unknown, cxt?: unknown) => {
            pending.delete(ensure);
            const real = ensure() as ((d: unknown, c?: unknown) => unknown) & { errors?: unknown };
            const result = real(data, cxt);
            validate.errors = real.errors;
            return result;
          },
          { schemaEnv: true, errors: undefined as unknown },
        );
        return validate as unknown as ReturnType<typeof compile>;
      };
    },
    buildSerializer(externalSchemas: unknown, options: unknown) {
      const compile = buildSerializer(externalSchemas as never, options as never);
      return (route: Parameters<typeof compile>[0]) => {
        let fn: ((data: unknown) => string) | undefined;
        const ensure = () => (fn ??= compile(route) as (data: unknown) => string);
        pending.add(ensure);
        return (data: unknown) => {
          pending.delete(ensure);
          return ensure()(data);
        };
      };
    },
  };

  const compileAll = async () => {
    let n = 0;
    for (const ensure of pending) {
      pending.delete(ensure);
      ensure();
      n++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return n;
  };
  return { factory: factory as never, compileAll };
}
