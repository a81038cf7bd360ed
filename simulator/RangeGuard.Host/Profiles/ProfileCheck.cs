using System;
using System.Collections.Generic;
using RangeGuard.Can;
using RangeGuard.Dbc;
using RangeGuard.Host.Logs;
using RangeGuard.State;

namespace RangeGuard.Host.Profiles
{
    /// <summary>What one agent input got from a log: how often, which values, how long it was stale, what was rejected.</summary>
    public sealed class InputCheck
    {
        public InputCheck(int input, long maxAgeMs)
        {
            Input = input;
            MaxAgeMs = maxAgeMs;
        }

        public int Input { get; }

        /// <summary>Staleness limit used for <see cref="StaleMs"/> (the map's largest maxage, else the VehicleState default).</summary>
        public long MaxAgeMs { get; }

        /// <summary>"Message.Signal" names the map feeds the input from.</summary>
        public List<string> Signals { get; } = new();

        /// <summary>Frames of a mapped id on an accepted bus that carried one of the input's signals.</summary>
        public long Frames { get; internal set; }

        /// <summary>Values that reached the state.</summary>
        public long Values { get; internal set; }

        public float First { get; internal set; }

        public float Last { get; internal set; }

        public float Min { get; internal set; } = float.MaxValue;

        public float Max { get; internal set; } = float.MinValue;

        public long FirstMs { get; internal set; } = -1;

        public long LastMs { get; internal set; } = -1;

        /// <summary>Log time during which the input had no value younger than <see cref="MaxAgeMs"/>.</summary>
        public long StaleMs { get; internal set; }

        /// <summary>Decoded values outside the mapping's or the input's plausible range (rejected, never clamped).</summary>
        public long OutOfRange { get; internal set; }

        public long Sentinels { get; internal set; }

        /// <summary>Frames too short for the signal.</summary>
        public long TooShort { get; internal set; }

        public bool IsMapped => Signals.Count > 0;
    }

    /// <summary>A CAN id of the log that no mapping uses, with how often it came.</summary>
    public sealed record UnusedId(uint Id, bool IsExtended, int Bus, long Frames)
    {
        public string IdText => IsExtended ? $"0x{Id:X8}" : $"0x{Id:X3}";
    }

    public sealed class ProfileCheckResult
    {
        public required InputCheck[] Inputs { get; init; }

        /// <summary>Ids the map does not use, busiest first.</summary>
        public required List<UnusedId> UnusedIds { get; init; }

        public long Frames { get; init; }

        /// <summary>Frames with a mapped id on a bus the map accepts.</summary>
        public long MatchedFrames { get; init; }

        /// <summary>Frames with a mapped id on a bus no mapping of that id accepts.</summary>
        public long OtherBusFrames { get; init; }

        public long FirstMs { get; init; }

        public long LastMs { get; init; }

        public double DurationS => Frames == 0 ? 0 : (LastMs - FirstMs) / 1000.0;
    }

    /// <summary>
    /// `rangeguard profile check`: replays a log through the device's own decoder (SignalDispatcher) and reports, per
    /// input, what a profile delivers; and the busiest ids it ignores, where a missing signal is likely to hide.
    /// </summary>
    public static class ProfileCheck
    {
        public static ProfileCheckResult Run(SignalMap map, IEnumerable<CanLogEntry> entries)
        {
            var inputs = new InputCheck[InputId.Count];
            var probe = new VehicleState();
            new SignalDispatcher(map, probe); // applies the map's max ages to the probe state
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = new InputCheck(i, probe.GetMaxAge(i));
            }

            for (int i = 0; i < map.Count; i++)
            {
                SignalMapping m = map.Get(i);
                inputs[m.Input].Signals.Add(m.SignalName ?? $"0x{m.Signal.MessageId:X}");
            }

            // A scratch state per frame shows which inputs this frame set, through the real dispatcher (combine included).
            var scratch = new VehicleState();
            var dispatcher = new SignalDispatcher(map, scratch);
            var unused = new Dictionary<(uint, bool, int), long>();
            var touched = new bool[InputId.Count];
            long frames = 0, matched = 0, otherBus = 0, firstMs = long.MaxValue, lastMs = long.MinValue;
            foreach (CanLogEntry entry in entries)
            {
                CanFrame frame = entry.Frame;
                long t = frame.TimestampMs;
                frames++;
                firstMs = Math.Min(firstMs, t);
                lastMs = Math.Max(lastMs, t);
                int first = map.FindFirst(frame.Id, frame.IsExtended);
                if (first < 0)
                {
                    var key = (frame.Id, frame.IsExtended, (int)frame.Bus);
                    unused[key] = unused.GetValueOrDefault(key) + 1;
                    continue;
                }

                Array.Clear(touched);
                bool busMatched = false;
                for (int i = first; i < map.Count && map.KeyAt(i) == map.KeyAt(first); i++)
                {
                    SignalMapping m = map.Get(i);
                    if (m.Bus >= 0 && m.Bus != frame.Bus)
                    {
                        continue;
                    }

                    busMatched = true;
                    Classify(ref frame, ref m, inputs[m.Input], probe, touched);
                    scratch.Set(m.Input, float.NaN, long.MinValue);
                }

                if (!busMatched)
                {
                    otherBus++;
                    continue;
                }

                matched++;
                dispatcher.Process(ref frame, t);
                for (int input = 0; input < InputId.Count; input++)
                {
                    if (touched[input] && scratch.GetTime(input) == t)
                    {
                        Accept(inputs[input], scratch.GetLast(input), t, firstMs);
                    }
                }
            }

            foreach (InputCheck c in inputs)
            {
                if (frames > 0)
                {
                    c.StaleMs += c.LastMs < 0 ? lastMs - firstMs : Math.Max(0, lastMs - c.LastMs - c.MaxAgeMs);
                }
            }

            var list = new List<UnusedId>();
            foreach (var kv in unused)
            {
                list.Add(new UnusedId(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value));
            }

            list.Sort((a, b) => b.Frames != a.Frames ? b.Frames.CompareTo(a.Frames) : a.Id.CompareTo(b.Id));
            return new ProfileCheckResult
            {
                Inputs = inputs, UnusedIds = list, Frames = frames, MatchedFrames = matched, OtherBusFrames = otherBus,
                FirstMs = frames > 0 ? firstMs : 0, LastMs = frames > 0 ? lastMs : 0,
            };
        }

        /// <summary>Counts what one mapping found in the frame (present, sentinel, out of range, too short).</summary>
        private static void Classify(ref CanFrame frame, ref SignalMapping m, InputCheck c, VehicleState limits, bool[] touched)
        {
            int status = SignalCodec.Decode(ref frame, ref m.Signal, out ulong raw, out float physical);
            if (status == DecodeStatus.TooShort)
            {
                c.TooShort++;
                return;
            }

            if (status != DecodeStatus.Ok)
            {
                return; // another multiplexor value: the signal is not in this frame
            }

            if (!touched[m.Input])
            {
                touched[m.Input] = true;
                c.Frames++;
            }

            if (m.IsSentinel(raw))
            {
                c.Sentinels++;
                return;
            }

            float value = physical * m.Scale + m.Add;
            if (!(value >= m.Min && value <= m.Max) || !limits.IsPlausible(m.Input, value))
            {
                c.OutOfRange++;
            }
        }

        private static void Accept(InputCheck c, float value, long t, long logStartMs)
        {
            if (c.Values == 0)
            {
                c.First = value;
                c.FirstMs = t;
                c.StaleMs += t - logStartMs;
            }
            else if (t - c.LastMs > c.MaxAgeMs)
            {
                c.StaleMs += t - c.LastMs - c.MaxAgeMs;
            }

            c.Values++;
            c.Last = value;
            c.LastMs = Math.Max(t, c.LastMs);
            c.Min = Math.Min(c.Min, value);
            c.Max = Math.Max(c.Max, value);
        }
    }
}
