/** "instructs-the-director-of-the-telecommunication-standardization-bureau/1" → "instructs…/1": chips stay short; the heading is in the title. */
export function shortPath(path: string): string {
  const [slug = '', ...rest] = path.split('/');
  const words = slug.split('-');
  const head = words.length > 3 ? `${words[0]}…${/#\d+$/.exec(slug)?.[0] ?? ''}` : slug;
  return [head, ...rest].join('/');
}
