using Microsoft.VisualStudio.TestTools.UnitTesting;
using Npgsql;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temp folder, or a new database in the PostgreSQL cluster that
/// <c>RANGEGUARD_FLEET_PG</c> points at (.ci/run starts one and exports it). Without that variable PostgreSQL tests are
/// inconclusive, except under CI=true where they fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PgVariable = "RANGEGUARD_FLEET_PG";

    private readonly string? _dir;
    private readonly string? _adminConnection;
    private readonly string? _name;

    private TestDatabase(DatabaseOptions options, string? dir, string? admin, string? name)
    {
        Options = options;
        _dir = dir;
        _adminConnection = admin;
        _name = name;
    }

    public DatabaseOptions Options { get; }

    public string Provider => Options.Provider;

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            string dir = Path.Combine(Path.GetTempPath(), "rg-fleet-db-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            return new TestDatabase(new DatabaseOptions { Provider = "sqlite", ConnectionString = "Data Source=" + Path.Combine(dir, "fleet.db"), RetryMinMs = 50, RetryMaxMs = 500 }, dir, null, null);
        }

        string? admin = Environment.GetEnvironmentVariable(PgVariable);
        if (string.IsNullOrEmpty(admin))
        {
            Requirements.Missing($"PostgreSQL tests need {PgVariable} (a connection string to a cluster where the user may CREATE DATABASE); .ci/run sets it");
        }

        string name = "rgfleet_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var b = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseOptions { Provider = "postgres", ConnectionString = b.ToString(), RetryMinMs = 50, RetryMaxMs = 500 }, null, admin, name);
    }

    /// <summary>Makes the database refuse connections (and ends the open ones) until <see cref="RestoreAsync"/>.</summary>
    public async Task BreakAsync()
    {
        Assert.IsNotNull(_adminConnection, "only for PostgreSQL");
        await AdminAsync($"ALTER DATABASE {_name} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}'");
    }

    public Task RestoreAsync() => AdminAsync($"ALTER DATABASE {_name} ALLOW_CONNECTIONS true");

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_dir != null)
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        if (_name != null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var c = new NpgsqlConnection(_adminConnection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
