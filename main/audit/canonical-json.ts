// The canonical JSON an audit entry is hashed over: RFC 8785, the JSON Canonicalization Scheme (JCS). Object
// members sorted by their names' UTF-16 code units, no whitespace, strings and numbers exactly as ECMAScript's
// JSON.stringify writes them. Any JCS library in any language gives the same bytes, so a bank can recompute an
// entry's hash without this code (docs/audit-trail.md "Canonical hash").
export class NotCanonicalisableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotCanonicalisableError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // JSON has no NaN or Infinity; ECMAScript's shortest round-trip form is JCS's number form (-0 is "0").
      if (!Number.isFinite(value)) throw new NotCanonicalisableError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'string':
      // A lone surrogate has no UTF-8 form: two tools would hash it differently.
      if (LONE_SURROGATE.test(value)) throw new NotCanonicalisableError('a string with a lone surrogate');
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new NotCanonicalisableError(`not a JSON value: ${typeof value}`);
  }
}

function canonicalObject(object: Record<string, unknown>): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new NotCanonicalisableError('only plain objects are JSON objects');
  }
  // The default sort compares UTF-16 code units, which is what JCS asks for.
  const names = Object.keys(object).sort();
  const members = names.map((name) => {
    const member = object[name];
    if (member === undefined) throw new NotCanonicalisableError(`member "${name}" is undefined`);
    return `${canonicalJson(name)}:${canonicalJson(member)}`;
  });
  return `{${members.join(',')}}`;
}
