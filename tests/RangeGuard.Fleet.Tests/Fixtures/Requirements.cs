using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>A missing service is inconclusive on a developer machine and a failure in CI (.ci/run installs and starts them).</summary>
public static class Requirements
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static void Missing(string what)
    {
        if (InCi)
        {
            Assert.Fail(what + " (CI=true: .ci/run must provide it)");
        }

        Assert.Inconclusive(what);
    }

    public static void Need(string file, string install)
    {
        if (!File.Exists(file))
        {
            Missing($"{file} is missing: {install}");
        }
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up (then fails with <paramref name="what"/>).</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
    }
}
