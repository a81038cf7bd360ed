using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Web;

/// <summary>
/// Operator accounts (passwords hashed with ASP.NET Core Identity's PasswordHasher: PBKDF2-HMAC-SHA512, 100,000 iterations,
/// random salt) and API tokens (random 256-bit values; only their SHA-256 is stored).
/// </summary>
public sealed class Accounts
{
    private static readonly PasswordHasher<string> s_hasher = new();
    private readonly FleetDb _db;
    private readonly FleetOptions _o;
    private readonly ILogger<Accounts> _log;

    public Accounts(FleetDb db, IOptions<FleetOptions> o, ILogger<Accounts> log)
    {
        _db = db;
        _o = o.Value;
        _log = log;
    }

    /// <summary>Creates the first operator when there is none, and stores the configured API tokens.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        long operators = Convert.ToInt64(await c.ScalarAsync("SELECT COUNT(*) FROM operators", null, ct), System.Globalization.CultureInfo.InvariantCulture);
        if (operators == 0)
        {
            string? password = _o.Web.AdminPassword;
            if (string.IsNullOrEmpty(password))
            {
                password = NewSecret(12);
                _log.LogWarning("Created operator '{User}' with the generated password {Password} (shown once; set Fleet:Web:AdminPassword to choose it)", _o.Web.AdminUser, password);
            }

            await SetPasswordAsync(_o.Web.AdminUser, password, ct);
        }

        foreach (string token in _o.Web.ApiTokens.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            await c.ExecAsync("INSERT INTO api_tokens (token_sha256, name, created_ms) VALUES (@h, 'configured', @now) ON CONFLICT (token_sha256) DO NOTHING",
                null, ct, ("h", Sha256(token)), ("now", IngestStore.Now()));
        }
    }

    public async Task SetPasswordAsync(string user, string password, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        await c.ExecAsync("INSERT INTO operators (username, password_hash, created_ms) VALUES (@u, @h, @now) " +
            "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash", null, ct,
            ("u", user), ("h", s_hasher.HashPassword(user, password)), ("now", IngestStore.Now()));
    }

    public async Task<bool> CheckPasswordAsync(string user, string password, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        string? hash = (string?)await c.ScalarAsync("SELECT password_hash FROM operators WHERE username = @u", null, ct, ("u", user));
        if (hash == null)
        {
            s_hasher.HashPassword(user, password); // same work either way: no user-name probing by timing
            return false;
        }

        return s_hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>A new API token (returned once; only its hash is kept).</summary>
    public async Task<string> CreateTokenAsync(string name, CancellationToken ct)
    {
        string token = "rgf_" + NewSecret(32);
        await using DbConnection c = await _db.OpenAsync(ct);
        await c.ExecAsync("INSERT INTO api_tokens (token_sha256, name, created_ms) VALUES (@h, @n, @now)", null, ct,
            ("h", Sha256(token)), ("n", name), ("now", IngestStore.Now()));
        return token;
    }

    /// <summary>The token's name when it is valid, else null.</summary>
    public async Task<string?> CheckTokenAsync(string token, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        return (string?)await c.ScalarAsync("SELECT name FROM api_tokens WHERE token_sha256 = @h", null, ct, ("h", Sha256(token)));
    }

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    private static string NewSecret(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
