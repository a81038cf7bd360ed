using System.Collections.Concurrent;
using System.Net;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>A real HTTP listener on loopback that records every POST (headers and body) and answers with a chosen status.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = Requirements.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/rangeguard";

    /// <summary>Status answered (500 to simulate a failing receiver).</summary>
    public int AnswerStatus { get; set; } = 200;

    public ConcurrentQueue<(Dictionary<string, string> Headers, string Body)> Received { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream);
            string body = await reader.ReadToEndAsync();
            var headers = ctx.Request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            if (AnswerStatus is >= 200 and < 300)
            {
                Received.Enqueue((headers, body));
            }

            ctx.Response.StatusCode = AnswerStatus;
            ctx.Response.Close();
        }
    }
}
