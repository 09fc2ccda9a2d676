using System.Buffers.Binary;
using System.Text;

namespace C3V.World;

/// <summary>
/// Keeps the embeddings of an <see cref="ITextEmbedder"/> on disk, keyed by model name and exact text, so that
/// label sets (motions, archetypes, library entries) are embedded once per machine rather than once per run.
/// </summary>
/// <remarks>
/// One file per model and dimension in the cache folder: <c>MAGIC, dim</c> then records
/// <c>[int32 byte length of text][UTF-8 text][dim float32]</c>, little-endian. New records are appended with
/// one write each, so concurrent processes at worst duplicate a record; a torn or corrupt tail (a crash while
/// appending) is ignored on load and the file is rewritten cleanly on the next append. The cache only ever
/// holds what the model computed, so discarding it is always safe.
/// </remarks>
public sealed class CachedTextEmbedder : ITextEmbedder
{
    const uint Magic = 0x43335645; // "EV3C"
    readonly ITextEmbedder _inner;
    readonly Dictionary<string, float[]> _memory = new(StringComparer.Ordinal);
    readonly Lock _gate = new();
    bool _tailCorrupt;

    /// <summary>The cache file this instance reads and appends to.</summary>
    public string FilePath { get; }

    /// <summary>Texts answered from the cache since construction (for reports and tests).</summary>
    public int Hits { get; private set; }
    /// <summary>Texts that had to be computed by the model since construction.</summary>
    public int Misses { get; private set; }

    /// <param name="folder">Cache folder; created when missing. Defaults to <see cref="DefaultFolder"/>.</param>
    public CachedTextEmbedder(ITextEmbedder inner, string? folder = null)
    {
        _inner = inner;
        folder ??= DefaultFolder;
        Directory.CreateDirectory(folder);
        string safe = string.Concat(inner.ModelName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        FilePath = Path.Combine(folder, $"{safe}.{inner.Dimension}.emb");
        Load();
    }

    /// <summary>$C3V_CACHE/embeddings when set, else ~/.cache/c3v/embeddings (XDG_CACHE_HOME respected).</summary>
    public static string DefaultFolder
    {
        get
        {
            string? root = Environment.GetEnvironmentVariable("C3V_CACHE");
            if (string.IsNullOrEmpty(root))
            {
                string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                root = Path.Combine(string.IsNullOrEmpty(xdg)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg, "c3v");
            }
            return Path.Combine(root, "embeddings");
        }
    }

    public string ModelName => _inner.ModelName;
    public int Dimension => _inner.Dimension;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var missing = new List<string>();
        lock (_gate)
        {
            for (int i = 0; i < texts.Count; i++)
            {
                if (_memory.TryGetValue(texts[i], out var v)) { result[i] = v; Hits++; }
                else if (!missing.Contains(texts[i])) missing.Add(texts[i]);
            }
        }
        if (missing.Count == 0) return result;

        var computed = _inner.Embed(missing);
        lock (_gate)
        {
            for (int j = 0; j < missing.Count; j++) _memory[missing[j]] = computed[j];
            Misses += missing.Count;
            Append(missing, computed);
            for (int i = 0; i < texts.Count; i++) result[i] ??= _memory[texts[i]];
        }
        return result;
    }

    void Load()
    {
        if (!File.Exists(FilePath)) return;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(FilePath); }
        catch (IOException) { _tailCorrupt = true; return; }
        var span = bytes.AsSpan();
        if (span.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(span[4..]) != Dimension)
        {
            _tailCorrupt = true;
            return;
        }
        int pos = 8, recordFloats = Dimension * 4;
        while (pos < span.Length)
        {
            if (span.Length - pos < 4) { _tailCorrupt = true; break; }
            int len = BinaryPrimitives.ReadInt32LittleEndian(span[pos..]);
            if (len < 0 || len > span.Length - pos - 4 - recordFloats) { _tailCorrupt = true; break; }
            string text;
            try { text = new UTF8Encoding(false, true).GetString(span.Slice(pos + 4, len)); }
            catch (DecoderFallbackException) { _tailCorrupt = true; break; }
            var v = new float[Dimension];
            var src = span.Slice(pos + 4 + len, recordFloats);
            for (int k = 0; k < Dimension; k++) v[k] = BinaryPrimitives.ReadSingleLittleEndian(src[(k * 4)..]);
            if (!v.All(float.IsFinite)) { _tailCorrupt = true; break; }
            _memory[text] = v;
            pos += 4 + len + recordFloats;
        }
    }

    void Append(IReadOnlyList<string> texts, float[][] vectors)
    {
        try
        {
            if (_tailCorrupt || !File.Exists(FilePath))
            {
                // Rewrite everything we hold (valid records only) atomically, then append from there on.
                Common.AtomicFile.Write(FilePath, s => { WriteHeader(s); foreach (var (t, v) in _memory) WriteRecord(s, t, v); });
                _tailCorrupt = false;
                return;
            }
            var buffer = new MemoryStream();
            for (int i = 0; i < texts.Count; i++) WriteRecord(buffer, texts[i], vectors[i]);
            using var f = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            f.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (IOException) { /* a cache that cannot be written only costs time */ }
        catch (UnauthorizedAccessException) { }
    }

    void WriteHeader(Stream s)
    {
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(h, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(h[4..], Dimension);
        s.Write(h);
    }

    static void WriteRecord(Stream s, string text, float[] v)
    {
        byte[] t = Encoding.UTF8.GetBytes(text);
        var rec = new byte[4 + t.Length + v.Length * 4];
        BinaryPrimitives.WriteInt32LittleEndian(rec, t.Length);
        t.CopyTo(rec, 4);
        for (int k = 0; k < v.Length; k++) BinaryPrimitives.WriteSingleLittleEndian(rec.AsSpan(4 + t.Length + k * 4), v[k]);
        s.Write(rec);
    }
}
