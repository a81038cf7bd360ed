// JsonCursor: unknown fields are errors, with a did-you-mean hint.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RangeGuard.Simulator.Validation
{
    public sealed partial class JsonCursor
    {
        /// <summary>Reports fields this reader does not know (typos would otherwise be ignored silently).</summary>
        public void AllowOnly(params string[] known)
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (JsonProperty p in Element.EnumerateObject())
            {
                if (System.Array.IndexOf(known, p.Name) < 0)
                {
                    string hint = Closest(p.Name, known);
                    Error(p.Name, hint.Length > 0 ? $"unknown field (did you mean \"{hint}\"?)" : "unknown field");
                }
            }
        }

        private static string Closest(string name, string[] known)
        {
            string best = string.Empty;
            int bestD = 3;
            foreach (string k in known)
            {
                int d = Distance(name.ToLowerInvariant(), k.ToLowerInvariant());
                if (d < bestD)
                {
                    bestD = d;
                    best = k;
                }
            }

            return best;
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
