import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';

// class-transformer keeps @Type() targets in a storage its typings do not export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: Function, property: string): { typeFunction(): unknown } | undefined };
};

/** What a DTO field accepts, read from its class-validator (and class-transformer) metadata. */
export interface FieldShape {
  name: string;
  optional: boolean;
  /** class-validator rule names: isString, isInt, isUUID, isEnum, matches … */
  rules: Map<string, unknown[]>;
  /** Rules applied to each element of an array */
  each: Map<string, unknown[]>;
  nested?: Function;
}

export function shapeOf(dto: Function | undefined): FieldShape[] {
  if (!dto || [String, Number, Boolean, Object, Array].includes(dto as never)) return [];
  const fields = new Map<string, FieldShape>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const field: FieldShape = fields.get(m.propertyName) ?? { name: m.propertyName, optional: false, rules: new Map(), each: new Map() };
    fields.set(m.propertyName, field);
    if (m.type === 'conditionalValidation') field.optional = true;
    if (m.type === 'nestedValidation') {
      field.nested = defaultMetadataStorage.findTypeMetadata(dto, m.propertyName)?.typeFunction() as Function | undefined;
    }
    const name = m.name ?? m.type;
    (m.each ? field.each : field.rules).set(name, m.constraints ?? []);
  }
  return [...fields.values()];
}

export interface HandlerArguments {
  body?: Function;
  /** A whole-query DTO, or named scalar query parameters */
  query?: Function;
  queryNames: string[];
}

/** The DTO classes a controller method takes as body and query (from Nest's route metadata). */
export function handlerArguments(controller: Function, method: string): HandlerArguments {
  const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  const types: Function[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
  const result: HandlerArguments = { queryNames: [] };
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    if (kind === RouteParamtypes.BODY) result.body = types[arg.index];
    if (kind === RouteParamtypes.QUERY) {
      if (typeof arg.data === 'string') result.queryNames.push(arg.data);
      else result.query = types[arg.index];
    }
  }
  return result;
}
