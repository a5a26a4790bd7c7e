/** react-admin choices whose names are translation keys (inputs and SelectField translate them). */
export const choices = (prefix: string, values: readonly string[]) => values.map((id) => ({ id, name: `${prefix}.${id}` }));
