using System.Data.Common;
using System.Reflection;

namespace RangeGuard.Fleet.Storage;

/// <summary>
/// Applies the embedded SQL migrations (Storage/Migrations/NNNN_name.sql) in order, each in its own transaction, and records
/// them in <c>schema_migrations</c>. Several instances may start at once: PostgreSQL takes an advisory lock, SQLite's
/// write transaction serialises them; a migration already recorded is skipped.
/// </summary>
public static class Migrator
{
    private const long AdvisoryLockKey = 0x52474c4545540001; // "RGLEET" + 1

    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded()
    {
        var list = new List<(int, string, string)>();
        Assembly a = typeof(Migrator).Assembly;
        const string prefix = "RangeGuard.Fleet.Migrations.";
        foreach (string res in a.GetManifestResourceNames())
        {
            if (!res.StartsWith(prefix, StringComparison.Ordinal) || !res.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = res[prefix.Length..^4];
            int version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var s = new StreamReader(a.GetManifestResourceStream(res)!);
            list.Add((version, name, s.ReadToEnd()));
        }

        list.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return list;
    }

    /// <summary>Brings the schema up to date; returns the migrations applied now.</summary>
    public static async Task<int> MigrateAsync(FleetDb db, CancellationToken ct = default)
    {
        await using DbConnection c = await db.OpenAsync(ct);
        await c.ExecAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)", null, ct);
        if (db.IsPostgres)
        {
            await c.ExecAsync("SELECT pg_advisory_lock(@k)", null, ct, ("k", AdvisoryLockKey));
        }

        try
        {
            int applied = 0;
            foreach (var (version, name, sql) in Embedded())
            {
                await using DbTransaction tx = await FleetDb.BeginWriteAsync(c, ct);
                object? done = await c.ScalarAsync("SELECT version FROM schema_migrations WHERE version = @v", tx, ct, ("v", version));
                if (done != null)
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }

                await c.ExecAsync(sql.Replace("{{id}}", db.IdentityColumn, StringComparison.Ordinal), tx, ct);
                await c.ExecAsync("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (@v, @n, @t)", tx, ct,
                    ("v", version), ("n", name), ("t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
                await tx.CommitAsync(ct);
                applied++;
            }

            return applied;
        }
        finally
        {
            if (db.IsPostgres)
            {
                await c.ExecAsync("SELECT pg_advisory_unlock(@k)", null, CancellationToken.None, ("k", AdvisoryLockKey));
            }
        }
    }
}
