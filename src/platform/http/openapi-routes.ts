import { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/public.decorator';
import { UuidParam } from './id.pipe';

/** What the request pipeline itself knows about a route, and the document must say the same. */
export interface RouteFacts {
  /** As @nestjs/swagger names the operation: `<Controller>_<method>`. */
  readonly operationId: string;
  /** The auth guard lets it through without a token. */
  readonly isPublic: boolean;
  /** The class-validator DTO bound by `@Query()`, whose rules check the query string. */
  readonly queryDto?: string;
  /** Path parameters checked by UuidParam. */
  readonly uuidParameters: readonly string[];
}

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: ReadonlyArray<PipeTransform | Type<PipeTransform>>;
}

const argumentsOf = (controller: Type<unknown>, method: string) =>
  Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>,
  ).map(([key, argument]) => ({ type: Number(key.split(':')[0]), ...argument }));

function factsOf(controller: Type<unknown>, method: string): RouteFacts {
  const handler = controller.prototype[method];
  const args = argumentsOf(controller, method);
  const parameterTypes: Type<unknown>[] =
    Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
  const query = args.find((a) => a.type === RouteParamtypes.QUERY && a.data === undefined);
  return {
    operationId: `${controller.name}_${method}`,
    // The guard's rule: the handler's mark, else the controller's.
    isPublic: Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)),
    queryDto: query ? parameterTypes[query.index]?.name : undefined,
    uuidParameters: args
      .filter((a) => a.type === RouteParamtypes.PARAM && a.pipes?.some((pipe) => pipe instanceof UuidParam))
      .map((a) => String(a.data)),
  };
}

/** Every HTTP route of the mounted controllers. */
export function routeFactsOf(app: INestApplication): RouteFacts[] {
  const modules = app.get(ModulesContainer, { strict: false });
  return [...modules.values()].flatMap((module) =>
    [...module.controllers.values()].flatMap(({ metatype }) => {
      const controller = metatype as Type<unknown>;
      return Object.getOwnPropertyNames(controller.prototype)
        .filter((method) => method !== 'constructor')
        .filter((method) => Reflect.hasMetadata(PATH_METADATA, controller.prototype[method]))
        .map((method) => factsOf(controller, method));
    }),
  );
}
