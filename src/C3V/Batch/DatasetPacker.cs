using System.Formats.Tar;
using System.Text;
using C3V.Common;

namespace C3V.Batch;

/// <summary>What <see cref="DatasetPacker.Pack"/> wrote.</summary>
public sealed record PackSummary(string Folder, IReadOnlyList<(string File, int Samples)> Shards, int Samples, long Bytes);

/// <summary>
/// Writes a dataset's finished jobs as WebDataset-style tar shards: each sample's files sit together in the tar and
/// share its key (the job id) up to the first dot, so a training loader groups them by key:
/// <c>&lt;id&gt;.mp4|gif</c> (the video), <c>&lt;id&gt;.sheet.png</c> (contact sheet), <c>&lt;id&gt;.annotations.json</c>
/// (ground truth), <c>&lt;id&gt;.txt</c> (the prompt), <c>&lt;id&gt;.job.json</c> (the manifest record).
/// Samples go to shards in manifest order, in contiguous runs of near-equal size. The shards are written into a
/// staging folder and moved into place together.
/// </summary>
public static class DatasetPacker
{
    public const string DefaultFolder = "shards";

    public static PackSummary Pack(DatasetFolder dataset, int shards, string? output, bool force, CancellationToken cancellation = default)
    {
        if (shards is < 1 or > 100_000) throw new C3VException($"--shards: {shards} is outside 1..100000");
        var target = UserPath.Full(output ?? Path.Combine(dataset.Root, DefaultFolder), "--output");
        if ((Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()) || File.Exists(target))
        {
            if (!force) throw new C3VException($"{target}: already exists (use --force to replace it)");
        }
        var samples = dataset.ReadManifest().Where(r => r.Status == JobStatus.Done && dataset.Finished(r.Id) is not null).ToList();
        if (samples.Count == 0) throw new C3VException($"{dataset.Root}: no finished jobs to pack (run c3v batch first)");
        shards = Math.Min(shards, samples.Count);
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            var written = new List<(string, int)>();
            long bytes = 0;
            int width = Math.Max(6, (shards - 1).ToString().Length);
            for (int s = 0, next = 0; s < shards; s++)
            {
                int count = samples.Count / shards + (s < samples.Count % shards ? 1 : 0);
                var name = $"shard-{s.ToString().PadLeft(width, '0')}.tar";
                var path = Path.Combine(staging, name);
                using (var stream = File.Create(path))
                using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: false))
                {
                    for (int k = 0; k < count; k++, next++)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        WriteSample(tar, dataset, samples[next]);
                    }
                }
                bytes += new FileInfo(path).Length;
                written.Add((name, count));
            }
            File.WriteAllText(Path.Combine(staging, "shards.json"), System.Text.Json.JsonSerializer.Serialize(new
            {
                dataset = dataset.Root, samples = samples.Count,
                shards = written.Select(w => new { file = w.Item1, samples = w.Item2 }),
                fields = new[] { "mp4|gif: video", "sheet.png: contact sheet", "annotations.json: ground truth", "txt: prompt", "job.json: manifest record" },
            }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            else if (File.Exists(target)) File.Delete(target);
            Directory.Move(staging, target);
            return new PackSummary(target, written, samples.Count, bytes);
        }
        catch
        {
            DatasetFolder.Discard(staging);
            throw;
        }
    }

    /// <summary>The files of one sample, in a fixed order, under "&lt;id&gt;.&lt;field&gt;" names.</summary>
    static void WriteSample(TarWriter tar, DatasetFolder dataset, JobRecord r)
    {
        var project = dataset.ProjectOf(r.Id);
        var when = r.FinishedUtc ?? DateTimeOffset.UnixEpoch;
        var video = r.Files.Select(f => Path.GetFileName(f)).FirstOrDefault(f => f.StartsWith("video.", StringComparison.Ordinal));
        if (video is not null) AddFile(tar, Path.Combine(project, "renders", video), $"{r.Id}{Path.GetExtension(video)}", when);
        AddFile(tar, Path.Combine(project, "renders", "contact-sheet.png"), $"{r.Id}.sheet.png", when);
        AddFile(tar, Path.Combine(project, Pipeline.Generator.AnnotationsFile), $"{r.Id}.annotations.json", when);
        AddBytes(tar, Encoding.UTF8.GetBytes(r.Prompt + "\n"), $"{r.Id}.txt", when);
        AddBytes(tar, Encoding.UTF8.GetBytes(r.ToJsonLine() + "\n"), $"{r.Id}.job.json", when);
    }

    static void AddFile(TarWriter tar, string path, string name, DateTimeOffset when)
    {
        if (!File.Exists(path)) return; // a field the sample does not have (no annotations exported, a PNG-frames video)
        using var data = File.OpenRead(path);
        Add(tar, data, name, when);
    }

    static void AddBytes(TarWriter tar, byte[] bytes, string name, DateTimeOffset when)
    {
        using var data = new MemoryStream(bytes);
        Add(tar, data, name, when);
    }

    /// <summary>Fixed owner, mode and time (the job's), so the same dataset packs to the same bytes.</summary>
    static void Add(TarWriter tar, Stream data, string name, DateTimeOffset when) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data, ModificationTime = when, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            Uid = 0, Gid = 0, UserName = "", GroupName = "",
        });
}
