export async function upload(_args: string[]): Promise<number> {
  return 1;
}
