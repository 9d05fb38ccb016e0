/**
 * Reads CBOR (RFC 8949), the encoding of Pagefind's metadata, index and
 * filter files: only what those files hold (whole numbers, text, byte
 * strings, arrays, maps and the simple values), so the browser needs no
 * library and no wasm to read them.
 */

/** A decoded CBOR value. */
export type CborValue = number | string | Uint8Array | boolean | null | undefined | CborValue[] | { [key: string]: CborValue };

const TEXT = new TextDecoder();

/**
 * Decodes the one CBOR item that starts at `start` of `bytes`. Throws on
 * anything else (floats, tags, a truncated file), naming the offset.
 * @example decodeCbor(new Uint8Array([0x82, 0x01, 0x38, 0x18])) // [1, -25]
 */
export function decodeCbor(bytes: Uint8Array, start = 0): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  const fail = (why: string): never => {
    throw new Error(`CBOR at byte ${at}: ${why}`);
  };
  /** The argument of a head: its count, length or value; -1 for an indefinite length. */
  const argument = (info: number): number => {
    if (info < 24) return info;
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : info === 31 ? 0 : fail(`bad head ${info}`);
    if (width === 0) return -1;
    if (at + width > bytes.length) fail('truncated');
    const value =
      width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at) : width === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += width;
    return value;
  };
  const item = (): CborValue => {
    if (at >= bytes.length) fail('truncated');
    const head = bytes[at++] ?? 0;
    const major = head >> 5;
    const count = argument(head & 31);
    switch (major) {
      case 0:
        return count;
      case 1:
        return -1 - count;
      case 2:
      case 3: {
        if (count < 0 || at + count > bytes.length) fail('bad string length');
        const slice = bytes.subarray(at, at + count);
        at += count;
        return major === 2 ? slice : TEXT.decode(slice);
      }
      case 4: {
        const list: CborValue[] = [];
        if (count < 0) {
          while (bytes[at] !== 0xff) list.push(item());
          at += 1;
        } else for (let index = 0; index < count; index += 1) list.push(item());
        return list;
      }
      case 5: {
        const map: Record<string, CborValue> = {};
        for (let index = 0; count < 0 ? bytes[at] !== 0xff : index < count; index += 1) map[String(item())] = item();
        if (count < 0) at += 1;
        return map;
      }
      case 7:
        return count === 20 ? false : count === 21 ? true : count === 22 ? null : count === 23 ? undefined : fail(`simple ${count}`);
      default:
        return fail(`major type ${major}`);
    }
  };
  return item();
}
