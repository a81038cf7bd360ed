#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Trip;

namespace RangeGuard.Tests.Alerts
{
    [TestClass]
    public class AlertCatalogTests
    {
        /// <summary>A kind a newcomer might add: one class; registering it is one line in the catalogue.</summary>
        private sealed class LowSocRule : AlertRule
        {
            public const string AlertCode = "RG-TEST-LOW-SOC";

            public LowSocRule() : base(AlertCode, AlertSeverity.Warning)
            {
            }

            public override void Evaluate(AlertContext c, AlertCondition r)
            {
                float soc = c.Readings.SocPercent;
                r.Set(soc < 10f, soc < 12f, 10f - soc, 5f);
            }

            public override string Text(AlertContext c)
            {
                return "SOC " + AlertTexts.Int(c.Readings.SocPercent) + " %";
            }
        }

        [TestMethod]
        public void Catalogue_should_have_unique_rg_codes_and_valid_severities()
        {
            AlertRule[] rules = AlertCatalog.Create();
            Assert.AreEqual(9, rules.Length);
            for (int i = 0; i < rules.Length; i++)
            {
                Assert.IsTrue(rules[i].Code.IndexOf("RG-") == 0, rules[i].Code);
                Assert.IsTrue(rules[i].Severity >= AlertSeverity.Info && rules[i].Severity <= AlertSeverity.Critical, rules[i].Code);
                for (int j = 0; j < i; j++)
                {
                    Assert.IsFalse(rules[i].Code == rules[j].Code, "duplicate " + rules[i].Code);
                }
            }

            Assert.IsFalse(AlertCatalog.Create()[0] == rules[0], "each agent gets its own rule instances");
        }

        [TestMethod]
        public void New_rule_should_run_through_the_generic_timing_when_registered()
        {
            AlertRule[] builtIn = AlertCatalog.Create();
            AlertRule[] rules = new AlertRule[builtIn.Length + 1];
            for (int i = 0; i < rules.Length; i++)
            {
                rules[i] = i < builtIn.Length ? builtIn[i] : new LowSocRule(); // the one registration line
            }
            AlertTable table = new AlertTable(rules);
            AlertConfig cfg = new AlertConfig();
            AlertPolicy policy = new AlertPolicy(cfg, table);
            AlertContext c = new AlertContext();
            c.Readings = new VehicleReadings();
            c.Trip = new TripContext();
            c.ColdSoak = new ColdSoakOutlook();
            c.Forecast = new ForecastResult();
            c.Config = cfg;
            AlertSlot s = table.Slot(LowSocRule.AlertCode);

            c.Readings.SocPercent = 9f;
            c.NowMs = 1000;
            policy.Evaluate(c);
            Assert.IsTrue(s.Active, "raised at once");
            Assert.AreEqual("SOC 9 %", s.Text);
            Assert.AreEqual(AlertSeverity.Warning, table.Slot(table.TopKind).Severity);

            c.Readings.SocPercent = 11f; // between enter (10) and exit (12): stays
            c.NowMs = 100000;
            policy.Evaluate(c);
            Assert.IsTrue(s.Active);

            c.Readings.SocPercent = 20f;
            for (long t = 100000; t <= 160000; t += 1000)
            {
                c.NowMs = t;
                policy.Evaluate(c);
            }

            Assert.IsFalse(s.Active, "cleared after the 60 s clear hold");
        }
    }
}
