using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Web;

/// <summary>The HTTP surface: login, the page, the JSON API and the live event stream. All but /login and /healthz need an operator or a token.</summary>
public static class Endpoints
{
    /// <summary>Cookie-authenticated writes must carry this header (a cross-site form cannot set it): CSRF protection.</summary>
    public const string CsrfHeader = "X-RangeGuard-Csrf";

    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
        app.MapGet("/login", () => StaticFiles.Result("login.html")).AllowAnonymous();
        app.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/logout", async (HttpContext h) =>
        {
            await h.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery();
        app.MapGet("/", () => StaticFiles.Result("index.html"));
        app.MapGet("/static/{file}", (string file) => StaticFiles.Result(file));

        RouteGroupBuilder api = app.MapGroup("/api");
        api.AddEndpointFilter(CsrfFilter);
        api.MapGet("/vehicles", async (FleetQueries q, CancellationToken ct) => Results.Json(await q.VehiclesAsync(0, ct)));
        api.MapGet("/vehicles/{id}", async (string id, FleetQueries q, CancellationToken ct) =>
            await q.VehicleAsync(id, ct) is JsonObject v ? Results.Json(v) : Results.NotFound(new { error = $"no vehicle '{id}'" }));
        api.MapPut("/vehicles/{id}", async (string id, VehicleBody body, FleetQueries q, CancellationToken ct) =>
        {
            if (!Contract.ContractValidator.IsVehicleId(id))
            {
                return Results.BadRequest(new { error = "vehicle id must be 1..32 of A-Z a-z 0-9 . _ -" });
            }

            await q.UpsertVehicleAsync(id, body.Name, body.DriverEmail, ct);
            return Results.Ok(new { id });
        });
        api.MapPost("/vehicles/{id}/commands/{name}", SendCommandAsync);
        api.MapGet("/commands/{requestId}", async (string requestId, FleetQueries q, CancellationToken ct) =>
            await q.CommandAsync(requestId, ct) is JsonObject c ? Results.Json(c) : Results.NotFound(new { error = $"no command '{requestId}'" }));
        api.MapPost("/tokens", async (TokenBody body, Accounts a, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(new { token = await a.CreateTokenAsync(body.Name ?? user.Identity!.Name!, ct) }));
        api.MapGet("/metrics", (FleetCounters c, IngestWriter w, PeerTakeover p, MqttIngest m, IOptions<FleetOptions> o) => Results.Json(new
        {
            instance = o.Value.InstanceId,
            broker_connected = m.Connection.IsConnected,
            shared_subscriptions = m.Connection.Shared,
            adopted_sessions = p.Adopted,
            pending_writes = w.Pending,
            database_down = w.DatabaseDown,
            counters = c.Snapshot(),
        }));
        api.MapGet("/events", LiveFeed.StreamAsync);
    }

    public sealed record VehicleBody(string? Name, string? DriverEmail);

    public sealed record TokenBody(string? Name);

    private static async Task<IResult> LoginAsync(HttpContext h, Accounts accounts, FleetCounters counters)
    {
        IFormCollection form = await h.Request.ReadFormAsync(h.RequestAborted);
        string user = form["username"].ToString();
        string password = form["password"].ToString();
        if (user.Length == 0 || !await accounts.CheckPasswordAsync(user, password, h.RequestAborted))
        {
            counters.Add("login_failures");
            return Results.Redirect("/login?failed=1");
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, user) }, CookieAuthenticationDefaults.AuthenticationScheme);
        await h.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect("/");
    }

    private static async Task<IResult> SendCommandAsync(string id, string name, HttpContext h, CommandSender sender)
    {
        using var reader = new StreamReader(h.Request.Body);
        char[] buffer = new char[CommandSender.MaxBytes("route") + 2];
        int read = await reader.ReadBlockAsync(buffer, h.RequestAborted);
        if (read > CommandSender.MaxBytes("route"))
        {
            return Results.BadRequest(new { error = "command body too large" });
        }

        try
        {
            string requestId = await sender.SendAsync(id, name, new string(buffer, 0, read), h.User.Identity?.Name ?? "?", h.RequestAborted);
            return Results.Accepted($"/api/commands/{requestId}", new { request_id = requestId });
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }
        catch (Exception e) when (e is InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            return Results.Json(new { error = "broker not reachable: " + e.Message }, statusCode: 503);
        }
    }

    private static async ValueTask<object?> CsrfFilter(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        HttpContext h = ctx.HttpContext;
        bool write = !HttpMethods.IsGet(h.Request.Method) && !HttpMethods.IsHead(h.Request.Method);
        bool byCookie = h.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
        if (write && byCookie && !h.Request.Headers.ContainsKey(CsrfHeader))
        {
            return Results.Json(new { error = $"missing {CsrfHeader} header" }, statusCode: 403);
        }

        return await next(ctx);
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
