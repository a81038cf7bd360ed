using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Notify;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;
using RangeGuard.Fleet.Web;

namespace RangeGuard.Fleet;

/// <summary>Builds the service: configuration, storage (migrated before anything starts), ingest, notifiers, web.</summary>
public static class FleetApp
{
    /// <summary>Builds and prepares the app (schema migrated, vehicles, first operator and tokens seeded); the caller runs it.</summary>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder b = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        b.Logging.ClearProviders();
        b.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        b.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(b);
        b.Services.Configure<FleetOptions>(b.Configuration.GetSection("Fleet"));
        FleetOptions o = b.Configuration.GetSection("Fleet").Get<FleetOptions>() ?? new FleetOptions();
        b.WebHost.UseUrls(o.Web.Urls);
        b.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 << 20);

        b.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FleetOptions>>().Value);
        b.Services.AddSingleton(new FleetDb(o.Database));
        b.Services.AddSingleton<FleetCounters>();
        b.Services.AddSingleton<LiveSignal>();
        b.Services.AddSingleton<IngestStore>();
        b.Services.AddSingleton<FleetQueries>();
        b.Services.AddSingleton<Accounts>();
        b.Services.AddSingleton<CommandSender>();
        // Start order matters: the embedded broker before the clients, the writer before the connection that feeds it.
        b.Services.AddHostedService<EmbeddedBroker>();
        b.Services.AddSingleton<IngestWriter>();
        b.Services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        b.Services.AddSingleton<MqttIngest>();
        b.Services.AddHostedService(sp => sp.GetRequiredService<MqttIngest>());
        b.Services.AddSingleton<PeerTakeover>();
        b.Services.AddHostedService(sp => sp.GetRequiredService<PeerTakeover>());
        b.Services.AddSingleton<INotifier, LogNotifier>();
        b.Services.AddSingleton<INotifier, EmailNotifier>();
        b.Services.AddHttpClient<WebhookNotifier>();
        b.Services.AddSingleton<INotifier>(sp => sp.GetRequiredService<WebhookNotifier>());
        b.Services.AddSingleton<NotificationDispatcher>();
        b.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        b.Services.AddHostedService<CounterLog>();

        if (!string.IsNullOrEmpty(o.Web.KeysDirectory))
        {
            // Several instances behind one address must share the keys that protect the login cookie.
            b.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(o.Web.KeysDirectory)).SetApplicationName("rangeguard-fleet");
        }

        // One scheme in front: a Bearer header means the API token, anything else the login cookie (its challenge
        // redirects the page to /login and answers 401 under /api).
        b.Services.AddAuthentication("operator")
            .AddPolicyScheme("operator", "cookie or token", p => p.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? TokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(c =>
            {
                c.Cookie.Name = "rangeguard-fleet";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = o.Web.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                c.LoginPath = "/login";
                c.ExpireTimeSpan = TimeSpan.FromHours(12);
                c.SlidingExpiration = true;
                c.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api"))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        b.Services.AddAuthorization(a => a.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build());

        WebApplication app = b.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        Endpoints.Map(app);

        FleetDb db = app.Services.GetRequiredService<FleetDb>();
        int applied = await Migrator.MigrateAsync(db);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RangeGuard.Fleet");
        log.LogInformation("Database {Provider}: {Applied} migrations applied, schema at version {Version}", db.ProviderName, applied, Migrator.Embedded()[^1].Version);
        await app.Services.GetRequiredService<Accounts>().SeedAsync(CancellationToken.None);
        FleetQueries q = app.Services.GetRequiredService<FleetQueries>();
        foreach (VehicleEntry v in o.Vehicles.Where(v => Contract.ContractValidator.IsVehicleId(v.Id)))
        {
            await q.UpsertVehicleAsync(v.Id, v.Name, v.DriverEmail, CancellationToken.None);
        }

        return app;
    }

    /// <summary>The first address Kestrel listens on (after start; with port 0 the real port).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
}

/// <summary>Writes the counters to the log once a minute when they moved (what was refused, retried, duplicated, …).</summary>
public sealed class CounterLog : BackgroundService
{
    private readonly FleetCounters _c;
    private readonly ILogger<CounterLog> _log;

    public CounterLog(FleetCounters c, ILogger<CounterLog> log)
    {
        _c = c;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        string last = string.Empty;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(60_000, ct);
            string now = string.Join(", ", _c.Snapshot().Select(kv => kv.Key + "=" + kv.Value));
            if (now != last)
            {
                _log.LogInformation("counters: {Counters}", now);
                last = now;
            }
        }
    }
}
