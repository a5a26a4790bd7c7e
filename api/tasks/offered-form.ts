// A step's completion form as the task offers it now: the workflow may withhold an outcome (approval while
// a blocking check fails), and the form then does not offer that branch.
import { z } from 'zod';

type Schema = Record<string, unknown> & {
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: { outcome?: { const?: string; enum?: string[] } };
};

const outcomeOf = (branch: Schema): string | undefined => branch.properties?.outcome?.const ?? branch.properties?.outcome?.enum?.[0];

/** The form's JSON Schema with only the branches whose outcome is offered (all when `offered` is empty). */
export function offeredForm(form: z.ZodType, offered: string[]): unknown {
  const schema = z.toJSONSchema(form, { io: 'input' }) as Schema;
  if (!offered.length) return schema;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (branches) return { ...schema, [key]: branches.filter((b) => !outcomeOf(b) || offered.includes(outcomeOf(b)!)) };
  }
  return schema;
}
