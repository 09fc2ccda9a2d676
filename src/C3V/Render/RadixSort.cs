namespace C3V.Render;

/// <summary>Least-significant-digit radix sort of 32-bit keys with int payloads, 11 bits per pass (3 passes).</summary>
internal static class RadixSort
{
    const int Bits = 11, Buckets = 1 << Bits, Mask = Buckets - 1;

    /// <summary>Sorts the first <paramref name="n"/> entries of keys/values ascending by key, stably; tmp arrays are scratch.</summary>
    public static void Sort(uint[] keys, int[] values, uint[] keysTmp, int[] valuesTmp, int n)
    {
        if (n < 2) return;
        Span<int> count = stackalloc int[Buckets];
        uint[] k0 = keys, k1 = keysTmp;
        int[] v0 = values, v1 = valuesTmp;
        for (int shift = 0; shift < 32; shift += Bits)
        {
            count.Clear();
            for (int i = 0; i < n; i++) count[(int)(k0[i] >> shift) & Mask]++;
            if (count[(int)(k0[0] >> shift) & Mask] == n) continue; // every key has this digit: nothing to do
            int sum = 0;
            for (int b = 0; b < Buckets; b++) { int c = count[b]; count[b] = sum; sum += c; }
            for (int i = 0; i < n; i++)
            {
                int b = (int)(k0[i] >> shift) & Mask;
                int d = count[b]++;
                k1[d] = k0[i]; v1[d] = v0[i];
            }
            (k0, k1) = (k1, k0); (v0, v1) = (v1, v0);
        }
        if (!ReferenceEquals(k0, keys)) { Array.Copy(k0, keys, n); Array.Copy(v0, values, n); }
    }
}
