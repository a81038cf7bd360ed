using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Web;

/// <summary>Nothing is readable without an operator login or an API token; operators send commands and see the car's result.</summary>
[TestClass]
public sealed class AuthAndCommandTests
{
    [TestMethod]
    public async Task NothingIsReadableWithoutLoginOrToken()
    {
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using FleetHost h = await FleetHost.StartAsync(FleetHost.Defaults(db, null));
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(h.Address) };
        foreach (string path in new[] { "/api/vehicles", "/api/vehicles/car-1", "/api/metrics", "/api/events", "/api/commands/x" })
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode, path);
        }

        foreach (string path in new[] { "/", "/static/app.js" })
        {
            HttpResponseMessage r = await anonymous.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.Redirect, r.StatusCode, path);
            StringAssert.StartsWith(r.Headers.Location!.AbsolutePath, "/login");
        }

        Assert.AreEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/login")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/vehicles")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await h.Api.GetAsync("/api/vehicles")).StatusCode, "the configured token");

        // The password is stored as an Identity V3 hash: PBKDF2 with HMAC-SHA512, 100,000 iterations, random salt.
        await using (var c = await h.Db.OpenAsync())
        {
            string hash = (string)(await RangeGuard.Fleet.Storage.DbExtensions.ScalarAsync(c, "SELECT password_hash FROM operators WHERE username = 'admin'", null, CancellationToken.None))!;
            byte[] raw = Convert.FromBase64String(hash);
            Assert.AreEqual(0x01, raw[0], "format marker V3");
            Assert.AreEqual(2, (raw[1] << 24) | (raw[2] << 16) | (raw[3] << 8) | raw[4], "PRF HMAC-SHA512");
            Assert.AreEqual(100_000, (raw[5] << 24) | (raw[6] << 16) | (raw[7] << 8) | raw[8], "iterations");
            Assert.IsFalse(hash.Contains(FleetHost.AdminPassword));
        }

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(h.Address) };
        HttpResponseMessage wrong = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "guess" }));
        Assert.AreEqual("/login?failed=1", wrong.Headers.Location!.OriginalString);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/vehicles")).StatusCode);
        HttpResponseMessage right = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = FleetHost.AdminPassword }));
        Assert.AreEqual("/", right.Headers.Location!.OriginalString);
        Assert.AreEqual(HttpStatusCode.OK, (await browser.GetAsync("/api/vehicles")).StatusCode);
        // A cookie alone cannot send a command (a cross-site form could): the page adds the CSRF header.
        var noHeader = await browser.PostAsync("/api/vehicles/car-1/commands/ping", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.AreEqual(1, h.Counters.Get("login_failures"));
    }

    [TestMethod]
    public async Task AnOperatorSendsARouteAndAPreconditionRequestAndSeesTheResults()
    {
        using var broker = new MosquittoFixture("car-1");
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using FleetHost h = await FleetHost.StartAsync(FleetHost.Defaults(db, broker.Port));
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port, subscribeCommands: true);

        const string route = "{\"id\":\"r-42\",\"air_c\":-3,\"dest_name\":\"Milford CT\",\"segments\":[{\"len_m\":10000,\"speed_kmh\":95}],\"chargers\":[{\"pos_m\":9000,\"kw\":90,\"kind\":\"dc\"}]}";
        HttpResponseMessage sent = await h.Api.PostAsync("/api/vehicles/car-1/commands/route", new StringContent(route, Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.Accepted, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        Assert.AreEqual("r-42", (string?)JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["request_id"]);
        HttpResponseMessage pre = await h.Api.PostAsync("/api/vehicles/car-1/commands/precondition", new StringContent("{\"action\":\"start\",\"minutes\":500}", Encoding.UTF8, "application/json"));
        string preId = (string)JsonNode.Parse(await pre.Content.ReadAsStringAsync())!["request_id"]!;
        StringAssert.StartsWith(preId, "op-");

        await Requirements.WaitForAsync(() => Task.FromResult(car.Commands.Count >= 2), TimeSpan.FromSeconds(10), "the car to receive both commands");
        var received = car.Commands.ToArray();
        Assert.AreEqual("rangeguard/v1/car-1/cmd/route", received[0].Topic);
        Assert.AreEqual("Milford CT", (string?)JsonNode.Parse(received[0].Payload)!["dest_name"]);
        Assert.AreEqual("rangeguard/v1/car-1/cmd/precondition", received[1].Topic);
        Assert.AreEqual(preId, (string?)JsonNode.Parse(received[1].Payload)!["id"]);

        // The car answers (contract results): the route applied, the precondition refused with the field and reason.
        await car.PublishAsync("cmd/route/result", Payloads.Result("r-42", true));
        await car.PublishAsync("cmd/precondition/result", Payloads.Result(preId, false, field: "minutes", reason: "500 is outside 1..120"));
        await Requirements.WaitForAsync(async () => (string?)JsonNode.Parse(await h.Api.GetStringAsync("/api/commands/" + preId))!["state"] == "refused",
            TimeSpan.FromSeconds(10), "the precondition result");
        JsonNode r1 = JsonNode.Parse(await h.Api.GetStringAsync("/api/commands/r-42"))!;
        Assert.AreEqual("ok", (string?)r1["state"]);
        JsonNode r2 = JsonNode.Parse(await h.Api.GetStringAsync("/api/commands/" + preId))!;
        Assert.AreEqual("minutes", (string?)r2["error_field"]);
        Assert.AreEqual("500 is outside 1..120", (string?)r2["error_reason"]);

        // What the service itself refuses: an unknown command, a body that is not an object, a reused request id.
        Assert.AreEqual(HttpStatusCode.BadRequest, (await h.Api.PostAsync("/api/vehicles/car-1/commands/selfdestruct", new StringContent("{}"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await h.Api.PostAsync("/api/vehicles/car-1/commands/route", new StringContent("[1]"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await h.Api.PostAsync("/api/vehicles/car-1/commands/route", new StringContent(route))).StatusCode);
        Assert.AreEqual(2, car.Commands.Count);
    }
}
