namespace C3V.Output;

/// <summary>
/// The variable-length LZW coder of GIF89a (appendix F of the spec): codes start at minCodeSize+1 bits,
/// grow to 12, a clear code resets the table when it is full; codes are packed LSB first into data
/// sub-blocks of at most 255 bytes. The string table is an open-addressed hash stamped with a generation
/// number, so a reset costs nothing.
/// </summary>
public sealed class GifLzw
{
    const int MaxCode = 4096, HashSize = 8191; // prime > 4096
    readonly int[] _key = new int[HashSize];
    readonly short[] _value = new short[HashSize];
    readonly int[] _stamp = new int[HashSize];
    int _generation;

    /// <summary>Writes the minimum code size byte, the sub-blocks and the block terminator.</summary>
    public void Encode(ReadOnlySpan<byte> indices, int minCodeSize, Stream output)
    {
        if (minCodeSize is < 2 or > 8) throw new ArgumentOutOfRangeException(nameof(minCodeSize));
        var bits = new BitPacker(output);
        output.WriteByte((byte)minCodeSize);
        int clear = 1 << minCodeSize, eoi = clear + 1;
        int codeSize = minCodeSize + 1, next = eoi + 1;
        NewTable();
        bits.Put(clear, codeSize);
        if (indices.Length > 0)
        {
            int prefix = indices[0];
            for (int i = 1; i < indices.Length; i++)
            {
                int c = indices[i];
                int key = prefix << 8 | c;
                int slot = Find(key);
                if (_stamp[slot] == _generation) { prefix = _value[slot]; continue; }
                bits.Put(prefix, codeSize);
                if (next < MaxCode)
                {
                    _key[slot] = key; _value[slot] = (short)next; _stamp[slot] = _generation;
                    next++;
                    if (next > (1 << codeSize) && codeSize < 12) codeSize++;
                }
                else
                {
                    // Table full: restart it (the decoder resets on the clear code).
                    bits.Put(clear, codeSize);
                    NewTable();
                    codeSize = minCodeSize + 1; next = eoi + 1;
                }
                prefix = c;
            }
            bits.Put(prefix, codeSize);
        }
        bits.Put(eoi, codeSize);
        bits.Flush();
        output.WriteByte(0);
    }

    void NewTable()
    {
        if (++_generation == int.MaxValue) { Array.Clear(_stamp); _generation = 1; }
    }

    int Find(int key)
    {
        int slot = (int)((uint)key * 0x9E3779B1u % HashSize);
        while (_stamp[slot] == _generation && _key[slot] != key) slot = slot + 1 == HashSize ? 0 : slot + 1;
        return slot;
    }

    /// <summary>Packs codes LSB first and emits them in sub-blocks (length byte + up to 255 bytes).</summary>
    struct BitPacker(Stream output)
    {
        readonly byte[] _block = new byte[256];
        int _fill, _acc, _bits;

        public void Put(int code, int size)
        {
            _acc |= code << _bits;
            _bits += size;
            while (_bits >= 8) { Byte((byte)_acc); _acc >>= 8; _bits -= 8; }
        }

        public void Flush()
        {
            if (_bits > 0) { Byte((byte)_acc); _acc = 0; _bits = 0; }
            if (_fill > 0) Emit();
        }

        void Byte(byte b)
        {
            _block[1 + _fill++] = b;
            if (_fill == 255) Emit();
        }

        void Emit()
        {
            _block[0] = (byte)_fill;
            output.Write(_block, 0, _fill + 1);
            _fill = 0;
        }
    }
}
