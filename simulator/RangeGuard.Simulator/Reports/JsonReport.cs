using System;
using System.IO;
using System.Text.Json;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Reports
{
    /// <summary>Writes report.json: outcome, totals, steps, charge sessions, alert timeline and checks (schema version 1).</summary>
    public static class JsonReport
    {
        public static void Write(string path, Scenario s, RunResult r, System.Collections.Generic.IReadOnlyList<CheckItem>? checks)
        {
            using FileStream f = File.Create(path);
            using var w = new Utf8JsonWriter(f, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("scenario", s.Name);
            w.WriteString("description", s.Description);
            w.WriteString("vehicle", s.Vehicle.Id);
            w.WriteString("board", r.BoardName);
            w.WriteBoolean("boardHasAgent", r.BoardHasAgent);
            if (r.BoardSummary != null)
            {
                w.WriteString("boardSummary", r.BoardSummary);
            }

            w.WriteString("driver", r.FollowedAdvice ? "followsAdvice" : "asDriven");
            w.WriteString("adviceSource", r.AdviceSource);
            w.WriteString("start", s.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));

            w.WriteStartObject("outcome");
            w.WriteString("result", r.Outcome == Outcome.Strands ? "stranded" : "arrived");
            w.WriteBoolean("stranded", r.Outcome == Outcome.Strands);
            if (r.Outcome == Outcome.Strands)
            {
                w.WriteNumber("strandedAtKm", Round(r.StrandedAtM / 1000));
                w.WriteString("strandedNear", r.StrandedNear);
                w.WriteNumber("strandedOffsetKm", Round(r.StrandedOffsetKm));
                w.WriteString("reason", r.StrandReason);
            }
            else
            {
                w.WriteString("arrivedAt", r.ArrivedAt);
            }

            w.WriteString("endTime", Time(s, r.SimulatedS));
            w.WriteNumber("minSocPercent", Round(r.MinSocPercent));
            w.WriteNumber("minSocAtKm", Round(r.MinSocAtKm));
            w.WriteNumber("finalSocPercent", Round(r.FinalSocPercent));
            w.WriteNumber("distanceKm", Round(r.DistanceKm));
            w.WriteNumber("batteryOutKwh", Round(r.BatteryOutKwh));
            w.WriteNumber("batteryInKwh", Round(r.BatteryInKwh));
            w.WriteNumber("regenKwh", Round(r.RegenKwh));
            w.WriteNumber("gridKwh", Round(r.GridKwh));
            w.WriteNumber("cabinHvacKwh", Round(r.HvacKwh));
            w.WriteNumber("batteryHeaterKwh", Round(r.BatteryHeaterKwh));
            w.WriteEndObject();

            w.WriteStartArray("steps");
            foreach (StepRecord st in r.Steps)
            {
                w.WriteStartObject();
                w.WriteNumber("index", st.Index);
                w.WriteString("label", st.Label);
                w.WriteString("kind", st.Kind.ToString().ToLowerInvariant());
                w.WriteString("start", Time(s, st.StartS));
                w.WriteString("end", Time(s, st.EndS));
                w.WriteNumber("startKm", Round(st.StartKm));
                w.WriteNumber("endKm", Round(st.EndKm));
                w.WriteNumber("socStart", Round(st.SocStart));
                w.WriteNumber("socEnd", Round(st.SocEnd));
                w.WriteNumber("batteryTempEndC", Round(st.BatteryTempEndC));
                w.WriteNumber("carDisplayedRangeEndKm", Round(st.DisplayedRangeEndKm));
                w.WriteBoolean("advised", st.FollowedAdvice);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("chargeSessions");
            foreach (ChargeSession c in r.ChargeSessions)
            {
                w.WriteStartObject();
                w.WriteString("where", c.Where);
                w.WriteString("type", c.IsDc ? "dc" : "ac");
                w.WriteString("start", Time(s, c.StartS));
                w.WriteNumber("minutes", Round(c.Minutes));
                w.WriteNumber("socFrom", Round(c.SocFrom));
                w.WriteNumber("socTo", Round(c.SocTo));
                w.WriteNumber("gridKwh", Round(c.GridKwh));
                w.WriteNumber("avgKw", Round(c.AvgKw));
                w.WriteNumber("batteryTempStartC", Round(c.BatteryTempStartC));
                w.WriteNumber("batteryTempEndC", Round(c.BatteryTempEndC));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("chargeAdvice");
            foreach (ChargeAdviceCheck c in r.ChargeAdvice)
            {
                w.WriteStartObject();
                w.WriteString("charger", c.Charger);
                w.WriteNumber("fromSoc", Round(c.FromSocPercent));
                w.WriteNumber("toSoc", Round(c.ToSocPercent));
                w.WriteNumber("batteryTempC", Round(c.PackTempC));
                w.WriteNumber("advisedMinutes", Round(c.AdvisedMinutes));
                w.WriteNumber("truthMinutes", Round(c.TruthMinutes));
                w.WriteNumber("errorPercent", Round(c.ErrorPercent));
                if (!double.IsNaN(c.SettledTotalMinutes))
                {
                    w.WriteNumber("settledToSoc", Round(c.SettledToSocPercent));
                    w.WriteNumber("settledTotalMinutes", Round(c.SettledTotalMinutes));
                    w.WriteNumber("settledTruthMinutes", Round(c.SettledTruthMinutes));
                    w.WriteNumber("settledErrorPercent", Round(c.SettledErrorPercent));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("alerts");
            foreach (BoardAlert a in r.Alerts)
            {
                w.WriteStartObject();
                w.WriteString("time", Time(s, a.ElapsedS));
                w.WriteNumber("km", Round(a.PositionM / 1000));
                w.WriteString("severity", a.Severity.ToString().ToLowerInvariant());
                w.WriteString("code", a.Code);
                w.WriteString("text", a.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (checks != null)
            {
                w.WriteStartArray("checks");
                foreach (CheckItem c in checks)
                {
                    w.WriteStartObject();
                    w.WriteString("what", c.What);
                    w.WriteString("status", c.Status.ToString().ToLowerInvariant());
                    w.WriteString("detail", c.Detail);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("performance");
            w.WriteNumber("simulatedSeconds", Round(r.SimulatedS));
            w.WriteNumber("ticks", r.Ticks);
            w.WriteNumber("wallSeconds", Math.Round(r.WallS, 4));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 2) : 0;

        private static string Time(Scenario s, double elapsedS) => s.Start.AddSeconds(elapsedS).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
    }
}
