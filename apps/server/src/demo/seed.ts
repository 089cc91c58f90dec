export async function seedDemoWorkspace(..._args: unknown[]): Promise<void> {}
