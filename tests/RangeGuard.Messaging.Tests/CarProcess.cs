using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace RangeGuard.Messaging.Tests;

/// <summary>
/// The simulator (`rangeguard`) as a child process of the test: the agent publishing to a real broker the way a user runs it.
/// Output lines are collected; <see cref="Kill"/> ends it without a clean disconnect (the broker then sends the last will).
/// </summary>
public sealed class CarProcess : IDisposable
{
    private readonly Process _p;
    private readonly ConcurrentQueue<string> _lines = new();

    public CarProcess(params string[] arguments)
    {
        var psi = new ProcessStartInfo(DotNet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(SimulatorDll());
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _p = new Process { StartInfo = psi };
        _p.OutputDataReceived += (_, e) => { if (e.Data != null) _lines.Enqueue(e.Data); };
        _p.ErrorDataReceived += (_, e) => { if (e.Data != null) _lines.Enqueue("stderr: " + e.Data); };
        _p.Start();
        _p.BeginOutputReadLine();
        _p.BeginErrorReadLine();
    }

    public string Output => string.Join("\n", _lines);

    public bool HasExited => _p.HasExited;

    public int ExitCode => _p.ExitCode;

    /// <summary>Waits for a normal end; false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            return false;
        }

        _p.WaitForExit(); // flushes the output events
        return true;
    }

    /// <summary>SIGKILL: the process vanishes, its sockets close without an MQTT DISCONNECT.</summary>
    public void Kill()
    {
        if (!_p.HasExited)
        {
            _p.Kill(entireProcessTree: true);
            _p.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _p.Dispose();
    }

    /// <summary>The dotnet host running this test (so the child uses the same runtime).</summary>
    private static string DotNet()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return host != null && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>The simulator built beside this test project (the project reference builds it first), same configuration.</summary>
    public static string SimulatorDll()
    {
        // tests/RangeGuard.Messaging.Tests/bin/<Configuration>/net10.0/ -> simulator/RangeGuard.Simulator/bin/<Configuration>/net10.0/
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = bin.Name, configuration = bin.Parent!.Name;
        DirectoryInfo repo = bin.Parent!.Parent!.Parent!.Parent!.Parent!;
        string dll = Path.Combine(repo.FullName, "simulator", "RangeGuard.Simulator", "bin", configuration, tfm, "rangeguard.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the simulator is not built", dll);
        }

        return dll;
    }

    /// <summary>Waits until an output line contains <paramref name="fragment"/>; returns it (null on timeout).</summary>
    public string? WaitForLine(string fragment, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            string? hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
            if (hit != null)
            {
                return hit;
            }

            Thread.Sleep(20);
        }

        return null;
    }
}
