/** Fallback label for API values we have no translation for: "awaiting_client" → "Awaiting client". */
export const humanize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
