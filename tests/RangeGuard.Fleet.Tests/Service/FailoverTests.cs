using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>
/// Two service processes share the subscription; one is killed (SIGKILL) mid-stream; the other takes over its broker
/// session: every alert is stored exactly once.
/// </summary>
[TestClass]
public sealed class FailoverTests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task KillingOneOfTwoInstancesLosesNoAlertAndStoresNoneTwice(string provider)
    {
        using var broker = new MosquittoFixture("car-1", "car-2");
        await using TestDatabase db = await TestDatabase.CreateAsync(provider);
        using var a = ServiceProcess.Start(db, broker.Port, "inst-a");
        using var b = ServiceProcess.Start(db, broker.Port, "inst-b");
        await a.WaitReadyAsync();
        await b.WaitReadyAsync();
        await using TestCar car1 = await TestCar.ConnectAsync("car-1", broker.Port);
        await using TestCar car2 = await TestCar.ConnectAsync("car-2", broker.Port);
        const int perCar = 150;
        var watch = Stopwatch.StartNew();
        for (int seq = 1; seq <= perCar; seq++)
        {
            await car1.AlertAsync(seq);
            await car2.AlertAsync(seq);
            if (seq == perCar / 3)
            {
                await Requirements.WaitForAsync(async () => await Count(db, "SELECT COUNT(DISTINCT instance_id) FROM alerts") == 2, TimeSpan.FromSeconds(10), "both instances to store alerts");
                a.Kill();
            }

            await Task.Delay(10);
        }

        await Requirements.WaitForAsync(async () => await Count(db, "SELECT COUNT(*) FROM alerts") >= 2 * perCar, TimeSpan.FromSeconds(40),
            $"{2 * perCar} alerts (stored now: {await Count(db, "SELECT COUNT(*) FROM alerts")}; b's log: {b.Log()})");
        await Task.Delay(1000);
        Assert.AreEqual(2 * perCar, await Count(db, "SELECT COUNT(*) FROM alerts"));
        Assert.AreEqual(perCar, await Count(db, "SELECT COUNT(DISTINCT seq) FROM alerts WHERE vehicle_id = 'car-1'"));
        Assert.AreEqual(perCar, await Count(db, "SELECT COUNT(DISTINCT seq) FROM alerts WHERE vehicle_id = 'car-2'"));
        Assert.IsTrue(await Count(db, "SELECT COUNT(*) FROM alerts WHERE instance_id = 'inst-a'") > 0);
        StringAssert.Contains(b.Log(), "taking over its broker session rangeguard-fleet-inst-a");
    }

    private static async Task<long> Count(TestDatabase db, string sql)
    {
        await using var d = new RangeGuard.Fleet.Storage.FleetDb(db.Options);
        await using var c = await d.OpenAsync();
        return Convert.ToInt64(await RangeGuard.Fleet.Storage.DbExtensions.ScalarAsync(c, sql, null, CancellationToken.None));
    }
}

/// <summary>The service as its own OS process (dotnet rangeguard-fleet.dll), so a test can kill it like a crash.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _p;
    private readonly System.Text.StringBuilder _log = new();

    private ServiceProcess(Process p)
    {
        _p = p;
        p.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
    }

    public static ServiceProcess Start(TestDatabase db, int brokerPort, string instance)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(FleetApp).Assembly.Location);
        foreach (var (k, v) in FleetHost.Defaults(db, brokerPort, instance))
        {
            psi.ArgumentList.Add($"--{k}={v}");
        }

        psi.ArgumentList.Add("--Fleet:Broker:TakeoverAfterMs=1500");
        psi.ArgumentList.Add("--Fleet:Broker:HeartbeatMs=300");
        return new ServiceProcess(Process.Start(psi)!);
    }

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public Task WaitReadyAsync() => Requirements.WaitForAsync(() => Task.FromResult(Log().Contains("shared subscriptions on") || _p.HasExited),
        TimeSpan.FromSeconds(30), "the service process to connect").ContinueWith(t =>
        {
            Assert.IsFalse(_p.HasExited, "the service process exited: " + Log());
            t.GetAwaiter().GetResult();
        });

    public void Kill()
    {
        if (!_p.HasExited)
        {
            _p.Kill(entireProcessTree: true); // SIGKILL: no clean disconnect, no flush
            _p.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _p.Dispose();
    }
}
