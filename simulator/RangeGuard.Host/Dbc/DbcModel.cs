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

        /// <summary>Present only when the multiplexor equals <see cref="DbcSignal.MuxValue"/>, "m&lt;n&gt;" (or "m&lt;n&gt;M").</summary>
        Multiplexed,
    }

    /// <summary>A problem that does not stop the import (the item is kept, possibly marked unusable).</summary>
    public sealed record DbcIssue(string File, int Line, string Message)
    {
        public override string ToString() => $"{File}:{Line}: {Message}";
    }

    /// <summary>A malformed DBC: names the file, the 1-based line and the reason.</summary>
    public sealed class DbcFormatException : Exception
    {
        public DbcFormatException(string file, int line, string reason)
            : base($"{file}:{line}: {reason}")
        {
            File = file;
            Line = line;
            Reason = reason;
        }

        public string File { get; }

        public int Line { get; }

        public string Reason { get; }
    }

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

        public DbcMuxRole MuxRole { get; init; }

        /// <summary>For <see cref="DbcMuxRole.Multiplexed"/>: the multiplexor value it belongs to.</summary>
        public uint MuxValue { get; init; }

        /// <summary>"m&lt;n&gt;M": multiplexed and itself a multiplexor (extended multiplexing, not decoded).</summary>
        public bool IsNestedMultiplexor { get; init; }

        /// <summary>Line of the SG_ definition.</summary>
        public int Line { get; init; }

        /// <summary>False if the signal cannot be decoded from a classic (8-byte) CAN frame of its message.</summary>
        public bool IsUsable { get; internal set; } = true;

        /// <summary>Why it is unusable, or null.</summary>
        public string? Problem { get; internal set; }
    }

    public sealed class DbcMessage
    {
        /// <summary>Id as written in the file (bit 31 set for extended ids).</summary>
        public uint DbcId { get; init; }

        /// <summary>11- or 29-bit CAN id.</summary>
        public uint Id => DbcId & 0x1FFFFFFF;

        public bool IsExtended => (DbcId & 0x80000000u) != 0;

        public required string Name { get; init; }

        /// <summary>Declared length in bytes (may exceed 8 for CAN FD messages).</summary>
        public int Dlc { get; init; }

        public string Transmitter { get; init; } = "";

        public int Line { get; init; }

        public List<DbcSignal> Signals { get; } = new();

        public DbcSignal? FindSignal(string name) => Signals.Find(s => s.Name == name);

        /// <summary>The "M" signal, if any.</summary>
        public DbcSignal? Multiplexor => Signals.Find(s => s.MuxRole == DbcMuxRole.Multiplexor);

        /// <summary>Portable definition for the device decoder (multiplexor layout copied in).</summary>
        public SignalDef ToSignalDef(DbcSignal signal)
        {
            SignalDef def = SignalDef.Create(Id, IsExtended, signal.StartBit, signal.Length, signal.IsMotorola, signal.IsSigned, (float)signal.Factor, (float)signal.Offset);
            def.Min = (float)signal.Min;
            def.Max = (float)signal.Max;
            if (signal.MuxRole == DbcMuxRole.Multiplexed)
            {
                DbcSignal mux = Multiplexor ?? throw new InvalidOperationException($"{Name}.{signal.Name} is multiplexed but {Name} has no multiplexor");
                def.SetMultiplexor(mux.StartBit, mux.Length, mux.IsMotorola, signal.MuxValue);
            }

            return def;
        }
    }

    public sealed class DbcFile
    {
        public required string FileName { get; init; }

        public string Version { get; init; } = "";

        public IReadOnlyList<string> Nodes { get; init; } = Array.Empty<string>();

        public required IReadOnlyList<DbcMessage> Messages { get; init; }

        public required IReadOnlyList<DbcIssue> Issues { get; init; }

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

        /// <summary>Message by CAN id (11-bit, or 29-bit with <paramref name="isExtended"/>).</summary>
        public DbcMessage? FindMessage(uint id, bool isExtended = false)
        {
            foreach (DbcMessage m in Messages)
            {
                if (m.Id == id && m.IsExtended == isExtended)
                {
                    return m;
                }
            }

            return null;
        }

        public DbcMessage? FindMessage(string name)
        {
            foreach (DbcMessage m in Messages)
            {
                if (m.Name == name)
                {
                    return m;
                }
            }

            return null;
        }
    }
}
