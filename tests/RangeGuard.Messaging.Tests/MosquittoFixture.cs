using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Messaging.Tests;

/// <summary>
/// A private mosquitto on a free loopback port, configured from hardware-docs/mosquitto (the shipped mosquitto.conf with its
/// paths and listeners swapped, the shipped ACL as is) and a password file made with mosquitto_passwd. Start, stop and
/// restart it at will; Dispose stops it and deletes its folder.
/// </summary>
public sealed class MosquittoFixture : IDisposable
{
    public const string FleetUser = "fleet";
    public const string Password = "test-password";

    private static readonly string[] SwappedKeys =
    {
        "listener", "cafile", "certfile", "keyfile", "require_certificate", "tls_version", "password_file", "acl_file",
        "persistence_location", "log_dest", "pid_file",
    };

    private readonly string _dir;
    private readonly string _conf;
    private Process? _process;

    public MosquittoFixture(params string[] carIds) : this(null, carIds)
    {
    }

    /// <param name="tls">Serve TLS on the port with these files (the shipped TLS listener settings), or null for plain MQTT.</param>
    public MosquittoFixture(TestCertificates? tls, params string[] carIds)
    {
        RequireTools();
        _dir = Path.Combine(Path.GetTempPath(), "rg-mosquitto-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        // Started as root, mosquitto drops to the "mosquitto" user: it must be able to write its log and persistence here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_dir, (UnixFileMode)0x1FF);
        }
        Port = FreePort();
        string shipped = Path.Combine(AppContext.BaseDirectory, "mosquitto");
        string acl = Path.Combine(_dir, "rangeguard.acl");
        File.Copy(Path.Combine(shipped, "rangeguard.acl"), acl);
        string passwd = Path.Combine(_dir, "rangeguard.passwd");
        // The same command as hardware-docs/mosquitto/README.md.
        Run("mosquitto_passwd", "-c -b " + passwd + " " + FleetUser + " " + Password);
        foreach (string car in carIds)
        {
            Run("mosquitto_passwd", "-b " + passwd + " " + car + " " + Password);
        }

        var conf = new StringBuilder();
        foreach (string raw in File.ReadAllLines(Path.Combine(shipped, "mosquitto.conf")))
        {
            string line = raw.Trim();
            string key = line.Split(' ')[0];
            if (Array.IndexOf(SwappedKeys, key) < 0)
            {
                conf.AppendLine(raw);
            }
        }

        conf.AppendLine("password_file " + passwd);
        conf.AppendLine("acl_file " + acl);
        conf.AppendLine("persistence_location " + _dir + "/");
        conf.AppendLine("log_dest file " + Path.Combine(_dir, "mosquitto.log"));
        conf.AppendLine("listener " + Port + " 127.0.0.1");
        if (tls != null)
        {
            conf.AppendLine("cafile " + tls.CaCert);
            conf.AppendLine("certfile " + tls.ServerCert);
            conf.AppendLine("keyfile " + tls.ServerKey);
            conf.AppendLine("require_certificate " + (tls.RequireClientCertificate ? "true" : "false"));
            conf.AppendLine("tls_version tlsv1.2");
        }

        _conf = Path.Combine(_dir, "mosquitto.conf");
        File.WriteAllText(_conf, conf.ToString());
        Start();
    }

    public int Port { get; }

    public bool Running => _process is { HasExited: false };

    public void Start()
    {
        if (Running)
        {
            return;
        }

        var psi = new ProcessStartInfo("/usr/sbin/mosquitto", "-c " + _conf) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start");
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("mosquitto exited: " + _process.StandardError.ReadToEnd() + " " + Log());
            }

            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException("mosquitto did not listen on " + Port + ": " + Log());
    }

    /// <summary>Stops the broker gracefully (SIGTERM: it saves its persistence file) and waits for it to exit.</summary>
    public void Stop()
    {
        if (!Running)
        {
            return;
        }

        Run("kill", "-TERM " + _process!.Id);
        if (!_process.WaitForExit(10000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public string Log()
    {
        string path = Path.Combine(_dir, "mosquitto.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    /// <summary>Runs a Debian mosquitto client (mosquitto_pub/mosquitto_sub) against this broker; returns its stdout.</summary>
    public string Client(string tool, string user, params string[] arguments)
    {
        var args = new System.Collections.Generic.List<string> { "-h", "127.0.0.1", "-p", Port.ToString() };
        if (user.Length > 0)
        {
            args.AddRange(new[] { "-u", user, "-P", Password });
        }

        args.AddRange(arguments);
        return Run(tool, args, 15000, allowFailure: true);
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Run(string file, string arguments) => Run(file, arguments.Split(' '), 10000, false);

    private static string Run(string file, System.Collections.Generic.IEnumerable<string> arguments, int timeoutMs, bool allowFailure)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill();
        }

        if (!allowFailure && p.ExitCode != 0)
        {
            throw new InvalidOperationException(file + " " + arguments + " failed: " + error);
        }

        return output;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Without mosquitto installed: inconclusive on a developer machine, a failure in CI (.ci/run installs it).</summary>
    private static void RequireTools()
    {
        foreach (string tool in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto_passwd", "/usr/bin/mosquitto_pub", "/usr/bin/mosquitto_sub" })
        {
            if (!File.Exists(tool))
            {
                string message = tool + " is missing: apt-get install mosquitto mosquitto-clients (.ci/run does)";
                if (Environment.GetEnvironmentVariable("CI") == "true")
                {
                    Assert.Fail(message);
                }

                Assert.Inconclusive(message);
            }
        }
    }
}
