// Types of prepare.mjs (plain JavaScript, run before tsx is registered).
export declare function prismaClientProblem(root: string): string | undefined;
export declare function ensurePrismaClient(root: string, node: string): void;
export declare function hydrateEmbeddedPostgres(root: string): void;
