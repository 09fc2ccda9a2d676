using System.Text;
using CsCheck;
using C3V.Common;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Tests.Pipeline;
using Xunit.Abstractions;

namespace C3V.Tests.Projects;

/// <summary>
/// Mutation fuzzing of project.json (see <see cref="Fuzz"/>), seeded with a real generated project: the loader
/// returns a project or a <see cref="C3VException"/> naming the field (structural mutations: fields removed,
/// added, of the wrong type, NaN, huge or negative numbers; byte mutations: truncation, flips, numbers). A few
/// damaged projects are then run through render-project: it succeeds, or fails cleanly with the project
/// byte-identical.
/// </summary>
[Collection(SmallProject.Collection)]
public sealed class ProjectFuzzTests(SmallProject small, ITestOutputHelper output)
{
    string Json => File.ReadAllText(Path.Combine(small.Project, "project.json"));

    static void Load(string json)
    {
        var p = ProjectLoader.Parse(json, "project.json");
        Assert.Null(ProjectLoader.Problem(p));
    }

    [Fact]
    public void StructurallyMutatedProjectJson_LoadsOrNamesTheField()
    {
        var seed = Json;
        var r = Fuzz.Run(Fuzz.Json, m => Load(Fuzz.Apply(seed, m)), Fuzz.Iterations(400));
        output.WriteLine($"fuzz project.json (structure): {r.Cases} cases, {r.Refused} refused naming the field, {r.Cases - r.Refused} loaded");
    }

    [Fact]
    public void ByteMutatedProjectJson_LoadsOrIsRefused()
    {
        var seed = Encoding.UTF8.GetBytes(Json);
        var r = Fuzz.Run(Fuzz.Bytes, m => Load(Encoding.UTF8.GetString(Fuzz.Apply(seed, m))), Fuzz.Iterations(400));
        output.WriteLine($"fuzz project.json (bytes): {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    [Fact]
    public void RenderProject_OnAMutatedProject_SucceedsOrLeavesItUnchanged()
    {
        var seed = Json;
        int n = 0;
        var r = Fuzz.Run(Fuzz.Json, m =>
        {
            var dir = small.Copy($"fuzz-{Interlocked.Increment(ref n)}");
            try
            {
                File.WriteAllText(Path.Combine(dir, "project.json"), Fuzz.Apply(seed, m));
                var before = new ProjectSnapshot(dir);
                try { GeneratorTests.Make().RenderProjectAsync(dir, null, null, replace: false).GetAwaiter().GetResult(); }
                catch (C3VException)
                {
                    before.AssertSameAs(new ProjectSnapshot(dir));
                    ProjectSnapshot.AssertNoStagingLeft(dir);
                    throw;
                }
            }
            finally { Directory.Delete(dir, recursive: true); }
        }, Fuzz.Iterations(6));
        output.WriteLine($"fuzz render-project on mutated projects: {r.Cases} cases, {r.Refused} refused (project unchanged), {r.Cases - r.Refused} rendered");
    }
}
