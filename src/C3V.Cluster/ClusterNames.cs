using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;

namespace C3V.Cluster;

/// <summary>Names the silos, clients and grains agree on.</summary>
public static class ClusterNames
{
    /// <summary>The grain storage provider (ADO.NET on PostgreSQL).</summary>
    public const string Storage = "c3v-jobs";
    /// <summary>The queue grain's key (one queue per cluster).</summary>
    public const string Queue = "queue";
    public const string DefaultClusterId = "c3v";

    /// <summary>A batch is its dataset: one id per dataset folder, so a rerun finds its jobs.</summary>
    public static string BatchId(string datasetRoot) =>
        "ds-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(datasetRoot)))[..16];

    /// <summary>How the manifest names a silo ("silo 127.0.0.1:11111").</summary>
    public static string Worker(SiloAddress silo) => $"silo {silo.Endpoint}";
}
