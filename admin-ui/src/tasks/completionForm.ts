// Reads a step's completion form as the API sends it (`GET /api/tasks/:id` → `form`, the JSON Schema zod writes
// for the step's body) into what the console renders: one branch per outcome, each with its own fields.

/** The part of JSON Schema that zod's `z.toJSONSchema(form, { io: 'input' })` writes for a completion form. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface Common {
  name: string;
  required: boolean;
}
export type FormField =
  | (Common & { kind: 'text'; maxLength?: number })
  | (Common & { kind: 'number'; min?: number; max?: number })
  | (Common & { kind: 'choice'; options: string[] })
  /** a list of ids the case type's own input fills (screening_review's `hitIds`); left out without one */
  | (Common & { kind: 'list' });

export interface Branch {
  outcome: string;
  fields: FormField[];
}

// Long free text gets a text area; short notes stay one line.
export const MULTILINE_FROM = 500;

const strings = (values: unknown[] | undefined) => (values ?? []).filter((v): v is string => typeof v === 'string');

function fieldOf(name: string, schema: JsonSchema, required: boolean): FormField | undefined {
  if (schema.enum) return { name, required, kind: 'choice', options: strings(schema.enum) };
  if (schema.type === 'string') return { name, required, kind: 'text', maxLength: schema.maxLength };
  if (schema.type === 'number' || schema.type === 'integer') {
    return { name, required, kind: 'number', min: schema.minimum, max: schema.maximum };
  }
  // A list of strings (screening_review's `hitIds`) needs the case type's own input; objects are not offered.
  if (schema.type === 'array' && schema.items?.type === 'string') return { name, required, kind: 'list' };
  return undefined;
}

/** The branches of a form: an object whose `outcome` is a constant or an enum, or a union of such objects. */
export function branchesOf(schema: JsonSchema): Branch[] {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.flatMap(branchesOf);
  const { outcome, ...rest } = schema.properties ?? {};
  if (!outcome) return [];
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(rest).flatMap(([name, property]) => fieldOf(name, property, required.has(name)) ?? []);
  const outcomes = outcome.const !== undefined ? strings([outcome.const]) : strings(outcome.enum);
  return outcomes.map((name) => ({ outcome: name, fields }));
}
