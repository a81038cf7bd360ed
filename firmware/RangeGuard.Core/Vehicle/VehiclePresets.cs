namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Forecaster presets by id: the forecaster.cfg text of each vehicle folder (firmware/vehicles/&lt;id&gt;/), in the
    /// VehicleConfig key=value format. No numbers live here. Who fills the table:
    /// the host build of the core embeds every folder's forecaster.cfg (LoadBuiltIns in RangeGuard.Core.Host);
    /// the device registers the one vehicle its image is built for (RangeGuard.Firmware.VehicleProfile);
    /// the host tools add vehicles from extra directories with <see cref="Register"/>.
    /// A preset is parsed on every <see cref="Create"/> (a fresh instance each time) over the VehicleParams defaults.
    /// </summary>
    public static partial class VehiclePresets
    {
        public const string Reference = "rangeguard-ref";

        /// <summary>Presets held at most (the device registers one; the host its vehicle folders).</summary>
        public const int Capacity = 64;

        private static readonly object s_lock = new object();
        private static string[] s_ids;
        private static string[] s_texts;
        private static int s_count;
        private static int s_depth;

        /// <summary>Fills the table with the presets built into this platform's assembly (implemented where there are some).</summary>
        static partial void LoadBuiltIns();

        public static int Count
        {
            get
            {
                lock (s_lock)
                {
                    EnsureLoaded();
                    return s_count;
                }
            }
        }

        /// <summary>Preset id by index (0..Count-1), in registration order.</summary>
        public static string IdAt(int index)
        {
            lock (s_lock)
            {
                EnsureLoaded();
                if (index < 0 || index >= s_count)
                {
                    throw new System.ArgumentOutOfRangeException("index");
                }

                return s_ids[index];
            }
        }

        public static string IdList()
        {
            lock (s_lock)
            {
                EnsureLoaded();
                string list = "";
                for (int i = 0; i < s_count; i++)
                {
                    list += (i > 0 ? ", " : "") + s_ids[i];
                }

                return list.Length > 0 ? list : "(none registered)";
            }
        }

        /// <summary>
        /// Adds or replaces a preset. Returns null, or why the text does not parse (then nothing changes): a bad
        /// preset fails when it is registered, not when a trip needs it.
        /// </summary>
        public static string Register(string id, string configText)
        {
            VehicleParams parsed;
            string error;
            if (id == null || id.Length == 0)
            {
                return "empty preset id";
            }

            lock (s_lock)
            {
                EnsureLoaded();
                if (!Parse(id, configText, out parsed, out error))
                {
                    return id + ": " + error;
                }

                int index = IndexOf(id);
                if (index >= 0)
                {
                    s_texts[index] = configText;
                    return null;
                }

                return Add(id, configText) ? null : id + ": more than " + Capacity.ToString() + " presets";
            }
        }

        /// <summary>The preset with this id (a new instance), or null.</summary>
        public static VehicleParams Create(string id)
        {
            string text;
            lock (s_lock)
            {
                EnsureLoaded();
                int index = IndexOf(id);
                if (index < 0)
                {
                    return null;
                }

                text = s_texts[index];
                VehicleParams vp;
                string error;
                return Parse(id, text, out vp, out error) ? vp : null;
            }
        }

        /// <summary>The registered config text of a preset, or null.</summary>
        public static string ConfigText(string id)
        {
            lock (s_lock)
            {
                EnsureLoaded();
                int index = IndexOf(id);
                return index < 0 ? null : s_texts[index];
            }
        }

        private static bool Parse(string id, string text, out VehicleParams vp, out string error)
        {
            // A preset may start from another (preset= line); a cycle would recurse forever.
            if (s_depth > 4)
            {
                vp = null;
                error = "preset= chain deeper than 4 (a cycle?)";
                return false;
            }

            s_depth++;
            try
            {
                if (!VehicleConfig.TryParse(text, new VehicleParams(), out vp, out error))
                {
                    return false;
                }

                vp.Id = id;
                return true;
            }
            finally
            {
                s_depth--;
            }
        }

        private static void EnsureLoaded()
        {
            if (s_ids != null)
            {
                return;
            }

            string[] ids = new string[Capacity];
            string[] texts = new string[Capacity];
            for (int i = 0; i < Capacity; i++)
            {
                // Explicitly: unset entries of a new string[] are not null on nanoCLR (portable-code.md).
                ids[i] = null;
                texts[i] = null;
            }

            s_ids = ids;
            s_texts = texts;
            s_count = 0;
            LoadBuiltIns();
        }

        private static int IndexOf(string id)
        {
            for (int i = 0; i < s_count; i++)
            {
                if (s_ids[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool Add(string id, string configText)
        {
            if (s_count >= Capacity)
            {
                return false;
            }

            s_ids[s_count] = id;
            s_texts[s_count] = configText;
            s_count++;
            return true;
        }

        /// <summary>For LoadBuiltIns: adds without the lock (already held) and without parsing (checked by the tests).</summary>
        private static void AddBuiltIn(string id, string configText)
        {
            Add(id, configText);
        }
    }
}
