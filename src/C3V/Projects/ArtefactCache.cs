namespace C3V.Projects;

/// <summary>
/// An artefact a project recorded: the key of its inputs; when it is a file, where it is (relative to the
/// project); when it is a choice (e.g. a motion clip's name), that value.
/// </summary>
public sealed record ArtefactRecord(string Key, string? File = null, string? Value = null);

/// <summary>
/// Decides, artefact by artefact, whether a project's previous result can be reused: it can when the key of
/// its inputs is unchanged (and its file, if any, is still there and loads). Keeps the lists of what was
/// reused and what was recomputed for the summary, and the records to save in project.json.
/// </summary>
public sealed class ArtefactCache
{
    readonly IReadOnlyDictionary<string, ArtefactRecord> _previous;
    readonly string? _root;
    readonly List<string> _reused = [], _recomputed = [];
    readonly Dictionary<string, ArtefactRecord> _records = new(StringComparer.Ordinal);
    readonly Lock _gate = new();

    /// <param name="previous">The records of the project being edited (empty for a new project).</param>
    /// <param name="root">The project folder artefact files are relative to.</param>
    public ArtefactCache(IReadOnlyDictionary<string, ArtefactRecord>? previous = null, string? root = null)
    {
        _previous = previous ?? new Dictionary<string, ArtefactRecord>();
        _root = root;
    }

    public IReadOnlyList<string> Reused { get { lock (_gate) return _reused.ToList(); } }
    public IReadOnlyList<string> Recomputed { get { lock (_gate) return _recomputed.ToList(); } }
    public IReadOnlyDictionary<string, ArtefactRecord> Records { get { lock (_gate) return new Dictionary<string, ArtefactRecord>(_records); } }

    /// <summary>True when the previous project holds <paramref name="name"/> with this key (and its file exists).</summary>
    public bool CanReuse(string name, string key)
    {
        if (!_previous.TryGetValue(name, out var rec) || rec.Key != key) return false;
        return rec.File is null || _root is null || File.Exists(Path.Combine(_root, rec.File));
    }

    /// <summary>
    /// Reuses <paramref name="name"/> through <paramref name="load"/> when its key is unchanged (a load that
    /// fails falls back to computing), else computes it; either way records it.
    /// </summary>
    public T GetOrCompute<T>(string name, string key, Func<T> compute, Func<ArtefactRecord, T>? load = null, string? file = null)
    {
        if (load is not null && CanReuse(name, key))
        {
            try
            {
                var value = load(_previous[name]);
                Record(name, _previous[name] with { Key = key }, reused: true);
                return value;
            }
            catch (Common.C3VException) { }
            catch (IOException) { }
        }
        var computed = compute();
        Record(name, new ArtefactRecord(key, file), reused: false);
        return computed;
    }

    public void Record(string name, ArtefactRecord record, bool reused)
    {
        lock (_gate)
        {
            _records[name] = record;
            (reused ? _reused : _recomputed).Add(name);
        }
    }
}
