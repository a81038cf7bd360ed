using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Web;

/// <summary>
/// The operator page in a real browser (Debian's headless Chromium driven by Playwright): sign in, watch alerts arrive
/// live, open a vehicle's timeline, send a preconditioning request and see the car's answer. Saves a screenshot.
/// </summary>
[TestClass]
public sealed class BrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheOperatorSeesAlertsArriveLiveAndSendsACommandFromThePage()
    {
        Requirements.Need("/usr/bin/chromium", "apt-get install chromium (.ci/run does)");
        using var broker = new MosquittoFixture("van-1", "van-2");
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        var settings = FleetHost.Defaults(db, broker.Port);
        settings["Fleet:Vehicles:0:Id"] = "van-1";
        settings["Fleet:Vehicles:0:Name"] = "Van 1 (I-95)";
        settings["Fleet:Vehicles:1:Id"] = "van-2";
        await using FleetHost h = await FleetHost.StartAsync(settings);
        await using TestCar van1 = await TestCar.ConnectAsync("van-1", broker.Port, subscribeCommands: true);
        await using TestCar van2 = await TestCar.ConnectAsync("van-2", broker.Port);

        using IPlaywright pw = await Playwright.CreateAsync();
        await using IBrowser browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            ChromiumSandbox = false,
            Args = new[] { "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
        });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(15000);
        await page.GotoAsync(h.Address + "/");
        Assert.IsTrue(page.Url.Contains("/login"), "signed-out visitors land on the login page");
        await page.FillAsync("input[name=username]", "admin");
        await page.FillAsync("input[name=password]", FleetHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#live.on");

        // Alerts arrive while the page is open (server-sent events, no reload).
        long t = TestCar.T0;
        await van2.PublishAsync("telemetry", Payloads.Telemetry(1, 80.0, 1000, t), qos: 0);
        await van2.PublishAsync("alerts/active", Payloads.Active(1, t, ("RG-ARRIVE-LOW", "advisory")), retain: true);
        await van1.PublishAsync("status", Payloads.Status(), retain: true);
        await van1.PublishAsync("telemetry", Payloads.Telemetry(7, 23.4, 12000, t + 1000), qos: 0);
        await van1.PublishAsync("forecast", Payloads.Forecast(t + 1000, 12000, 4.0, 9.5, 14.0), retain: true);
        await van1.AlertAsync(1, "RG-ARRIVE-LOW", "advisory");
        await van1.AlertAsync(2, "RG-STRANDED", "critical");
        await van1.PublishAsync("alerts/active", Payloads.Active(2, t + 2000, ("RG-ARRIVE-LOW", "advisory"), ("RG-STRANDED", "critical")), retain: true);

        ILocator firstRow = page.Locator("#vehicles tbody tr").First;
        await Assertions.Expect(firstRow.Locator(".sev-critical")).ToHaveTextAsync("RG-STRANDED");
        await Assertions.Expect(firstRow).ToContainTextAsync("Van 1 (I-95)");
        await Assertions.Expect(firstRow.Locator(".soc")).ToHaveTextAsync("23.4 %");
        await Assertions.Expect(firstRow.Locator(".band")).ToContainTextAsync("9.5 %");
        await Assertions.Expect(page.Locator("#vehicles tbody tr").Nth(1)).ToContainTextAsync("van-2");
        Assert.AreEqual("RG-STRANDED", await firstRow.Locator(".alerts .sev").First.TextContentAsync(), "worst alert first");

        await firstRow.ClickAsync();
        await Assertions.Expect(page.Locator("#d-timeline li").First).ToContainTextAsync("RG-STRANDED");
        await Assertions.Expect(page.Locator("#d-timeline")).ToContainTextAsync("RG-ARRIVE-LOW");
        await Assertions.Expect(page.Locator("#d-route .bar")).ToHaveCountAsync(1);

        await page.SelectOptionAsync("#f-precondition select[name=action]", "start");
        await page.FillAsync("#f-precondition input[name=minutes]", "20");
        await page.ClickAsync("#f-precondition button");
        await Requirements.WaitForAsync(() => Task.FromResult(!van1.Commands.IsEmpty), TimeSpan.FromSeconds(10), "the command at the car");
        van1.Commands.TryDequeue(out var command);
        Assert.AreEqual("rangeguard/v1/van-1/cmd/precondition", command.Topic);
        var body = System.Text.Json.Nodes.JsonNode.Parse(command.Payload)!;
        Assert.AreEqual("start", (string?)body["action"]);
        Assert.AreEqual(20, (int)body["minutes"]!);
        await Assertions.Expect(page.Locator("#d-commands li").First).ToContainTextAsync("waiting for the car");
        await van1.PublishAsync("cmd/precondition/result", Payloads.Result((string)body["id"]!, true));
        await Assertions.Expect(page.Locator("#d-commands li").First.Locator(".cmd-state")).ToHaveTextAsync("ok");

        string shot = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "fleet-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        TestContext.AddResultFile(shot);
        Assert.IsTrue(new FileInfo(shot).Length > 10_000);
    }
}
