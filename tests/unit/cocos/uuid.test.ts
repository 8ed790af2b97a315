import { describe, expect, it } from 'vitest';
import { compressUuid, decompressUuid, isCompressedUuid, newUuid } from '../../../tools/cocos/uuid';

describe('Cocos uuid compression', () => {
  // Pairs read from public Cocos Creator 3.x projects: a script's .meta uuid and the `__type__` its scene uses.
  it.each([
    ['7352cd68-ece8-4702-b14b-b890678be1c9', '7352c1o7OhHArFLuJBni+HJ'],
    ['8c3d3c5b-f7b5-45b7-8bf6-6a69a85edc35', '8c3d3xb97VFt4v2ammoXtw1'],
  ])('compresses %s as the editor does', (uuid, compressed) => {
    expect(compressUuid(uuid)).toBe(compressed);
    expect(decompressUuid(compressed)).toBe(uuid);
    expect(isCompressedUuid(compressed)).toBe(true);
  });

  it('round-trips fresh v4 uuids', () => {
    for (let i = 0; i < 50; i++) {
      const uuid = newUuid();
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(decompressUuid(compressUuid(uuid))).toBe(uuid);
    }
  });

  it('rejects what is not a uuid', () => {
    expect(() => compressUuid('not-a-uuid')).toThrow('not a uuid: not-a-uuid');
    expect(isCompressedUuid('cc.Node')).toBe(false);
  });
});
