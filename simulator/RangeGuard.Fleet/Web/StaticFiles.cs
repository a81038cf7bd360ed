using System.Collections.Concurrent;

namespace RangeGuard.Fleet.Web;

/// <summary>The page's files, embedded in the assembly (the service runs from any directory).</summary>
public static class StaticFiles
{
    private static readonly ConcurrentDictionary<string, byte[]?> s_cache = new(StringComparer.Ordinal);

    public static IResult Result(string name)
    {
        byte[]? data = s_cache.GetOrAdd(name, Load);
        if (data == null)
        {
            return Results.NotFound();
        }

        string type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Bytes(data, type);
    }

    private static byte[]? Load(string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name.Contains(".."))
        {
            return null;
        }

        using Stream? s = typeof(StaticFiles).Assembly.GetManifestResourceStream("RangeGuard.Fleet.wwwroot." + name);
        if (s == null)
        {
            return null;
        }

        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
