using RangeGuard.Can;
using RangeGuard.Common;
using RangeGuard.State;

namespace RangeGuard.Dbc
{
    /// <summary>
    /// Loads the compact line format (one mapping per line, key=value tokens; '#' comments; a profile=NAME line):
    /// <code>input=soc_pct id=0x131 ext=0 start=24 len=8 order=intel signed=0 factor=0.5 offset=0 min=0 max=100 bus=-1 maxage=5000 sentinel=254</code>
    /// Required: input, id, start, len. Optional: ext, order (intel|motorola), signed, factor (1), offset (0),
    /// scale (1), add (0), min, max, bus (-1 = any), maxage (ms, 0 = default), sentinel (comma list),
    /// combine (set|min|max|avg|sum), signal (name), and mux_start/mux_len/mux_order/mux_value together.
    /// Allocation happens here only (load time), never while dispatching frames.
    /// </summary>
    public static class SignalMapLoader
    {
        private static readonly string[] s_keys =
        {
            "input", "id", "ext", "start", "len", "order", "signed", "factor", "offset", "scale", "add", "min", "max",
            "bus", "maxage", "sentinel", "combine", "signal", "mux_start", "mux_len", "mux_order", "mux_value",
        };

        /// <summary>Loads or throws <see cref="SignalMapFormatException"/>.</summary>
        public static SignalMap Load(string text)
        {
            SignalMap map;
            SignalMapError error;
            if (!TryLoad(text, out map, out error))
            {
                throw new SignalMapFormatException(error);
            }

            return map;
        }

        /// <summary>Loads a whole map; on the first bad line returns false with its number and the reason.</summary>
        public static bool TryLoad(string text, out SignalMap map, out SignalMapError error)
        {
            map = null;
            error = null;
            if (text == null)
            {
                error = new SignalMapError(0, "no text");
                return false;
            }

            string profile = null;
            string[] lines = text.Split('\n');
            SignalMapping[] mappings = new SignalMapping[lines.Length];   // at most one per line
            int count = 0;
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line.StartsWith("profile="))
                {
                    if (profile != null)
                    {
                        error = new SignalMapError(n + 1, "second profile= line");
                        return false;
                    }

                    profile = line.Substring(8).Trim();
                    if (profile.Length == 0)
                    {
                        error = new SignalMapError(n + 1, "empty profile name");
                        return false;
                    }

                    continue;
                }

                SignalMapping mapping;
                string reason = ParseLine(line, out mapping);
                if (reason != null)
                {
                    error = new SignalMapError(n + 1, reason);
                    return false;
                }

                mappings[count++] = mapping;
            }

            if (count == 0)
            {
                error = new SignalMapError(lines.Length, "no mappings");
                return false;
            }

            map = SignalMap.FromArray(mappings, count, profile);
            return true;
        }

        /// <summary>Parses one mapping line; returns null on success or the reason it is invalid.</summary>
        public static string ParseLine(string line, out SignalMapping mapping)
        {
            mapping = new SignalMapping();
            string[] values = new string[s_keys.Length];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = null;   // explicitly: unset string[] entries are not null on the interpreter (portable-code.md)
            }

            string[] tokens = line.Split(' ', '\t');
            for (int t = 0; t < tokens.Length; t++)
            {
                string token = tokens[t].Trim();
                if (token.Length == 0)
                {
                    continue;
                }

                int eq = token.IndexOf('=');
                if (eq <= 0 || eq == token.Length - 1)
                {
                    return "expected key=value, got '" + token + "'";
                }

                string key = token.Substring(0, eq);
                int k = KeyIndex(key);
                if (k < 0)
                {
                    return "unknown key '" + key + "'";
                }

                if (values[k] != null)
                {
                    return "duplicate key '" + key + "'";
                }

                values[k] = token.Substring(eq + 1);
            }

            for (int k = 0; k < 5; k++)
            {
                if (k != 2 && values[k] == null)
                {
                    return "missing " + s_keys[k] + "=";
                }
            }

            int input = InputId.FromName(values[0]);
            if (input < 0)
            {
                return "unknown input '" + values[0] + "'";
            }

            string reason;
            long id = 0, ext = 0, start = 0, len = 0, signed = 0, bus = -1, maxAge = 0;
            if ((reason = Int(values, 1, ref id)) != null || (reason = Int(values, 2, ref ext)) != null
                || (reason = Int(values, 3, ref start)) != null || (reason = Int(values, 4, ref len)) != null
                || (reason = Int(values, 6, ref signed)) != null || (reason = Int(values, 13, ref bus)) != null
                || (reason = Int(values, 14, ref maxAge)) != null)
            {
                return reason;
            }

            if (ext != 0 && ext != 1)
            {
                return "ext must be 0 or 1";
            }

            if (signed != 0 && signed != 1)
            {
                return "signed must be 0 or 1";
            }

            if (id < 0 || (uint)id > (ext == 1 ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId))
            {
                return "id " + values[1] + " out of range for " + (ext == 1 ? "29" : "11") + "-bit ids";
            }

            bool motorola;
            if ((reason = Order(values[5], out motorola)) != null)
            {
                return reason;
            }

            if (!SignalCodec.Fits((int)start, (int)len, motorola, 8))
            {
                return "start=" + start.ToString() + " len=" + len.ToString() + " does not fit an 8-byte frame";
            }

            if (bus < -1 || bus > 255 || maxAge < 0)
            {
                return "bus must be -1..255 and maxage >= 0";
            }

            double factor = 1, offset = 0, scale = 1, add = 0, min = float.MinValue, max = float.MaxValue;
            if ((reason = Real(values, 7, ref factor)) != null || (reason = Real(values, 8, ref offset)) != null
                || (reason = Real(values, 9, ref scale)) != null || (reason = Real(values, 10, ref add)) != null
                || (reason = Real(values, 11, ref min)) != null || (reason = Real(values, 12, ref max)) != null)
            {
                return reason;
            }

            if (factor == 0 || scale == 0)
            {
                return "factor and scale must not be 0";
            }

            if (min > max)
            {
                return "min > max";
            }

            SignalDef signal = SignalDef.Create((uint)id, ext == 1, (int)start, (int)len, motorola, signed == 1, (float)factor, (float)offset);
            if ((reason = Mux(values, ref signal)) != null)
            {
                return reason;
            }

            mapping = SignalMapping.Create(input, signal);
            mapping.SignalName = values[17];
            mapping.Scale = (float)scale;
            mapping.Add = (float)add;
            mapping.Min = (float)min;
            mapping.Max = (float)max;
            mapping.Bus = (int)bus;
            mapping.MaxAgeMs = maxAge;
            if (values[16] != null)
            {
                mapping.Combine = CombineMode.FromName(values[16]);
                if (mapping.Combine < 0)
                {
                    return "combine must be set, min, max, avg or sum";
                }
            }

            if (values[15] != null)
            {
                string[] parts = values[15].Split(',');
                mapping.Sentinels = new ulong[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!TextNumber.TryParseULong(parts[i], out mapping.Sentinels[i]) || (mapping.Sentinels[i] & ~SignalCodec.Mask((int)len)) != 0)
                    {
                        return "sentinel '" + parts[i] + "' is not a raw value of a " + len.ToString() + "-bit field";
                    }
                }
            }

            return null;
        }

        private static string Mux(string[] values, ref SignalDef signal)
        {
            int present = 0;
            for (int k = 18; k <= 21; k++)
            {
                present += values[k] != null ? 1 : 0;
            }

            if (present == 0)
            {
                return null;
            }

            if (values[18] == null || values[19] == null || values[21] == null)
            {
                return "mux_start, mux_len and mux_value go together";
            }

            long start = 0, len = 0, muxValue = 0;
            string reason;
            bool motorola;
            if ((reason = Int(values, 18, ref start)) != null || (reason = Int(values, 19, ref len)) != null
                || (reason = Int(values, 21, ref muxValue)) != null || (reason = Order(values[20], out motorola)) != null)
            {
                return reason;
            }

            if (!SignalCodec.Fits((int)start, (int)len, motorola, 8) || len > 32 || muxValue < 0 || (ulong)muxValue > SignalCodec.Mask((int)len))
            {
                return "multiplexor field or value out of range";
            }

            signal.SetMultiplexor((int)start, (int)len, motorola, (uint)muxValue);
            return null;
        }

        private static string Order(string value, out bool motorola)
        {
            motorola = value == "motorola";
            return value == null || value == "intel" || motorola ? null : "order must be intel or motorola, got '" + value + "'";
        }

        private static string Int(string[] values, int k, ref long result)
        {
            if (values[k] == null)
            {
                return null;
            }

            return TextNumber.TryParseLong(values[k], out result) ? null : s_keys[k] + "='" + values[k] + "' is not an integer";
        }

        private static string Real(string[] values, int k, ref double result)
        {
            if (values[k] == null)
            {
                return null;
            }

            return TextNumber.TryParseDouble(values[k], out result) ? null : s_keys[k] + "='" + values[k] + "' is not a number";
        }

        private static int KeyIndex(string key)
        {
            for (int i = 0; i < s_keys.Length; i++)
            {
                if (s_keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
