// JsonCursor: nested objects, arrays and [x, y] tables.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RangeGuard.Simulator.Validation
{
    public sealed partial class JsonCursor
    {
        /// <summary>A nested object, or null (with an error if required or of the wrong type).</summary>
        public JsonCursor? Object(string field, bool required = false)
        {
            if (!TryGet(field, out JsonElement v))
            {
                if (required)
                {
                    Error(field, "is required");
                }

                return null;
            }

            if (v.ValueKind != JsonValueKind.Object)
            {
                Error(field, $"must be an object, not {Kind(v)}");
                return null;
            }

            return new JsonCursor(File, Child(field), v, _errors);
        }

        /// <summary>The elements of an array field (empty when absent or not an array, with an error where due).</summary>
        public List<JsonCursor> Array(string field, bool required = false, int minCount = 0)
        {
            var items = new List<JsonCursor>();
            if (!TryGet(field, out JsonElement v))
            {
                if (required)
                {
                    Error(field, "is required");
                }

                return items;
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                Error(field, $"must be an array, not {Kind(v)}");
                return items;
            }

            int i = 0;
            foreach (JsonElement e in v.EnumerateArray())
            {
                items.Add(new JsonCursor(File, $"{Child(field)}[{i}]", e, _errors));
                i++;
            }

            if (items.Count < minCount)
            {
                Error(field, $"must have at least {minCount} element{(minCount == 1 ? "" : "s")}");
            }

            return items;
        }

        /// <summary>A table of [x, y] pairs with x strictly increasing, e.g. [[0, 3.3], [100, 4.2]].</summary>
        public (double[] X, double[] Y)? Table(string field, bool required = false, double yMin = double.NegativeInfinity, double yMax = double.PositiveInfinity)
        {
            List<JsonCursor> rows = Array(field, required, required ? 1 : 0);
            if (rows.Count == 0)
            {
                return null;
            }

            var xs = new double[rows.Count];
            var ys = new double[rows.Count];
            bool ok = true;
            for (int i = 0; i < rows.Count; i++)
            {
                JsonElement r = rows[i].Element;
                if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != 2
                    || r[0].ValueKind != JsonValueKind.Number || r[1].ValueKind != JsonValueKind.Number)
                {
                    rows[i].Error("must be a pair of numbers [x, y]");
                    ok = false;
                    continue;
                }

                xs[i] = r[0].GetDouble();
                ys[i] = r[1].GetDouble();
                if (ys[i] < yMin || ys[i] > yMax)
                {
                    rows[i].Error($"value {Fmt(ys[i])} must be within [{Fmt(yMin)}, {Fmt(yMax)}]");
                    ok = false;
                }

                if (i > 0 && xs[i] <= xs[i - 1])
                {
                    rows[i].Error($"x = {Fmt(xs[i])} must be greater than the previous x = {Fmt(xs[i - 1])}");
                    ok = false;
                }
            }

            return ok ? (xs, ys) : null;
        }
    }
}
