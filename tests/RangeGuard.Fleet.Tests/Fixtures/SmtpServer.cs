using System.Diagnostics;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (<c>/usr/bin/python3 -m aiosmtpd</c>) with its Maildir handler, so every
/// accepted message is a file. Stop it to make it refuse connections; start it again on the same port.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly string _dir;
    private Process? _p;

    public SmtpServer()
    {
        Requirements.Need("/usr/bin/python3", "apt-get install python3");
        var check = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import aiosmtpd\"") { RedirectStandardError = true, UseShellExecute = false })!;
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            Requirements.Missing("aiosmtpd is missing: apt-get install python3-aiosmtpd (.ci/run does)");
        }

        _dir = Path.Combine(Path.GetTempPath(), "rg-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        Port = Requirements.FreePort();
    }

    public int Port { get; }

    public void Start()
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(_dir, "mail") })
        {
            psi.ArgumentList.Add(a);
        }

        _p = Process.Start(psi)!;
        DateTime until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var c = new System.Net.Sockets.TcpClient("127.0.0.1", Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not listen: " + (_p.HasExited ? _p.StandardError.ReadToEnd() : "still starting"));
    }

    public void Stop()
    {
        if (_p is { HasExited: false })
        {
            _p.Kill();
            _p.WaitForExit();
        }

        _p?.Dispose();
        _p = null;
    }

    /// <summary>The accepted messages, as raw text.</summary>
    public List<string> Messages()
    {
        string dir = Path.Combine(_dir, "mail", "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Select(File.ReadAllText).ToList() : new List<string>();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
