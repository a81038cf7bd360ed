using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RangeGuard.Fleet.Web;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c> for the API (scripts, webhook consumers, tests).</summary>
public sealed class TokenAuthentication : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "token";
    private readonly Accounts _accounts;

    public TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts)
        : base(options, logger, encoder)
    {
        _accounts = accounts;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header == null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        string? name = await _accounts.CheckTokenAsync(header[7..].Trim(), Context.RequestAborted);
        if (name == null)
        {
            return AuthenticateResult.Fail("unknown API token");
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "token:" + name) }, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
