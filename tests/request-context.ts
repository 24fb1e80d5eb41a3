// The request that mocked next/headers hands to the code under test.
let current = new Headers();

export function requestHeaders(): Headers {
  return current;
}
export function setRequestHeaders(h: Headers): void {
  current = h;
}

const jar = new Map<string, string>();
export const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string, value: string) => void jar.set(name, value),
  delete: (name: string) => void jar.delete(name),
};
