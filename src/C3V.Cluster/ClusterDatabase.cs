using System.Reflection;
using C3V.Common;
using Npgsql;

namespace C3V.Cluster;

/// <summary>
/// The PostgreSQL database that holds the cluster's membership and job state: checks it answers (one clear error
/// naming the host otherwise) and creates the Orleans tables and queries when they are missing.
/// </summary>
public sealed class ClusterDatabase
{
    /// <summary>The ADO.NET invariant Orleans loads the PostgreSQL driver by.</summary>
    public const string Invariant = "Npgsql";

    public string ConnectionString { get; }
    public string Host { get; }
    public int Port { get; }

    public ClusterDatabase(string connectionString)
    {
        NpgsqlConnectionStringBuilder b;
        try { b = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new C3VException($"--db: '{connectionString}' is not a PostgreSQL connection string ({e.Message}); e.g. \"Host=127.0.0.1;Database=c3v;Username=c3v;Password=…\"");
        }
        if (string.IsNullOrWhiteSpace(b.Host)) throw new C3VException("--db: the connection string names no Host");
        ConnectionString = b.ConnectionString;
        Host = b.Host;
        Port = b.Port;
    }

    /// <summary>Opens a connection once; an unreachable or refusing server is one error naming it.</summary>
    public async Task CheckAsync(CancellationToken cancellation)
    {
        try
        {
            await using var c = new NpgsqlConnection(ConnectionString);
            await c.OpenAsync(cancellation);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new C3VException($"cannot reach the cluster database at {Host}:{Port} ({Reason(e)})");
        }
    }

    /// <summary>Creates the tables and stores the query texts (idempotent: every silo runs it at start).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellation)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("orleans-postgres.sql")!;
        var sql = await new StreamReader(stream).ReadToEndAsync(cancellation);
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(cancellation);
        // Several silos may start at once: one at a time, under an advisory lock.
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(717171)", c)) await lockCmd.ExecuteNonQueryAsync(cancellation);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            await cmd.ExecuteNonQueryAsync(cancellation);
        }
        catch (PostgresException e)
        {
            throw new C3VException($"the cluster database at {Host}:{Port} refused the Orleans tables ({e.MessageText})");
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(717171)", c);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    static string Reason(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is System.Net.Sockets.SocketException s) return s.Message;
        return e.Message;
    }
}
