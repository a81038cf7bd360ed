using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RangeGuard.Simulator.Validation
{
    /// <summary>
    /// Reads one JSON object while tracking its JSON path, collecting every problem (not only the first) into a shared list.
    /// Missing optional fields give the default; a wrong type or out-of-range value is an error naming the path.
    /// </summary>
    public sealed partial class JsonCursor
    {
        private readonly List<InputError> _errors;

        public JsonCursor(string file, string path, JsonElement element, List<InputError> errors)
        {
            File = file;
            Path = path;
            Element = element;
            _errors = errors;
        }

        public string File { get; }
        public string Path { get; }
        public JsonElement Element { get; }
        public IReadOnlyList<InputError> Errors => _errors;

        /// <summary>Parses a whole document; a syntax error is reported with its line.</summary>
        public static JsonCursor? Parse(string file, string json, List<InputError> errors)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                });
                var root = new JsonCursor(file, "$", doc.RootElement.Clone(), errors);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    root.Error("must be a JSON object");
                    return null;
                }

                return root;
            }
            catch (JsonException ex)
            {
                long line = (ex.LineNumber ?? 0) + 1;
                errors.Add(new InputError(file, "$", $"invalid JSON at line {line}: {FirstSentence(ex.Message)}"));
                return null;
            }
        }

        public void Error(string message) => _errors.Add(new InputError(File, Path, message));

        public void Error(string field, string message) => _errors.Add(new InputError(File, Child(field), message));

        public bool Has(string field) => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(field, out JsonElement v)
            && v.ValueKind != JsonValueKind.Null;

        public double Number(string field, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        {
            return NumberCore(field, false, defaultValue, min, max);
        }

        public double RequiredNumber(string field, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        {
            return NumberCore(field, true, double.NaN, min, max);
        }

        /// <summary>NaN when absent.</summary>
        public double OptionalNumber(string field, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        {
            return NumberCore(field, false, double.NaN, min, max);
        }

        public string? OptionalString(string field)
        {
            if (!TryGet(field, out JsonElement v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Error(field, $"must be a string, not {Kind(v)}");
                return null;
            }

            string s = v.GetString() ?? string.Empty;
            if (s.Trim().Length == 0)
            {
                Error(field, "must not be empty");
                return null;
            }

            return s;
        }

        public string RequiredString(string field)
        {
            if (!Has(field))
            {
                Error(field, "is required");
                return string.Empty;
            }

            return OptionalString(field) ?? string.Empty;
        }

        /// <summary>A string that must be one of <paramref name="allowed"/>; the default when absent.</summary>
        public string Choice(string field, string defaultValue, params string[] allowed)
        {
            string? s = OptionalString(field);
            if (s == null)
            {
                return defaultValue;
            }

            if (System.Array.IndexOf(allowed, s) < 0)
            {
                Error(field, $"must be one of {string.Join(", ", allowed)} (got \"{s}\")");
                return defaultValue;
            }

            return s;
        }

        public bool Bool(string field, bool defaultValue)
        {
            if (!TryGet(field, out JsonElement v))
            {
                return defaultValue;
            }

            if (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            Error(field, $"must be true or false, not {Kind(v)}");
            return defaultValue;
        }

        public static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

        private double NumberCore(string field, bool required, double defaultValue, double min, double max)
        {
            if (!TryGet(field, out JsonElement v))
            {
                if (required)
                {
                    Error(field, "is required");
                }

                return defaultValue;
            }

            if (v.ValueKind != JsonValueKind.Number)
            {
                Error(field, $"must be a number, not {Kind(v)}");
                return defaultValue;
            }

            double d = v.GetDouble();
            if (d < min)
            {
                Error(field, $"must be >= {Fmt(min)} (got {Fmt(d)})");
                return defaultValue;
            }

            if (d > max)
            {
                Error(field, $"must be <= {Fmt(max)} (got {Fmt(d)})");
                return defaultValue;
            }

            return d;
        }

        private bool TryGet(string field, out JsonElement value)
        {
            if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(field, out value)
                && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }

            value = default;
            return false;
        }

        private string Child(string field) => $"{Path}.{field}";

        private static string Kind(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private static string FirstSentence(string message)
        {
            int i = message.IndexOf(". ", StringComparison.Ordinal);
            return i > 0 ? message.Substring(0, i) : message;
        }
    }
}
