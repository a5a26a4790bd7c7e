// swagger-ui-dist ships no types; this is the one function the docs page uses.
declare module 'swagger-ui-dist' {
  export function getAbsoluteFSPath(): string;
}
