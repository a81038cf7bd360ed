// Host build only (not in the shared project): the device registers its one compiled-in vehicle instead.
// Reading resources, sorting and streams are host APIs the nanoFramework guard bans in portable code.
#pragma warning disable RS0030

using System.IO;

namespace RangeGuard.Vehicle
{
    /// <summary>Every vehicle folder's forecaster.cfg, embedded at build time (see RangeGuard.Core.Host.csproj).</summary>
    public static partial class VehiclePresets
    {
        private const string ResourcePrefix = "vehicles/";
        private const string ResourceSuffix = "/forecaster.cfg";

        static partial void LoadBuiltIns()
        {
            var assembly = typeof(VehiclePresets).Assembly;
            string[] names = assembly.GetManifestResourceNames();
            System.Array.Sort(names, string.CompareOrdinal);
            foreach (string raw in names)
            {
                string name = raw.Replace('\\', '/');
                if (!name.StartsWith(ResourcePrefix, System.StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, System.StringComparison.Ordinal))
                {
                    continue;
                }

                using Stream stream = assembly.GetManifestResourceStream(raw)!;
                using var reader = new StreamReader(stream);
                AddBuiltIn(name.Substring(ResourcePrefix.Length, name.Length - ResourcePrefix.Length - ResourceSuffix.Length), reader.ReadToEnd());
            }
        }
    }
}
