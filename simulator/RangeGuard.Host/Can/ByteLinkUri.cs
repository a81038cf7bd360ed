using System;
using System.Globalization;

namespace RangeGuard.Host.Can
{
    public enum ByteLinkKind
    {
        Serial,
        Tcp,
    }

    /// <summary>
    /// Where the SLCAN bridge is: <c>serial:/dev/ttyUSB0</c>, <c>serial:/dev/ttyACM0@921600</c> (a bare <c>/dev/...</c> path
    /// also means serial) or <c>tcp://host:port</c>. Parsing is separate from opening so bad text fails early with a clear reason.
    /// </summary>
    public sealed record ByteLinkUri(ByteLinkKind Kind, string Path, int Baud, string Host, int Port)
    {
        public override string ToString()
        {
            return Kind == ByteLinkKind.Serial
                ? $"serial:{Path}@{Baud.ToString(CultureInfo.InvariantCulture)}"
                : $"tcp://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
        }

        /// <summary>Parses or throws <see cref="FormatException"/> naming the text and what is wrong.</summary>
        public static ByteLinkUri Parse(string text)
        {
            if (!TryParse(text, out ByteLinkUri? uri, out string error))
            {
                throw new FormatException(error);
            }

            return uri!;
        }

        public static bool TryParse(string? text, out ByteLinkUri? uri, out string error)
        {
            bool ok = TryParseReason(text, out uri, out string reason);
            error = ok ? string.Empty : $"bridge address '{text}': {reason}";
            return ok;
        }

        /// <summary>Like <see cref="TryParse"/>, with only what is wrong (for callers that name the address themselves).</summary>
        public static bool TryParseReason(string? text, out ByteLinkUri? uri, out string reason)
        {
            uri = null;
            reason = string.Empty;
            const string Forms = "use serial:/dev/ttyUSB0[@115200] or tcp://host:port";
            if (string.IsNullOrWhiteSpace(text))
            {
                reason = $"empty; {Forms}";
                return false;
            }

            text = text.Trim();
            if (text.StartsWith("serial:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("/dev/", StringComparison.Ordinal))
            {
                string rest = text.StartsWith("/dev/", StringComparison.Ordinal) ? text : text.Substring("serial:".Length);
                if (rest.StartsWith("//", StringComparison.Ordinal))
                {
                    rest = rest.Substring(2); // tolerate serial:///dev/ttyUSB0
                    rest = rest.StartsWith('/') ? rest : "/" + rest;
                }

                int baud = SerialByteLink.DefaultBaud;
                int at = rest.LastIndexOf('@');
                if (at >= 0)
                {
                    string baudText = rest.Substring(at + 1);
                    if (!int.TryParse(baudText, NumberStyles.None, CultureInfo.InvariantCulture, out baud) || baud <= 0)
                    {
                        reason = $"baud rate '{baudText}' is not a positive whole number";
                        return false;
                    }

                    rest = rest.Substring(0, at);
                }

                if (rest.Length == 0)
                {
                    reason = $"no device path after 'serial:'; {Forms}";
                    return false;
                }

                uri = new ByteLinkUri(ByteLinkKind.Serial, rest, baud, string.Empty, 0);
                return true;
            }

            if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
            {
                string rest = text.Substring("tcp://".Length).TrimEnd('/');
                int colon = rest.LastIndexOf(':');
                if (colon <= 0 || colon == rest.Length - 1)
                {
                    reason = "needs host and port, e.g. tcp://127.0.0.1:5000";
                    return false;
                }

                string host = rest.Substring(0, colon);
                if (host.StartsWith('[') && host.EndsWith(']'))
                {
                    host = host.Substring(1, host.Length - 2); // [::1]
                }

                string portText = rest.Substring(colon + 1);
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                {
                    reason = $"port '{portText}' is not a number 1..65535";
                    return false;
                }

                if (host.Length == 0 || host.Contains('/'))
                {
                    reason = $"host '{host}' is not a host name or address";
                    return false;
                }

                uri = new ByteLinkUri(ByteLinkKind.Tcp, string.Empty, 0, host, port);
                return true;
            }

            int scheme = text.IndexOf(':');
            string what = scheme > 0 ? $"unknown scheme '{text.Substring(0, scheme)}'" : "no scheme";
            reason = $"{what}; {Forms}";
            return false;
        }
    }

    /// <summary>Opens the byte link an address names.</summary>
    public static class ByteLinkFactory
    {
        /// <summary>Parses <paramref name="address"/> (FormatException if bad) and opens it (IOException/UnauthorizedAccessException from the OS).</summary>
        public static IHostByteLink Open(string address, int readTimeoutMs = 20)
        {
            return Open(ByteLinkUri.Parse(address), readTimeoutMs);
        }

        public static IHostByteLink Open(ByteLinkUri uri, int readTimeoutMs = 20)
        {
            ArgumentNullException.ThrowIfNull(uri);
            return uri.Kind == ByteLinkKind.Serial
                ? new SerialByteLink(uri.Path, uri.Baud, readTimeoutMs)
                : TcpByteLink.Connect(uri.Host, uri.Port, 3000, readTimeoutMs);
        }
    }
}
