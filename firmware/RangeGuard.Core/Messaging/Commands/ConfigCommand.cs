using RangeGuard.Alerts;
using RangeGuard.Dbc;
using RangeGuard.Vehicle;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Staging copy of a <c>cmd/config</c>: alert thresholds, telemetry cadence, vehicle parameters (VehicleConfig text)
    /// and a signal profile (SignalMapLoader text), each checked in full before anything is applied.
    /// </summary>
    public sealed class ConfigCommand
    {
        public const int AlertReserveHysteresis = 0;
        public const int AlertChargeRequiredP10 = 1;
        public const int AlertPonrWarnKm = 2;
        public const int AlertPonrHysteresisKm = 3;
        public const int AlertBandEnter = 4;
        public const int AlertBandExit = 5;
        public const int AlertColdSoakPackC = 6;
        public const int AlertUtcOffsetMin = 7;
        public const int AlertFieldCount = 8;

        private static readonly string[] s_fields = { "id", "alerts", "telemetry", "vehicle", "signal_profile" };

        private static readonly string[] s_alertFields =
        {
            "reserve_hysteresis_pct", "charge_required_p10_pct", "ponr_warn_km", "ponr_hysteresis_km", "band_enter", "band_exit",
            "cold_soak_pack_c", "utc_offset_min",
        };

        private static readonly float[] s_min = { 0f, -20f, 1f, 0f, 0.05f, 0.05f, -30f, -720f };
        private static readonly float[] s_max = { 10f, 50f, 100f, 20f, 1f, 1f, 20f, 840f };
        // A new forecaster (route profile) and a new decoder at once peak above 90 % of an ESP32's heap without PSRAM
        // (hardware-docs/memory.md); one at a time they stay below.
        private const string NotTogether = "send vehicle and signal_profile in two commands: together they need more memory than a board without PSRAM can spare";

        private static readonly string[] s_telemetryFields = { "driving_s", "parked_s" };

        private readonly float[] _alertValues = new float[AlertFieldCount];

        /// <summary>The fields the command accepts (top level, in "alerts", in "telemetry"): the contract test reads them.</summary>
        public static string[] Fields() { return Copy(s_fields); }

        public static string[] AlertFields() { return Copy(s_alertFields); }

        public static string[] TelemetryFields() { return Copy(s_telemetryFields); }

        public string RequestId { get; private set; }

        /// <summary>Bit per Alert* index: which thresholds the command sets.</summary>
        public int AlertMask { get; private set; }

        /// <summary>Telemetry cadence, s; 0 = unchanged.</summary>
        public int DrivingEveryS { get; private set; }

        public int ParkedEveryS { get; private set; }

        /// <summary>Vehicle parameters from the command's key=value text; null = unchanged.</summary>
        public VehicleParams Vehicle { get; private set; }

        /// <summary>Signal map from the command's profile text; null = unchanged.</summary>
        public SignalMap SignalMap { get; private set; }

        public float AlertValue(int field)
        {
            return _alertValues[field];
        }

        /// <summary>Writes the staged thresholds into <paramref name="target"/> (call only after a successful parse).</summary>
        public void ApplyAlerts(AlertConfig target)
        {
            for (int i = 0; i < AlertFieldCount; i++)
            {
                if ((AlertMask & (1 << i)) == 0)
                {
                    continue;
                }

                float v = _alertValues[i];
                switch (i)
                {
                    case AlertReserveHysteresis: target.ReserveHysteresisPct = v; break;
                    case AlertChargeRequiredP10: target.ChargeRequiredP10Pct = v; break;
                    case AlertPonrWarnKm: target.PonrWarnKm = v; break;
                    case AlertPonrHysteresisKm: target.PonrHysteresisKm = v; break;
                    case AlertBandEnter: target.UncertainBandEnter = v; break;
                    case AlertBandExit: target.UncertainBandExit = v; break;
                    case AlertColdSoakPackC: target.ColdSoakPackTempC = v; break;
                    default: target.UtcOffsetMinutes = (int)v; break;
                }
            }
        }

        /// <param name="current">The thresholds in force, for checks across fields (band exit below band enter).</param>
        internal bool Parse(CommandReader r, AlertConfig current)
        {
            RequestId = null;
            AlertMask = 0;
            DrivingEveryS = 0;
            ParkedEveryS = 0;
            Vehicle = null;
            SignalMap = null;
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_fields, ref seen);
                if (f == -1)
                {
                    break;
                }

                bool ok;
                string text;
                switch (f)
                {
                    case -2: return false;
                    case 0: ok = r.String("id", CommandParser.MaxIdChars, false, out text); RequestId = text; break;
                    case 1: ok = ReadAlerts(r); break;
                    case 2: ok = ReadTelemetry(r); break;
                    case 3: ok = (SignalMap == null || r.FailField("vehicle", NotTogether)) && r.String("vehicle", CommandParser.MaxTextChars, false, out text) && ReadVehicle(r, text); break;
                    default: ok = (Vehicle == null || r.FailField("signal_profile", NotTogether)) && r.String("signal_profile", CommandParser.MaxTextChars, false, out text) && ReadSignalMap(r, text); break;
                }

                if (!ok)
                {
                    return false;
                }
            }

            if ((seen & ~1) == 0)
            {
                return r.Fail("nothing to change: give alerts, telemetry, vehicle or signal_profile");
            }

            float enter = (AlertMask & (1 << AlertBandEnter)) != 0 ? _alertValues[AlertBandEnter] : (current == null ? 0.30f : current.UncertainBandEnter);
            float exit = (AlertMask & (1 << AlertBandExit)) != 0 ? _alertValues[AlertBandExit] : (current == null ? 0.25f : current.UncertainBandExit);
            if (exit >= enter)
            {
                r.Push("alerts");
                r.FailField("band_exit", "must be below band_enter (" + CommandReader.NumberText(exit) + " >= " + CommandReader.NumberText(enter) + ")");
                r.Pop();
                return false;
            }

            return true;
        }

        private bool ReadAlerts(CommandReader r)
        {
            if (!r.ExpectObject("alerts"))
            {
                return false;
            }

            r.Push("alerts");
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_alertFields, ref seen);
                if (f == -1)
                {
                    break;
                }

                if (f == -2)
                {
                    return false;
                }

                if (f == AlertUtcOffsetMin)
                {
                    long minutes;
                    if (!r.Integer(s_alertFields[f], (long)s_min[f], (long)s_max[f], out minutes))
                    {
                        return false;
                    }

                    _alertValues[f] = minutes;
                }
                else if (!r.Number(s_alertFields[f], s_min[f], s_max[f], out _alertValues[f]))
                {
                    return false;
                }

                AlertMask |= 1 << f;
            }

            r.Pop();
            return AlertMask != 0 || r.FailField("alerts", "empty: give at least one threshold");
        }

        private bool ReadTelemetry(CommandReader r)
        {
            if (!r.ExpectObject("telemetry"))
            {
                return false;
            }

            r.Push("telemetry");
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_telemetryFields, ref seen);
                if (f == -1)
                {
                    break;
                }

                if (f == -2)
                {
                    return false;
                }

                long s;
                if (f == 0)
                {
                    if (!r.Integer("driving_s", 1, 3600, out s))
                    {
                        return false;
                    }

                    DrivingEveryS = (int)s;
                }
                else
                {
                    if (!r.Integer("parked_s", 10, 86400, out s))
                    {
                        return false;
                    }

                    ParkedEveryS = (int)s;
                }
            }

            r.Pop();
            return seen != 0 || r.FailField("telemetry", "empty: give driving_s or parked_s");
        }

        private bool ReadVehicle(CommandReader r, string text)
        {
            VehicleParams vp;
            string error;
            if (!VehicleConfig.TryParse(text, out vp, out error))
            {
                return r.FailField("vehicle", error);
            }

            Vehicle = vp;
            return true;
        }

        private static string[] Copy(string[] a)
        {
            return RangeGuard.Common.Strings.Copy(a);
        }

        private bool ReadSignalMap(CommandReader r, string text)
        {
            SignalMap map;
            SignalMapError error;
            if (!SignalMapLoader.TryLoad(text, out map, out error))
            {
                return r.FailField("signal_profile", error.ToString());
            }

            SignalMap = map;
            return true;
        }
    }
}
