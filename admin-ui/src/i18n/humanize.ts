/** Fallback label for API values and field names we have no translation for: "awaiting_client" → "Awaiting client",
 * "responseSummary" → "Response summary". */
export const humanize = (value: string) => {
  const words = value.replace(/([a-z\d])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`).replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
