using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>The built-in scenarios shipped in scenarios/*.json next to the executable.</summary>
    public static class ScenarioCatalog
    {
        public static string Directory => Path.Combine(AppContext.BaseDirectory, "scenarios");

        public static IReadOnlyList<string> Names()
        {
            var names = new List<string>();
            if (System.IO.Directory.Exists(Directory))
            {
                foreach (string f in System.IO.Directory.GetFiles(Directory, "*.json"))
                {
                    names.Add(Path.GetFileNameWithoutExtension(f));
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }

        /// <summary>A built-in name ("broder-2013") or a path to a .json file.</summary>
        public static Scenario Load(string nameOrPath)
        {
            if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/') || nameOrPath.Contains('\\'))
            {
                return ScenarioLoader.LoadFile(nameOrPath);
            }

            string path = Path.Combine(Directory, nameOrPath + ".json");
            if (!File.Exists(path))
            {
                throw new InputException(nameOrPath, "$", $"no built-in scenario of that name (built in: {string.Join(", ", Names())}; or give a path to a .json file)");
            }

            return ScenarioLoader.LoadFile(path);
        }

        /// <summary>The one-line description of a built-in, without loading the whole scenario.</summary>
        public static string Describe(string name)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")),
                    new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                return doc.RootElement.TryGetProperty("description", out JsonElement d) ? d.GetString() ?? string.Empty : string.Empty;
            }
            catch (JsonException)
            {
                return "(invalid JSON)";
            }
        }
    }
}
