import { getMetadataStorage, ValidateBy, ValidationError } from 'class-validator';

const NULLABLE = 'isNullable';

/**
 * Marks an optional DTO field that accepts an explicit `null` (it clears a nullable column). Every
 * other field answers 400 `NOT_NULL` to `null`: omitting a field leaves it unchanged, `null` is not
 * a second way to say that. Kept as class-validator metadata so mapped types (OmitType …) inherit it.
 */
export function Nullable(): PropertyDecorator {
  return ValidateBy({ name: NULLABLE, validator: { validate: () => true } });
}

const fieldsCache = new WeakMap<Function, { known: Set<string>; nullable: Set<string> }>();

function fieldsOf(target: Function) {
  let fields = fieldsCache.get(target);
  if (!fields) {
    const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    fields = {
      known: new Set(metadatas.map((m) => m.propertyName)),
      nullable: new Set(metadatas.filter((m) => m.name === NULLABLE).map((m) => m.propertyName)),
    };
    fieldsCache.set(target, fields);
  }
  return fields;
}

const isDtoInstance = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object && fieldsOf(value.constructor).known.size > 0;

/**
 * The `null`s a DTO instance (and the DTOs nested in it) does not accept, and numbers too small to
 * be written as decimals (2e-323), as validation errors.
 */
export function nullErrors(instance: object): ValidationError[] {
  const { known, nullable } = fieldsOf(instance.constructor);
  const errors: ValidationError[] = [];
  for (const [property, value] of Object.entries(instance)) {
    if (!known.has(property)) continue;
    const error = Object.assign(new ValidationError(), { target: instance, property, value, children: [] as ValidationError[] });
    if (value === null && !nullable.has(property)) {
      error.constraints = { not_null: `${property} 不能为 null,不修改时请省略该字段 (must not be null; omit the field to leave it unchanged)` };
    } else if (typeof value === 'number' && /e-/.test(String(value))) {
      // class-validator's decimal-places check crashes on numbers JavaScript prints as 2e-323
      error.constraints = { number_format: `${property} 数值过小或精度过高 (number too small: ${value})` };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isDtoInstance(item)) {
          const children = nullErrors(item);
          if (children.length) error.children!.push(Object.assign(new ValidationError(), { property: String(index), value: item, children }));
        }
      });
    } else if (isDtoInstance(value)) {
      error.children = nullErrors(value);
    }
    if (error.constraints || error.children!.length) errors.push(error);
  }
  return errors;
}
