using System;
using System.Diagnostics;
using System.IO;

namespace RangeGuard.Messaging.Tests;

/// <summary>
/// A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl for one test (EC P-256,
/// valid two days). Dispose deletes them.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates(bool requireClientCertificate)
    {
        RequireClientCertificate = requireClientCertificate;
        Folder = Path.Combine(Path.GetTempPath(), "rg-certs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, (UnixFileMode)0x1FF); // mosquitto drops to its own user and must read them
        }

        const string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        OpenSsl($"req -x509 {key} -keyout ca.key -out ca.crt -days 2 -subj /CN=RangeGuard-test-CA");
        OpenSsl($"req {key} -keyout server.key -out server.csr -subj /CN=127.0.0.1");
        File.WriteAllText(Path.Combine(Folder, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        OpenSsl("x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile san.ext");
        OpenSsl($"req {key} -keyout client.key -out client.csr -subj /CN=car-tls");
        OpenSsl("x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2");
        foreach (string f in Directory.GetFiles(Folder))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(f, (UnixFileMode)0x1A4); // 0644
            }
        }
    }

    public string Folder { get; }
    public bool RequireClientCertificate { get; }
    public string CaCert => Path.Combine(Folder, "ca.crt");
    public string ServerCert => Path.Combine(Folder, "server.crt");
    public string ServerKey => Path.Combine(Folder, "server.key");
    public string ClientCert => Path.Combine(Folder, "client.crt");
    public string ClientKey => Path.Combine(Folder, "client.key");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }

    private void OpenSsl(string arguments)
    {
        var psi = new ProcessStartInfo("openssl") { WorkingDirectory = Folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments.Split(' '))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("openssl " + arguments + ": " + err);
        }
    }
}
