using System.Text.Json;

namespace RangeGuard.Fleet.Contract;

/// <summary>One field of a contract payload: its JSON type, whether it may be null or absent, and its range.</summary>
internal sealed class FieldSpec
{
    public enum Kind
    {
        Int,
        Number,
        String,
        Bool,
        Object,
        Array,
    }

    public required string Name { get; init; }

    public required Kind Type { get; init; }

    public bool Required { get; init; } = true;

    public bool Nullable { get; init; }

    public double Min { get; init; } = double.NegativeInfinity;

    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Strings: at most this many characters; arrays: at most this many items.</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    public string[]? OneOf { get; init; }

    /// <summary>Objects, and the items of arrays.</summary>
    public ObjectSpec? Items { get; init; }

    /// <summary>Checks one value; null when fine, else the reason.</summary>
    public string? Check(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return Nullable ? null : $"{path}: null is not allowed";
        }

        switch (Type)
        {
            case Kind.Int:
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long l))
                {
                    return $"{path}: expected an integer";
                }

                return l < Min || l > Max ? $"{path}: {l} is outside {Min}..{Max}" : null;
            case Kind.Number:
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double d) || !double.IsFinite(d))
                {
                    return $"{path}: expected a number";
                }

                return d < Min || d > Max ? $"{path}: {d} is outside {Min}..{Max}" : null;
            case Kind.String:
                if (e.ValueKind != JsonValueKind.String)
                {
                    return $"{path}: expected a string";
                }

                string s = e.GetString()!;
                if (s.Length > MaxLength)
                {
                    return $"{path}: longer than {MaxLength} characters";
                }

                return OneOf != null && Array.IndexOf(OneOf, s) < 0 ? $"{path}: '{Trim(s)}' is not one of {string.Join(", ", OneOf)}" : null;
            case Kind.Bool:
                return e.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{path}: expected true or false";
            case Kind.Object:
                return e.ValueKind != JsonValueKind.Object ? $"{path}: expected an object" : Items!.Check(e, path);
            default:
                if (e.ValueKind != JsonValueKind.Array)
                {
                    return $"{path}: expected an array";
                }

                if (e.GetArrayLength() > MaxLength)
                {
                    return $"{path}: more than {MaxLength} items";
                }

                int i = 0;
                foreach (JsonElement item in e.EnumerateArray())
                {
                    string p = $"{path}[{i++}]";
                    string? r = item.ValueKind == JsonValueKind.Object ? Items!.Check(item, p) : $"{p}: expected an object";
                    if (r != null)
                    {
                        return r;
                    }
                }

                return null;
        }
    }

    private static string Trim(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>The fields of one JSON object. Unknown fields are ignored (contract: adding an output field is not breaking).</summary>
internal sealed class ObjectSpec
{
    private readonly FieldSpec[] _fields;

    public ObjectSpec(params FieldSpec[] fields)
    {
        _fields = fields;
    }

    public string? Check(JsonElement obj, string path)
    {
        foreach (FieldSpec f in _fields)
        {
            string p = path.Length == 0 ? f.Name : path + "." + f.Name;
            if (!obj.TryGetProperty(f.Name, out JsonElement v))
            {
                if (f.Required)
                {
                    return $"{p}: missing";
                }

                continue;
            }

            string? r = f.Check(v, p);
            if (r != null)
            {
                return r;
            }
        }

        return null;
    }
}
