using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using RangeGuard.Can;

namespace RangeGuard.Host.Logs
{
    /// <summary>
    /// Streams frames from a text CAN log. Malformed lines never stop the read: each is counted in
    /// <see cref="MalformedLines"/> and the first <see cref="MaxErrors"/> are kept in <see cref="Errors"/> with line and reason.
    /// Comments, blank lines and records that are not frames (error frames, status records) count as <see cref="SkippedLines"/>.
    /// A reader instance holds the counters of its last <see cref="Read"/>; use one instance per file.
    /// </summary>
    public abstract class CanLogReader
    {
        private readonly List<CanLogError> _errors = new();
        private long _lastTimestampUs = long.MinValue;

        protected CanLogReader(string source)
        {
            Source = source;
        }

        /// <summary>Name used in error messages (usually the file path).</summary>
        public string Source { get; }

        public int MaxErrors { get; init; } = 100;

        public IReadOnlyList<CanLogError> Errors => _errors;

        public int Frames { get; private set; }

        public int MalformedLines { get; private set; }

        public int SkippedLines { get; private set; }

        /// <summary>Frames whose time is earlier than the frame before (interleaved channels); not an error.</summary>
        public int TimeBackSteps { get; private set; }

        public abstract CanLogFormat Format { get; }

        /// <summary>A reader for <paramref name="format"/>.</summary>
        public static CanLogReader Create(CanLogFormat format, string source)
        {
            return format switch
            {
                CanLogFormat.Candump => new CandumpLogReader(source),
                CanLogFormat.GvretCsv => new GvretCsvReader(source),
                CanLogFormat.Crtd => new CrtdReader(source),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
        }

        /// <summary>Format from the file name (<c>.crtd</c>, <c>.csv</c>, <c>.log</c>/<c>.candump</c>; a trailing <c>.gz</c> is ignored), or null.</summary>
        public static CanLogFormat? FormatFromPath(string path)
        {
            string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 3) : path;
            string ext = Path.GetExtension(name).ToLowerInvariant();
            return ext switch
            {
                ".crtd" => CanLogFormat.Crtd,
                ".csv" => CanLogFormat.GvretCsv,
                ".log" or ".candump" => CanLogFormat.Candump,
                _ => null,
            };
        }

        /// <summary>Opens a log as text, unzipping <c>.gz</c> files on the fly.</summary>
        public static TextReader OpenText(string path)
        {
            Stream stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            return new StreamReader(stream);
        }

        /// <summary>Reads a whole file, choosing the reader by extension (throws ArgumentException if the extension is unknown).</summary>
        public static IEnumerable<CanLogEntry> ReadFile(string path, out CanLogReader reader)
        {
            CanLogFormat format = FormatFromPath(path)
                ?? throw new ArgumentException($"{path}: unknown CAN log extension (expected .log/.candump, .csv or .crtd, optionally .gz)", nameof(path));
            reader = Create(format, path);
            return ReadAndDispose(reader, path);
        }

        /// <summary>Streams the frames of <paramref name="text"/>, line by line.</summary>
        public IEnumerable<CanLogEntry> Read(TextReader text)
        {
            ArgumentNullException.ThrowIfNull(text);
            int lineNumber = 0;
            string? line;
            while ((line = text.ReadLine()) != null)
            {
                lineNumber++;
                string trimmed = line.Trim();
                if (trimmed.Length == 0)
                {
                    SkippedLines++;
                    continue;
                }

                var result = ParseLine(trimmed, lineNumber, out CanFrame frame, out long timestampUs);
                if (result.Kind == LineKind.Skip)
                {
                    SkippedLines++;
                    continue;
                }

                if (result.Kind == LineKind.Malformed)
                {
                    Malformed(lineNumber, result.Field, result.Reason);
                    continue;
                }

                if (timestampUs < _lastTimestampUs)
                {
                    TimeBackSteps++;
                }

                _lastTimestampUs = timestampUs;
                frame.TimestampMs = FloorDiv(timestampUs, 1000);
                Frames++;
                yield return new CanLogEntry(frame, timestampUs, lineNumber);
            }
        }

        /// <summary>Parses one non-blank, trimmed line.</summary>
        protected abstract LineResult ParseLine(string line, int lineNumber, out CanFrame frame, out long timestampUs);

        protected enum LineKind
        {
            Frame,
            Skip,
            Malformed,
        }

        protected readonly record struct LineResult(LineKind Kind, string Field, string Reason)
        {
            public static readonly LineResult Ok = new(LineKind.Frame, string.Empty, string.Empty);
            public static readonly LineResult Skip = new(LineKind.Skip, string.Empty, string.Empty);

            public static LineResult Bad(string field, string reason) => new(LineKind.Malformed, field, reason);
        }

        /// <summary>
        /// Decimal seconds ("1436509052.249713", "1953.6138") to whole microseconds without floating point,
        /// so log times round-trip exactly. Digits past the sixth decimal are truncated.
        /// </summary>
        protected static bool TryParseSecondsToUs(string text, out long us)
        {
            us = 0;
            int dot = text.IndexOf('.');
            string whole = dot < 0 ? text : text.Substring(0, dot);
            string frac = dot < 0 ? string.Empty : text.Substring(dot + 1);
            if (whole.Length == 0 || whole.Length > 12 || !IsDigits(whole) || !IsDigits(frac))
            {
                return false;
            }

            frac = frac.Length > 6 ? frac.Substring(0, 6) : frac.PadRight(6, '0');
            us = (long.Parse(whole, CultureInfo.InvariantCulture) * 1_000_000) + long.Parse(frac, CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>Hex number of 1..8 digits (an optional 0x prefix allowed).</summary>
        protected static bool TryParseHex(string text, out uint value)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(2);
            }

            value = 0;
            return text.Length is > 0 and <= 8 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        protected static bool TryParseByte(string text, out byte value)
        {
            value = 0;
            return text.Length is 1 or 2 && byte.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        protected static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Checks the id against its width; returns the reason when out of range.</summary>
        protected static string? IdRangeProblem(uint id, bool extended)
        {
            uint max = extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId;
            return id > max ? $"0x{id:X} is above the {(extended ? 29 : 11)}-bit maximum 0x{max:X}" : null;
        }

        private static IEnumerable<CanLogEntry> ReadAndDispose(CanLogReader reader, string path)
        {
            using TextReader text = OpenText(path);
            foreach (CanLogEntry entry in reader.Read(text))
            {
                yield return entry;
            }
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

        private void Malformed(int lineNumber, string field, string reason)
        {
            MalformedLines++;
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(new CanLogError(Source, lineNumber, field, reason));
            }
        }
    }
}
