namespace RangeGuard.Dbc
{
    /// <summary>How several mappings of one input inside the same frame combine (e.g. four wheel speeds).</summary>
    public static class CombineMode
    {
        /// <summary>Each value is stored as it comes (default).</summary>
        public const int Set = 0;
        public const int Min = 1;
        public const int Max = 2;
        public const int Avg = 3;
        public const int Sum = 4;

        private static readonly string[] s_names = { "set", "min", "max", "avg", "sum" };

        public static string Name(int mode)
        {
            return mode >= 0 && mode < s_names.Length ? s_names[mode] : "unknown";
        }

        /// <summary>Mode for a name from <see cref="Name"/>, or -1.</summary>
        public static int FromName(string name)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// One line of a signal map: a DBC signal feeding a RangeGuard input, with its transform and checks.
    /// value = physical * Scale + Add, in the agent's units and sign convention (see RangeGuard.State.InputId).
    /// </summary>
    public struct SignalMapping
    {
        /// <summary>RangeGuard.State.InputId constant.</summary>
        public int Input;

        public SignalDef Signal;

        /// <summary>"Message.Signal" for diagnostics, or null.</summary>
        public string SignalName;

        /// <summary>Multiplier after the DBC factor/offset (-1 flips a charge-positive current).</summary>
        public float Scale;

        /// <summary>Added after <see cref="Scale"/>.</summary>
        public float Add;

        /// <summary>Only frames from this bus are decoded; -1 accepts every bus.</summary>
        public int Bus;

        /// <summary>Staleness limit for the input, ms; 0 keeps the VehicleState default.</summary>
        public long MaxAgeMs;

        /// <summary>Plausibility limits in agent units; values outside are rejected, not clamped.</summary>
        public float Min;
        public float Max;

        /// <summary>Raw (unsigned bit) values that mean "not available", discarded; null if none.</summary>
        public ulong[] Sentinels;

        /// <summary>A <see cref="CombineMode"/> constant.</summary>
        public int Combine;

        /// <summary>Key of the signal's CAN id in a <see cref="SignalMap"/>: id with bit 31 set for extended ids.</summary>
        public uint Key
        {
            get { return SignalMap.MakeKey(Signal.MessageId, Signal.IsExtended); }
        }

        /// <summary>A mapping with neutral transform, any bus, no limits, no sentinels.</summary>
        public static SignalMapping Create(int input, SignalDef signal)
        {
            SignalMapping m = new SignalMapping();
            m.Input = input;
            m.Signal = signal;
            m.Scale = 1f;
            m.Add = 0f;
            m.Bus = -1;
            m.Min = float.MinValue;
            m.Max = float.MaxValue;
            m.Combine = CombineMode.Set;
            return m;
        }

        public bool IsSentinel(ulong raw)
        {
            if (Sentinels == null)
            {
                return false;
            }

            for (int i = 0; i < Sentinels.Length; i++)
            {
                if (Sentinels[i] == raw)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
