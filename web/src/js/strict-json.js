// RFC 8259 JSON with nothing lenient, as the desktop reads payloads (docs/protocol.md section 2): a duplicate key
// or anything after the value makes the text invalid (JSON.parse lets the last duplicate win, so two parsers could
// read one payload two ways), and numbers keep their lexical form so that `1.0` or `3e0` can be told from `1`.

/** A JSON number as written. */
export class JsonNumber {
  constructor(lexical) {
    this.lexical = lexical;
  }
}

const MAX_DEPTH = 255;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Invalid extends Error {}

/** The value (objects are null-prototype objects, numbers {@link JsonNumber}s), or undefined when invalid. */
export function parseStrict(text) {
  let pos = 0;
  const fail = () => {
    throw new Invalid();
  };
  const ws = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };
  const string = () => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail();
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail();
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          pos += 2;
        } else {
          fail();
        }
      } else if (text.charCodeAt(pos) < 0x20) {
        fail();
      } else {
        out += c;
        pos++;
      }
    }
  };
  const value = (depth) => {
    if (depth > MAX_DEPTH) fail();
    ws();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const object = Object.create(null);
      const seen = new Set();
      ws();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail();
        const key = string();
        if (seen.has(key)) fail();
        seen.add(key);
        ws();
        if (text[pos] !== ':') fail();
        pos++;
        object[key] = value(depth + 1);
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return object;
        } else fail();
      }
    }
    if (c === '[') {
      pos++;
      const array = [];
      ws();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1));
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return array;
        } else fail();
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) fail();
    pos += m[0].length;
    return new JsonNumber(m[0]);
  };
  try {
    const result = value(0);
    ws();
    return pos === text.length ? result : undefined;
  } catch (e) {
    if (e instanceof Invalid || e instanceof RangeError) return undefined;
    throw e;
  }
}

export function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
}
