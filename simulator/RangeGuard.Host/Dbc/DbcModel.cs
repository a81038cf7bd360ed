using System;
using System.Collections.Generic;
using RangeGuard.Dbc;

namespace RangeGuard.Host.Dbc
{
    /// <summary>Multiplexing role of a signal (DBC "M" / "m&lt;n&gt;" indicators).</summary>
    public enum DbcMuxRole
    {
        None,

        /// <summary>The multiplexor (switch) signal, "M".</summary>
        Multiplexor,

        /// <summary>Present only when its switch equals <see cref="DbcSignal.MuxValue"/>, "m&lt;n&gt;" (or "m&lt;n&gt;M").</summary>
        Multiplexed,
    }

    /// <summary>How the raw bits are read (SIG_VALTYPE_): integers, or IEEE floats the device does not decode.</summary>
    public enum DbcValueType
    {
        Integer,
        Float32,
        Float64,
    }

    /// <summary>One entry of a VAL_ / VAL_TABLE_ table: a raw value and its name.</summary>
    public readonly record struct DbcValue(long Raw, string Text);

    /// <summary>A range of switch values from SG_MUL_VAL_ (inclusive).</summary>
    public readonly record struct DbcMuxRange(uint From, uint To);

    public sealed class DbcSignal
    {
        public required string Name { get; init; }

        public int StartBit { get; init; }

        public int Length { get; init; }

        /// <summary>@0 (big-endian); false for @1 (little-endian, Intel).</summary>
        public bool IsMotorola { get; init; }

        public bool IsSigned { get; init; }

        public double Factor { get; init; }

        public double Offset { get; init; }

        public double Min { get; init; }

        public double Max { get; init; }

        public string Unit { get; init; } = "";

        public IReadOnlyList<string> Receivers { get; init; } = Array.Empty<string>();

        public DbcMuxRole MuxRole { get; internal set; }

        /// <summary>For <see cref="DbcMuxRole.Multiplexed"/>: the switch value it belongs to (SG_MUL_VAL_ wins over m&lt;n&gt;).</summary>
        public uint MuxValue { get; internal set; }

        /// <summary>"m&lt;n&gt;M": multiplexed and itself a switch (extended multiplexing).</summary>
        public bool IsNestedMultiplexor { get; init; }

        /// <summary>The switch this multiplexed signal depends on, once resolved (null if it could not be).</summary>
        public DbcSignal? MuxSwitch { get; internal set; }

        /// <summary>SG_MUL_VAL_: the switch's name and the value ranges the signal is present for (empty if none given).</summary>
        public string? MuxSwitchName { get; internal set; }

        public IReadOnlyList<DbcMuxRange> MuxRanges { get; internal set; } = Array.Empty<DbcMuxRange>();

        public DbcValueType ValueType { get; internal set; }

        /// <summary>VAL_ table: names of raw values (e.g. 4095 "SNA"), in file order.</summary>
        public IReadOnlyList<DbcValue> Values { get; internal set; } = Array.Empty<DbcValue>();

        /// <summary>CM_ SG_ text, or null.</summary>
        public string? Comment { get; internal set; }

        /// <summary>The SG_ line said "m" with no number: read as the switch "M" (noted as an issue).</summary>
        internal bool ReadAsSwitch { get; init; }

        /// <summary>Line of the SG_ definition.</summary>
        public int Line { get; init; }

        /// <summary>False if the signal cannot be decoded by the device from a classic (8-byte) CAN frame of its message.</summary>
        public bool IsUsable { get; internal set; } = true;

        /// <summary>Why it is unusable, or null.</summary>
        public string? Problem { get; internal set; }

        /// <summary>Raw value named <paramref name="text"/> in the VAL_ table (case-insensitive), or null.</summary>
        public long? FindValue(string text)
        {
            foreach (DbcValue v in Values)
            {
                if (string.Equals(v.Text, text, StringComparison.OrdinalIgnoreCase))
                {
                    return v.Raw;
                }
            }

            return null;
        }

        internal void MarkUnusable(string problem)
        {
            if (IsUsable)
            {
                IsUsable = false;
                Problem = problem;
            }
        }
    }

    public sealed class DbcMessage
    {
        private Dictionary<string, DbcSignal>? _byName;

        /// <summary>Id as written in the file (bit 31 set for extended ids).</summary>
        public uint DbcId { get; init; }

        /// <summary>11- or 29-bit CAN id.</summary>
        public uint Id => DbcId & 0x1FFFFFFF;

        /// <summary>
        /// 29-bit id: bit 31 set as the DBC format says, or (as some tools write them, e.g. opendbc's GMLAN files) an
        /// id above 0x7FF without it.
        /// </summary>
        public bool IsExtended => (KeyOf(DbcId) & 0x80000000u) != 0;

        /// <summary>False for ids that are no CAN id (e.g. VECTOR__INDEPENDENT_SIG_MSG, 0xC0000000).</summary>
        public bool IsValidId => (DbcId & 0x80000000u) == 0 ? DbcId <= 0x1FFFFFFF : (DbcId & 0x60000000u) == 0;

        /// <summary>Lookup key: the id with bit 31 set for 29-bit ids (RangeGuard.Dbc.SignalMap.MakeKey).</summary>
        public uint Key => KeyOf(DbcId);

        /// <summary>The lookup key of an id as a DBC file writes it (see <see cref="IsExtended"/>).</summary>
        public static uint KeyOf(uint dbcId)
        {
            bool extended = (dbcId & 0x80000000u) != 0 || (dbcId > 0x7FF && dbcId <= 0x1FFFFFFF);
            return extended ? (dbcId & 0x1FFFFFFF) | 0x80000000u : dbcId;
        }

        public required string Name { get; init; }

        /// <summary>Declared length in bytes (may exceed 8 for CAN FD messages).</summary>
        public int Dlc { get; init; }

        public string Transmitter { get; init; } = "";

        public int Line { get; init; }

        /// <summary>CM_ BO_ text, or null.</summary>
        public string? Comment { get; internal set; }

        public List<DbcSignal> Signals { get; } = new();

        /// <summary>"0x131" or "0x18FF0010 (ext)": the id as the tools print it.</summary>
        public string IdText => IsExtended ? $"0x{Id:X8} (ext)" : $"0x{Id:X3}";

        public DbcSignal? FindSignal(string name)
        {
            if (_byName == null || _byName.Count != Signals.Count)
            {
                _byName = new Dictionary<string, DbcSignal>(StringComparer.Ordinal);
                foreach (DbcSignal s in Signals)
                {
                    _byName.TryAdd(s.Name, s);
                }
            }

            return _byName.GetValueOrDefault(name);
        }

        /// <summary>The single plain "M" signal, if there is exactly one.</summary>
        public DbcSignal? Multiplexor
        {
            get
            {
                DbcSignal? found = null;
                foreach (DbcSignal s in Signals)
                {
                    if (s.MuxRole == DbcMuxRole.Multiplexor)
                    {
                        if (found != null)
                        {
                            return null;
                        }

                        found = s;
                    }
                }

                return found;
            }
        }

        /// <summary>Portable definition for the device decoder (the switch's layout copied in).</summary>
        public SignalDef ToSignalDef(DbcSignal signal)
        {
            SignalDef def = SignalDef.Create(Id, IsExtended, signal.StartBit, signal.Length, signal.IsMotorola, signal.IsSigned, (float)signal.Factor, (float)signal.Offset);
            def.Min = (float)signal.Min;
            def.Max = (float)signal.Max;
            if (signal.MuxRole == DbcMuxRole.Multiplexed)
            {
                DbcSignal mux = signal.MuxSwitch ?? throw new InvalidOperationException($"{Name}.{signal.Name} is multiplexed but its switch is unresolved: {signal.Problem}");
                def.SetMultiplexor(mux.StartBit, mux.Length, mux.IsMotorola, signal.MuxValue);
            }

            return def;
        }
    }

    public sealed class DbcFile
    {
        private Dictionary<uint, DbcMessage>? _byId;
        private Dictionary<string, DbcMessage>? _byName;

        public required string FileName { get; init; }

        public string Version { get; init; } = "";

        public IReadOnlyList<string> Nodes { get; init; } = Array.Empty<string>();

        public required IReadOnlyList<DbcMessage> Messages { get; init; }

        /// <summary>Every problem found, in line order; none of them stopped the read.</summary>
        public required IReadOnlyList<DbcIssue> Issues { get; init; }

        /// <summary>VAL_TABLE_ named tables.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<DbcValue>> ValueTables { get; init; } = new Dictionary<string, IReadOnlyList<DbcValue>>();

        /// <summary>Lines in the file (for the summary).</summary>
        public int LineCount { get; init; }

        public int SignalCount
        {
            get
            {
                int n = 0;
                foreach (DbcMessage m in Messages)
                {
                    n += m.Signals.Count;
                }

                return n;
            }
        }

        /// <summary>Message by CAN id (11-bit, or 29-bit with <paramref name="isExtended"/>); the first if defined twice.</summary>
        public DbcMessage? FindMessage(uint id, bool isExtended = false)
        {
            _byId ??= Index(m => m.Key);
            return _byId.GetValueOrDefault(isExtended ? id | 0x80000000u : id);
        }

        public DbcMessage? FindMessage(string name)
        {
            _byName ??= Index(m => m.Name);
            return _byName.GetValueOrDefault(name);
        }

        private Dictionary<TKey, DbcMessage> Index<TKey>(Func<DbcMessage, TKey> key)
            where TKey : notnull
        {
            var d = new Dictionary<TKey, DbcMessage>();
            foreach (DbcMessage m in Messages)
            {
                d.TryAdd(key(m), m);
            }

            return d;
        }
    }
}
