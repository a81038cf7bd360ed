using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>Reads one "expect" block (asDriven / followingAdvice).</summary>
    internal static class ExpectationReader
    {
        private static readonly string[] Severities = { "none", "info", "advisory", "warning", "critical" };

        public static Expectations? Read(JsonCursor? e, int stepCount)
        {
            if (e == null)
            {
                return null;
            }

            e.AllowOnly("outcome", "strandedBetweenKm", "minSocPercent", "finalSocPercent", "maxAlertSeverity", "alerts", "noFalseCritical");
            Outcome? outcome = e.Has("outcome") ? (e.Choice("outcome", "arrives", "arrives", "strands") == "strands" ? Outcome.Strands : Outcome.Arrives) : null;
            (double a, double b) stranded = Range(e, "strandedBetweenKm", 0, 100_000);
            (double a, double b) minSoc = Range(e, "minSocPercent", 0, 100);
            (double a, double b) finalSoc = Range(e, "finalSocPercent", 0, 100);
            if (!double.IsNaN(stranded.a) && outcome != Outcome.Strands)
            {
                e.Error("strandedBetweenKm", "only makes sense with \"outcome\": \"strands\"");
            }

            int? maxSev = null;
            if (e.Has("maxAlertSeverity"))
            {
                maxSev = Array.IndexOf(Severities, e.Choice("maxAlertSeverity", "none", Severities)) - 1;
            }

            var alerts = new List<AlertExpectation>();
            foreach (JsonCursor a in e.Array("alerts"))
            {
                a.AllowOnly("code", "severityAtLeast", "afterKm", "beforeKm", "beforeTime", "beforeStep");
                string code = a.RequiredString("code");
                AlertSeverity? sev = null;
                if (a.Has("severityAtLeast"))
                {
                    sev = (AlertSeverity)(Array.IndexOf(Severities, a.Choice("severityAtLeast", "info", "info", "advisory", "warning", "critical")) - 1);
                }

                double beforeKm = a.OptionalNumber("beforeKm", 0, 100_000);
                double afterKm = a.OptionalNumber("afterKm", 0, 100_000);
                DateTimeOffset? beforeTime = ScenarioLoader.ReadTime(a, "beforeTime", required: false);
                int beforeStep = (int)a.Number("beforeStep", -1, 0, Math.Max(0, stepCount - 1));
                if (double.IsNaN(beforeKm) && beforeTime == null && beforeStep < 0)
                {
                    a.Error("needs beforeKm, beforeTime or beforeStep");
                }

                alerts.Add(new AlertExpectation(a.Path, code, sev, beforeKm * 1000, beforeTime, beforeStep) { AfterM = afterKm * 1000 });
            }

            return new Expectations
            {
                Path = e.Path,
                Outcome = outcome,
                StrandedFromM = stranded.a * 1000,
                StrandedToM = stranded.b * 1000,
                MinSocLow = minSoc.a,
                MinSocHigh = minSoc.b,
                FinalSocLow = finalSoc.a,
                FinalSocHigh = finalSoc.b,
                MaxAlertSeverity = maxSev,
                Alerts = alerts,
                NoFalseCritical = e.Bool("noFalseCritical", false),
            };
        }

        private static (double, double) Range(JsonCursor e, string field, double min, double max)
        {
            var t = e.Array(field);
            if (t.Count == 0)
            {
                return (double.NaN, double.NaN);
            }

            if (t.Count != 2 || t[0].Element.ValueKind != System.Text.Json.JsonValueKind.Number
                || t[1].Element.ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                e.Error(field, "must be a range [low, high] of two numbers");
                return (double.NaN, double.NaN);
            }

            double a = t[0].Element.GetDouble(), b = t[1].Element.GetDouble();
            if (a > b || a < min || b > max)
            {
                e.Error(field, $"must be [low, high] with {JsonCursor.Fmt(min)} <= low <= high <= {JsonCursor.Fmt(max)}");
                return (double.NaN, double.NaN);
            }

            return (a, b);
        }
    }
}
