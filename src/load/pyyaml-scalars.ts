/**
 * How PyYAML (the original tool's reader, YAML 1.1) resolves and constructs scalars, so vita reads the same
 * values. The regular expressions are PyYAML's implicit resolvers (a fact of its format); vita applies them
 * itself to plain scalars instead of the `yaml` package's own YAML 1.1 schema, which differs in places
 * (`y`/`n` are booleans there, `1e3` a number, `08` the integer 8; in PyYAML all three are strings).
 */

export type PyYamlTag = 'bool' | 'float' | 'int' | 'merge' | 'null' | 'timestamp' | 'str';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** The tag PyYAML gives a plain (unquoted, untagged) scalar; in its order: bool, float, int, merge, null, timestamp. */
export function resolvePlain(text: string): PyYamlTag {
  if (BOOL.test(text)) return 'bool';
  if (FLOAT.test(text)) return 'float';
  if (INT.test(text)) return 'int';
  if (text === '<<') return 'merge';
  if (NULL.test(text)) return 'null';
  if (TIMESTAMP.test(text)) return 'timestamp';
  return 'str';
}

const TRUE_WORDS = new Set(['yes', 'true', 'on']);
const FALSE_WORDS = new Set(['no', 'false', 'off']);

/** PyYAML's boolean constructor (for `!!bool` too): undefined when the text is not one of its words. */
export function constructBool(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * PyYAML's integer constructor: `_` ignored, `0b` binary, `0x` hex, a leading `0` octal, `a:b:c` base 60.
 * Undefined when the text is not an integer of these forms.
 */
export function constructInt(text: string): number | undefined {
  let value = text.replace(/_/g, '');
  let sign = 1;
  if (value.startsWith('-')) sign = -1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  let result: number;
  if (value === '0') result = 0;
  else if (/^0b[01]+$/.test(value)) result = Number.parseInt(value.slice(2), 2);
  else if (/^0x[0-9a-fA-F]+$/.test(value)) result = Number.parseInt(value.slice(2), 16);
  else if (/^0[0-7]+$/.test(value)) result = Number.parseInt(value, 8);
  else if (/^[0-9]+(?::[0-9]+)+$/.test(value)) {
    result = 0;
    for (const part of value.split(':')) result = result * 60 + Number(part);
  } else if (/^[0-9]+$/.test(value)) result = Number(value);
  else return undefined;
  return result === 0 ? 0 : sign * result;
}
