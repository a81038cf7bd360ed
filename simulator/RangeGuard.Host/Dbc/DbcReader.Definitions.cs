using System;
using System.Collections.Generic;
using System.Globalization;

namespace RangeGuard.Host.Dbc
{
    /// <summary>BO_ messages and their SG_ signals.</summary>
    internal sealed partial class DbcReader
    {
        private DbcMessage ReadMessage(string line, int lineNo)
        {
            var c = new DbcCursor(line);
            c.Expect("BO_");
            uint dbcId = c.UInt("message id");
            string name = c.Identifier("message name");
            c.Expect(":");
            int dlc = (int)c.UInt("DLC");
            string transmitter = c.AtEnd ? "" : c.Identifier("transmitter");
            c.ExpectEnd();
            var message = new DbcMessage { DbcId = dbcId, Name = name, Dlc = dlc, Transmitter = transmitter, Line = lineNo };
            if (message.IsValidId && message.IsExtended && (dbcId & 0x80000000u) == 0)
            {
                Issue(lineNo, DbcIssueKind.Note, $"message {name} id {dbcId} (0x{dbcId:X}) is above 0x7FF without the extended flag (bit 31): read as a 29-bit id", name);
            }

            if (!message.IsValidId)
            {
                // e.g. VECTOR__INDEPENDENT_SIG_MSG (0xC0000000): a container for unplaced signals, not a frame.
                Issue(lineNo, DbcIssueKind.Unusable, $"message {name} id {dbcId} is not a valid 11-bit or (bit 31 + 29-bit) id; its signals are unusable", name);
            }
            else if (dlc > 8)
            {
                Issue(lineNo, DbcIssueKind.Note, $"message {name} declares DLC {dlc} (CAN FD); classic frames carry at most 8 bytes, signals beyond 64 bits are unusable", name);
            }

            if (!_byId.TryAdd(message.Key, message))
            {
                DbcMessage first = _byId[message.Key];
                Issue(lineNo, DbcIssueKind.Note, $"message id {dbcId} ({name}) already defined by {first.Name} at line {first.Line}; lookups by id find the first", name);
            }

            _messages.Add(message);
            return message;
        }

        private void ReadSignalLine(string line, int lineNo)
        {
            if (_current == null)
            {
                string name = SignalNameOf(line);
                if (_brokenMessageLine > 0)
                {
                    Issue(lineNo, DbcIssueKind.Skipped, $"signal {name} skipped: its BO_ at line {_brokenMessageLine} could not be read");
                }
                else
                {
                    Issue(lineNo, DbcIssueKind.Skipped, $"signal {name} skipped: SG_ outside a BO_ message");
                }

                return;
            }

            DbcSignal signal;
            try
            {
                signal = ReadSignal(line, lineNo);
            }
            catch (DbcSyntaxException ex)
            {
                Issue(lineNo, DbcIssueKind.Skipped, $"signal {_current.Name}.{SignalNameOf(line)} skipped: {ex.Message}", _current.Name + "." + SignalNameOf(line));
                return;
            }

            DbcSignal? twin = _current.FindSignal(signal.Name);
            if (twin != null)
            {
                Issue(lineNo, DbcIssueKind.Note, $"signal {_current.Name}.{signal.Name} defined twice (first at line {twin.Line}); lookups by name find the first", _current.Name + "." + signal.Name);
            }

            if (signal.ReadAsSwitch)
            {
                Issue(lineNo, DbcIssueKind.Note, $"signal {_current.Name}.{signal.Name}: multiplexer indicator 'm' without a value read as 'M' (switch)", _current.Name + "." + signal.Name);
            }

            _current.Signals.Add(signal);
        }

        private static string SignalNameOf(string line)
        {
            string[] parts = line.Split(new[] { ' ', '\t', ':' }, 3, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 1 ? parts[1] : "?";
        }

        private static DbcSignal ReadSignal(string line, int lineNo)
        {
            var c = new DbcCursor(line);
            c.Expect("SG_");
            string name = c.Identifier("signal name");
            DbcMuxRole role = DbcMuxRole.None;
            uint muxValue = 0;
            bool nested = false;
            bool lenientSwitch = false;
            if (!c.Peek(':'))
            {
                string mux = c.Identifier("multiplexer indicator");
                if (mux == "M" || mux == "m")
                {
                    // A bare "m" (seen in real files next to SG_MUL_VAL_ naming the signal as switch) can only mean "M".
                    if (mux == "m")
                    {
                        lenientSwitch = true;
                    }

                    role = DbcMuxRole.Multiplexor;
                }
                else if (mux.Length > 1 && mux[0] == 'm')
                {
                    nested = mux.EndsWith('M');
                    string digits = nested ? mux.Substring(1, mux.Length - 2) : mux.Substring(1);
                    if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out muxValue))
                    {
                        throw new DbcSyntaxException($"bad multiplexer indicator '{mux}'");
                    }

                    role = DbcMuxRole.Multiplexed;
                }
                else
                {
                    throw new DbcSyntaxException($"bad multiplexer indicator '{mux}'");
                }
            }

            c.Expect(":");
            int start = (int)c.UInt("start bit");
            c.Expect("|");
            int length = (int)c.UInt("length");
            c.Expect("@");
            char order = c.Char("byte order 0 or 1");
            char sign = c.Char("sign + or -");
            if ((order != '0' && order != '1') || (sign != '+' && sign != '-'))
            {
                throw new DbcSyntaxException($"expected @0/@1 followed by + or -, got '@{order}{sign}'");
            }

            c.Expect("(");
            double factor = c.Number("factor");
            c.Expect(",");
            double offset = c.Number("offset");
            c.Expect(")");
            c.Expect("[");
            double min = c.Number("minimum");
            c.Expect("|");
            double max = c.Number("maximum");
            c.Expect("]");
            string unit = c.QuotedString();
            var receivers = new List<string>(c.Rest().Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries));
            if (length < 1)
            {
                throw new DbcSyntaxException($"length {length} must be at least 1");
            }

            return new DbcSignal
            {
                ReadAsSwitch = lenientSwitch,
                Name = name, StartBit = start, Length = length, IsMotorola = order == '0', IsSigned = sign == '-',
                Factor = factor, Offset = offset, Min = min, Max = max, Unit = unit, Receivers = receivers,
                MuxRole = role, MuxValue = muxValue, IsNestedMultiplexor = nested, Line = lineNo,
            };
        }
    }
}
