using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Simulator.Running;
using RangeGuard.State;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// What the simulated car puts on its CAN bus: the truth snapshot's values in the agent's units, turned into raw DBC
    /// signals through the same signal map the agent decodes with (the map's value = physical · Scale + Add is inverted,
    /// then <see cref="SignalCodec.TryEncode"/>), one frame per message id, then real SLCAN text lines.
    /// The truth is known once per 1 Hz step, so each message is sent 1000 / cycle-time times per step (the DBC's
    /// GenMsgCycleTime: 10 frames of a 100 ms message, 2 of a 500 ms one, 1 of a 1 s one), all carrying that step's values.
    /// Values outside a mapping's plausible range are saturated to it (like a real sensor) and counted.
    /// Allocates nothing per step.
    /// </summary>
    public sealed class TruthCanEncoder
    {
        /// <summary>Frames of one message per 1 s step when the DBC gives no cycle time.</summary>
        public const int DefaultFramesPerStep = 1;

        private readonly Message[] _messages;
        private readonly int _maxRepeat;

        public TruthCanEncoder(SignalMap map, IReadOnlyDictionary<uint, int>? cycleTimeMsById = null)
        {
            var byKey = new Dictionary<uint, List<int>>();
            var order = new List<uint>();
            for (int i = 0; i < map.Count; i++)
            {
                uint key = map.KeyAt(i);
                if (!byKey.TryGetValue(key, out List<int>? list))
                {
                    list = new List<int>();
                    byKey[key] = list;
                    order.Add(key);
                }

                list.Add(i);
            }

            _messages = new Message[order.Count];
            for (int m = 0; m < order.Count; m++)
            {
                List<int> idx = byKey[order[m]];
                SignalMapping first = map.Get(idx[0]);
                int cycle = 0;
                cycleTimeMsById?.TryGetValue(first.Signal.MessageId, out cycle);
                var mappings = new SignalMapping[idx.Count];
                for (int k = 0; k < idx.Count; k++)
                {
                    mappings[k] = map.Get(idx[k]);
                }

                _messages[m] = new Message
                {
                    Id = first.Signal.MessageId,
                    IsExtended = first.Signal.IsExtended,
                    Mappings = mappings,
                    FramesPerStep = cycle > 0 ? Math.Max(1, (int)Math.Round(1000.0 / cycle)) : DefaultFramesPerStep,
                };
                _maxRepeat = Math.Max(_maxRepeat, _messages[m].FramesPerStep);
            }
        }

        /// <summary>Frames one step produces (sum over messages of their frames per step).</summary>
        public int FramesPerStep
        {
            get
            {
                int n = 0;
                foreach (Message m in _messages)
                {
                    n += m.FramesPerStep;
                }

                return n;
            }
        }

        /// <summary>Buffer size that holds one step's SLCAN lines.</summary>
        public int MaxBytesPerStep => FramesPerStep * SlcanEncoder.MaxEncodedLength;

        public long FramesEncoded { get; private set; }

        /// <summary>Signal values saturated to the mapping's range before encoding.</summary>
        public long ValuesSaturated { get; private set; }

        /// <summary>Signals that could not be encoded at all (should stay 0).</summary>
        public long EncodeFailures { get; private set; }

        /// <summary>(message id, frames per step) for documentation and tests.</summary>
        public IEnumerable<(uint Id, int FramesPerStep)> Rates
        {
            get
            {
                foreach (Message m in _messages)
                {
                    yield return (m.Id, m.FramesPerStep);
                }
            }
        }

        /// <summary>The truth value of an input in the agent's units and sign convention (InputId).</summary>
        public static double AgentValue(int input, in TruthSnapshot t) => input switch
        {
            InputId.SocPercent => t.SocReportedPercent,
            InputId.PackVoltageV => t.PackVoltageV,
            InputId.PackCurrentA => t.PackCurrentA,
            InputId.BatteryTempMinC => t.BatteryTempMinC,
            InputId.BatteryTempMaxC => t.BatteryTempMaxC,
            InputId.BatteryTempAvgC => t.BatteryTempC,
            InputId.AmbientTempC => t.AmbientTempC,
            InputId.SpeedKmh => t.SpeedKmh,
            InputId.OdometerKm => t.OdometerKm,
            InputId.ChargingState => t.ChargingState,
            InputId.HvacPowerW => t.HvacPowerW,
            _ => double.NaN,
        };

        /// <summary>Encodes every message of one step into one frame each (values only, no SLCAN).</summary>
        public void EncodeFrames(in TruthSnapshot t)
        {
            for (int m = 0; m < _messages.Length; m++)
            {
                Message msg = _messages[m];
                var frame = new CanFrame { Id = msg.Id, IsExtended = msg.IsExtended, Length = 8, TimestampMs = -1 };
                for (int k = 0; k < msg.Mappings.Length; k++)
                {
                    ref SignalMapping map = ref msg.Mappings[k];
                    double v = AgentValue(map.Input, in t);
                    if (double.IsNaN(v))
                    {
                        continue;
                    }

                    double clamped = Math.Clamp(v, map.Min, map.Max);
                    if (clamped != v)
                    {
                        ValuesSaturated++;
                    }

                    double physical = (clamped - map.Add) / map.Scale;
                    if (!SignalCodec.TryEncode(ref frame, ref map.Signal, physical))
                    {
                        EncodeFailures++;
                    }
                }

                msg.Frame = frame;
                _messages[m] = msg;
            }
        }

        /// <summary>
        /// One step's traffic as SLCAN lines (no timestamps) into <paramref name="buffer"/>, messages interleaved in time
        /// slots as on a bus. Returns the bytes written (stops early rather than overrun the buffer).
        /// </summary>
        public int EncodeStep(in TruthSnapshot t, byte[] buffer, int offset)
        {
            EncodeFrames(in t);
            int pos = offset;
            for (int slot = 0; slot < _maxRepeat; slot++)
            {
                for (int m = 0; m < _messages.Length; m++)
                {
                    // A message sent n times per step goes out in slots 0, k, 2k, ... with k = maxRepeat / n.
                    int every = Math.Max(1, _maxRepeat / _messages[m].FramesPerStep);
                    if (slot % every != 0 || slot / every >= _messages[m].FramesPerStep)
                    {
                        continue;
                    }

                    int n = SlcanEncoder.EncodeFrame(_messages[m].Frame, -1, buffer, pos);
                    if (n == 0)
                    {
                        return pos - offset;
                    }

                    pos += n;
                    FramesEncoded++;
                }
            }

            return pos - offset;
        }

        /// <summary>GenMsgCycleTime attributes of a DBC text (message id → ms); the parser in RangeGuard.Host keeps no attributes.</summary>
        public static Dictionary<uint, int> CycleTimes(string dbcText)
        {
            var d = new Dictionary<uint, int>();
            foreach (Match m in Regex.Matches(dbcText, @"BA_\s+""GenMsgCycleTime""\s+BO_\s+(\d+)\s+(\d+)\s*;"))
            {
                uint id = uint.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) & 0x1FFFFFFF;
                d[id] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            }

            return d;
        }

        private struct Message
        {
            public uint Id;
            public bool IsExtended;
            public SignalMapping[] Mappings;
            public int FramesPerStep;
            public CanFrame Frame;
        }
    }
}
