using System.Collections.Generic;
using RangeGuard.Dbc;

namespace RangeGuard.Host.Dbc
{
    /// <summary>
    /// What the device can decode: a field inside the 8 bytes of a classic frame (and the declared DLC), at most 64
    /// bits, an integer with a non-zero factor, and at most one level of multiplexing on a switch of at most 32 bits
    /// with exactly one switch value. Everything else stays in the file, marked unusable with the reason.
    /// </summary>
    internal sealed partial class DbcReader
    {
        private void CheckMessage(DbcMessage m)
        {
            foreach (DbcSignal s in m.Signals)
            {
                if (!m.IsValidId)
                {
                    s.MarkUnusable("message id is not a CAN id"); // reported once, on the BO_ line
                    continue;
                }

                string? problem = FitProblem(m, s);
                if (problem == null && s.ValueType != DbcValueType.Integer)
                {
                    problem = $"IEEE {(s.ValueType == DbcValueType.Float32 ? "float" : "double")} value (SIG_VALTYPE_); the device decodes integers only";
                }

                if (problem == null && s.MuxRole == DbcMuxRole.Multiplexed)
                {
                    problem = ResolveSwitch(m, s);
                }

                if (problem != null)
                {
                    Unusable(m, s, problem);
                }
            }
        }

        private static string? FitProblem(DbcMessage message, DbcSignal s)
        {
            int end = s.IsMotorola ? SignalCodec.MotorolaMsbPosition(s.StartBit) + s.Length : s.StartBit + s.Length;
            if (s.Length > 64)
            {
                return $"length {s.Length} exceeds 64 bits";
            }

            if (end > message.Dlc * 8)
            {
                return $"bits up to {end - 1} run past the declared length (DLC {message.Dlc})";
            }

            if (end > 64)
            {
                return $"bits up to {end - 1} lie beyond the 8 bytes of a classic CAN frame";
            }

            return s.Factor == 0 ? "factor 0" : null;
        }

        /// <summary>Finds the switch of a multiplexed signal and its one value; returns the problem if the device cannot.</summary>
        private string? ResolveSwitch(DbcMessage m, DbcSignal s)
        {
            DbcSignal? sw;
            if (s.MuxSwitchName != null)
            {
                sw = m.FindSignal(s.MuxSwitchName);
                if (sw == null)
                {
                    return $"SG_MUL_VAL_ names switch {s.MuxSwitchName}, which is not a signal of {m.Name}";
                }
            }
            else
            {
                var plain = new List<DbcSignal>();
                var nested = 0;
                foreach (DbcSignal candidate in m.Signals)
                {
                    if (candidate.MuxRole == DbcMuxRole.Multiplexor)
                    {
                        plain.Add(candidate);
                    }
                    else if (candidate.IsNestedMultiplexor)
                    {
                        nested++;
                    }
                }

                if (plain.Count != 1 || nested > 0)
                {
                    return $"multiplexed, but {m.Name} has {plain.Count} 'M' and {nested} 'm<n>M' switches and no SG_MUL_VAL_ names which one";
                }

                sw = plain[0];
            }

            if (sw.MuxRole == DbcMuxRole.Multiplexed)
            {
                return $"nested multiplexing: its switch {sw.Name} is itself multiplexed; the device map checks one switch";
            }

            if (sw.Length > 32)
            {
                return $"switch {sw.Name} is longer than 32 bits";
            }

            if (FitProblem(m, sw) != null)
            {
                return $"switch {sw.Name} cannot be decoded: {FitProblem(m, sw)}";
            }

            if (s.MuxRanges.Count > 0)
            {
                if (s.MuxRanges.Count != 1 || s.MuxRanges[0].From != s.MuxRanges[0].To)
                {
                    return $"present for several values of {sw.Name} ({RangesText(s.MuxRanges)}); the device map matches exactly one";
                }

                s.MuxValue = s.MuxRanges[0].From;
            }

            s.MuxSwitch = sw;
            return null;
        }

        private void Unusable(DbcMessage m, DbcSignal s, string problem)
        {
            s.MarkUnusable(problem);
            Issue(s.Line, DbcIssueKind.Unusable, $"signal {m.Name}.{s.Name} unusable: {problem}", m.Name + "." + s.Name);
        }

        private static string RangesText(IReadOnlyList<DbcMuxRange> ranges)
        {
            var parts = new string[ranges.Count];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = ranges[i].From == ranges[i].To ? ranges[i].From.ToString() : $"{ranges[i].From}-{ranges[i].To}";
            }

            return string.Join(", ", parts);
        }
    }
}
