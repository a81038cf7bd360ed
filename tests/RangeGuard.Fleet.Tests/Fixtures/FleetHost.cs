using System.Data.Common;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>The fleet service in this process, configured by key/value pairs over test defaults; an API client with a token.</summary>
public sealed class FleetHost : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";
    public const string AdminPassword = "operator-password";

    private FleetHost(WebApplication app, Dictionary<string, string?> settings)
    {
        App = app;
        Settings = settings;
        Address = FleetApp.Address(app);
        Api = new HttpClient { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public WebApplication App { get; }

    public Dictionary<string, string?> Settings { get; }

    public string Address { get; }

    public HttpClient Api { get; }

    public FleetCounters Counters => App.Services.GetRequiredService<FleetCounters>();

    public FleetDb Db => App.Services.GetRequiredService<FleetDb>();

    /// <summary>Settings for a service on <paramref name="db"/> and the mosquitto at <paramref name="brokerPort"/> (null: the embedded broker).</summary>
    public static Dictionary<string, string?> Defaults(TestDatabase db, int? brokerPort, string instance = "test-1") => new()
    {
        ["Fleet:InstanceId"] = instance,
        ["Fleet:Broker:Embedded"] = brokerPort == null ? "true" : "false",
        ["Fleet:Broker:EmbeddedPort"] = Requirements.FreePort().ToString(),
        ["Fleet:Broker:Url"] = brokerPort == null ? "mqtt://127.0.0.1" : $"mqtt://127.0.0.1:{brokerPort}",
        ["Fleet:Broker:Username"] = MosquittoFixture.FleetUser,
        ["Fleet:Broker:Password"] = MosquittoFixture.Password,
        ["Fleet:Database:Provider"] = db.Options.Provider,
        ["Fleet:Database:ConnectionString"] = db.Options.ConnectionString,
        ["Fleet:Database:RetryMinMs"] = "50",
        ["Fleet:Database:RetryMaxMs"] = "500",
        ["Fleet:Notify:RetryMinMs"] = "100",
        ["Fleet:Notify:RetryMaxMs"] = "500",
        ["Fleet:Notify:PollMs"] = "50",
        ["Fleet:Web:Urls"] = "http://127.0.0.1:0",
        ["Fleet:Web:AdminPassword"] = AdminPassword,
        ["Fleet:Web:ApiTokens:0"] = Token,
        ["Fleet:Web:LivePollMs"] = "300",
    };

    public static async Task<FleetHost> StartAsync(Dictionary<string, string?> settings)
    {
        WebApplication app = await FleetApp.CreateAsync(Array.Empty<string>(), b =>
        {
            b.Configuration.Sources.Clear();
            b.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync();
        var host = new FleetHost(app, settings);
        await Requirements.WaitForAsync(() => Task.FromResult(app.Services.GetRequiredService<MqttIngest>().Connection.IsConnected), TimeSpan.FromSeconds(15), "the service's broker connection");
        return host;
    }

    public async Task<JsonObject> VehicleAsync(string id) => JsonNode.Parse(await Api.GetStringAsync("/api/vehicles/" + id))!.AsObject();

    public async Task<long> ScalarAsync(string sql)
    {
        await using DbConnection c = await Db.OpenAsync();
        return Convert.ToInt64(await c.ScalarAsync(sql, null, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
