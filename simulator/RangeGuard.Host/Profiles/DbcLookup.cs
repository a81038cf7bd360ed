using System;
using System.Collections.Generic;
using RangeGuard.Common;
using RangeGuard.Dbc;
using RangeGuard.Host.Dbc;

namespace RangeGuard.Host.Profiles
{
    /// <summary>Finds what a profile entry names in a DBC, and says precisely why when it cannot.</summary>
    internal static class DbcLookup
    {
        /// <summary>A message by name, or by id ("0x131", "305"; an extended id also matches).</summary>
        internal static DbcMessage? FindMessage(DbcFile dbc, string text, out string? problem)
        {
            problem = null;
            if (char.IsAsciiDigit(text[0]))
            {
                if (!TextNumber.TryParseLong(text, out long id) || id < 0 || id > 0x1FFFFFFF)
                {
                    problem = $"message id '{text}' is not a CAN id";
                    return null;
                }

                DbcMessage? standard = dbc.FindMessage((uint)id, false);
                DbcMessage? extended = dbc.FindMessage((uint)id, true);
                if (standard != null && extended != null)
                {
                    problem = $"{text} is both an 11-bit ({standard.Name}) and a 29-bit ({extended.Name}) message: name the message instead";
                    return null;
                }

                DbcMessage? byId = standard ?? extended;
                if (byId == null)
                {
                    problem = $"no message with id {text} in {dbc.FileName}";
                }

                return byId;
            }

            DbcMessage? m = dbc.FindMessage(text);
            if (m == null)
            {
                problem = $"no message '{text}' in {dbc.FileName}{Suggest(text, Names(dbc.Messages, x => x.Name))}";
            }

            return m;
        }

        internal static string MissingSignal(DbcFile dbc, DbcMessage message, string name)
        {
            foreach (DbcIssue issue in dbc.Issues)
            {
                if (issue.Subject == message.Name + "." + name)
                {
                    return $"{issue}: the DBC line defining it could not be read";
                }
            }

            var names = Names(message.Signals, s => s.Name);
            return $"message {message.Name} ({message.IdText}, {dbc.FileName}:{message.Line}) has no signal '{name}'{Suggest(name, names)}; it has: {string.Join(", ", names)}";
        }

        /// <summary>A sentinel as raw unsigned bits: an integer (decimal or 0x) or a name from the signal's VAL_ table.</summary>
        internal static bool TryRawValue(string text, DbcSignal signal, out ulong raw, out string? problem)
        {
            problem = null;
            ulong mask = SignalCodec.Mask(signal.Length);
            if (TextNumber.TryParseULong(text, out raw))
            {
                if ((raw & ~mask) == 0)
                {
                    return true;
                }

                problem = $"sentinel {text} does not fit the signal's {signal.Length} bits (raw values 0..{mask})";
                return false;
            }

            long? named = signal.FindValue(text);
            if (named == null)
            {
                problem = signal.Values.Count == 0
                    ? $"sentinel '{text}' is not a number and the signal has no VAL_ table"
                    : $"sentinel '{text}' is neither a number nor a VAL_ name of the signal ({ValueNames(signal)})";
                return false;
            }

            raw = (ulong)named.Value & mask; // a negative VAL_ entry of a signed signal is its two's complement bits
            return true;
        }

        private static List<string> Names<T>(IEnumerable<T> items, Func<T, string> name)
        {
            var list = new List<string>();
            foreach (T item in items)
            {
                list.Add(name(item));
            }

            return list;
        }

        private static string Suggest(string wanted, List<string> names)
        {
            foreach (string n in names)
            {
                if (string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return $" (did you mean {n}? names are case-sensitive)";
                }
            }

            var close = names.FindAll(n => n.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(n, StringComparison.OrdinalIgnoreCase));
            return close.Count is > 0 and <= 5 ? $" (did you mean {string.Join(" or ", close)}?)" : "";
        }

        private static string ValueNames(DbcSignal signal)
        {
            var parts = new List<string>();
            foreach (DbcValue v in signal.Values)
            {
                parts.Add($"{v.Raw} \"{v.Text}\"");
            }

            return string.Join(", ", parts);
        }

    }
}
