#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Alerts;
using RangeGuard.Common;
using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Alerts
{
    /// <summary>
    /// One hour at 1 Hz of noisy inputs (SOC ±1 %, ambient ±1 °C, speed ±5 km/h, battery ±1 °C) around each threshold.
    /// The scripted forecast follows the inputs: P50 = SOC − 45 + 0.5·(ambient + 8) − 0.2·(speed − 110), i.e. ±2.5 % of noise
    /// against a 2 % hysteresis, so only the 60 s clear hold keeps alerts from flapping: each one may be raised once.
    /// </summary>
    [TestClass]
    public class AlertNoFlappingTests
    {
        private const int Hour = 3600;
        private static float s_p10Gap;
        private static bool s_ponrFromSpeed;
        private static bool s_bandFromInputs;
        private static bool s_reachableFromP50;

        private static void Model(ForecastInputs inputs, ForecastResult f)
        {
            float p50 = inputs.SocPercent - 45f + 0.5f * (inputs.AmbientTempC + 8f) - 0.2f * (inputs.SpeedKmh - 110f);
            f.Destination.SocP50 = p50;
            f.Destination.SocP10 = p50 - s_p10Gap;
            if (s_ponrFromSpeed)
            {
                f.PointOfNoReturnM = 15000f + 300f * (inputs.SpeedKmh - 110f);
            }

            if (s_reachableFromP50)
            {
                f.Destination.Reachable = p50 > 0f;
                f.StrandingDistanceM = p50 > 0f ? -1f : 5000f;
            }

            if (s_bandFromInputs)
            {
                f.BandRelativeWidth = 0.50f + 0.02f * (inputs.AmbientTempC + 8f) + 0.002f * (inputs.SpeedKmh - 110f);
            }
        }

        private static AgentRig NewRig()
        {
            s_p10Gap = 8f;
            s_ponrFromSpeed = false;
            s_bandFromInputs = false;
            s_reachableFromP50 = false;
            AgentRig rig = new AgentRig();
            rig.Drive(80f, 30f, -8f, 110f);
            rig.SetPlan();
            rig.Forecaster.OnTick = Model;
            return rig;
        }

        /// <summary>Runs <paramref name="seconds"/> ticks with SOC = start→end (linear) ± 1 and the other inputs noisy.</summary>
        private static void RunNoisy(AgentRig rig, Prng prng, int seconds, float socStart, float socEnd, bool parked)
        {
            for (int t = 0; t < seconds; t++)
            {
                float soc = socStart + (socEnd - socStart) * t / seconds;
                rig.Feed(InputId.SocPercent, soc + Noise(prng, 1f));
                rig.Feed(InputId.AmbientTempC, -8f + Noise(prng, 1f));
                rig.Feed(InputId.SpeedKmh, parked ? 0f : 110f + Noise(prng, 5f));
                rig.Step(1);
            }
        }

        private static float Noise(Prng prng, float amplitude)
        {
            return (float)(prng.NextDouble() * 2.0 - 1.0) * amplitude;
        }

        [TestMethod]
        public void ArriveLow_should_raise_once_when_noise_sits_on_the_enter_level()
        {
            AgentRig rig = NewRig();
            RunNoisy(rig, new Prng(1), Hour, 60f, 60f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).RaiseCount);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));
            Assert.AreEqual(1, rig.Agent.Alerts.Transitions, "one raise, no clear, no re-alert, nothing else");
        }

        [TestMethod]
        public void ArriveLow_should_raise_once_when_noise_sits_on_the_exit_level()
        {
            AgentRig rig = NewRig();
            RunNoisy(rig, new Prng(2), Hour, 62f, 62f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Transitions);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));
        }

        [TestMethod]
        public void ArriveLow_should_raise_and_clear_exactly_once_when_soc_ramps_across_threshold_and_back()
        {
            AgentRig rig = NewRig();
            Prng prng = new Prng(3);
            RunNoisy(rig, prng, Hour / 2, 72f, 58f, false);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));
            RunNoisy(rig, prng, Hour / 2, 58f, 72f, false);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));
            Assert.AreEqual(2, rig.Agent.Alerts.Transitions, rig.Outbox.Dump(rig.AlertTopic));
        }

        [TestMethod]
        public void ChargeRequired_should_raise_once_when_pessimistic_arrival_hovers_at_zero()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.AdviceChargerIndex = 1;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.LastReachableChargerIndex = 2;
            f.PointOfNoReturnM = 100000f;
            RunNoisy(rig, new Prng(4), Hour, 53f, 53f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(ChargeRequiredRule.AlertCode).RaiseCount);
            Assert.AreEqual(2, rig.Agent.Alerts.Transitions, rig.Outbox.Dump(rig.AlertTopic));
        }

        [TestMethod]
        public void PointOfNoReturn_should_raise_once_when_distance_hovers_at_warning_level()
        {
            AgentRig rig = NewRig();
            s_ponrFromSpeed = true;
            ForecastResult f = rig.Forecaster.Next;
            f.AdviceChargerIndex = 1;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.LastReachableChargerIndex = 1;
            RunNoisy(rig, new Prng(5), Hour, 45f, 45f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(PointOfNoReturnRule.AlertCode).RaiseCount);
            Assert.AreEqual(3, rig.Agent.Alerts.Transitions, rig.Outbox.Dump(rig.AlertTopic));
        }

        [TestMethod]
        public void NothingReachable_should_raise_once_when_median_arrival_hovers_at_zero()
        {
            AgentRig rig = NewRig();
            s_reachableFromP50 = true;
            rig.Forecaster.Next.LastReachableChargerIndex = -1;
            RunNoisy(rig, new Prng(9), Hour, 45f, 45f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode).RaiseCount);
            Assert.AreEqual(2, rig.Agent.Alerts.Transitions, rig.Outbox.Dump(rig.AlertTopic));
        }

        [TestMethod]
        public void Uncertainty_should_raise_degraded_once_when_band_hovers_at_enter_level()
        {
            AgentRig rig = NewRig();
            s_bandFromInputs = true;
            s_p10Gap = 25f; // P10 about 10 %, below the 15 % reserve: the uncertainty matters (P50 35 %: no other alert)
            RunNoisy(rig, new Prng(6), Hour, 80f, 80f, false);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(DegradedRule.AlertCode).RaiseCount);
            Assert.AreEqual(1, rig.Agent.Alerts.Transitions);
        }

        [TestMethod]
        public void ColdSoak_should_raise_once_when_pack_forecast_hovers_at_zero()
        {
            AgentRig rig = NewRig();
            // Pack 26 ± 1 °C, -12 °C night, departure 10 h ahead: predicted pack -0.55 °C now, +0.89 °C an hour later.
            rig.Agent.SetDeparture(AgentRig.StartMs + 36000000, -12f);
            Prng prng = new Prng(7);
            for (int t = 0; t < Hour; t++)
            {
                rig.Feed(InputId.BatteryTempAvgC, 26f + Noise(prng, 1f));
                rig.Feed(InputId.SpeedKmh, 0f);
                rig.Step(1);
            }

            Assert.AreEqual(1, rig.Agent.Alerts.Slot(ColdSoakRule.AlertCode).RaiseCount);
            Assert.AreEqual(1, rig.Agent.Alerts.Transitions);
        }

        [TestMethod]
        public void Preconditioning_should_switch_heater_once_when_battery_temperature_is_noisy()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.NextCharger.SocP10 = 40f;
            Prng prng = new Prng(8);
            for (int t = 0; t < Hour; t++)
            {
                f.NextCharger.EtaSeconds = Hour - t;
                rig.Feed(InputId.BatteryTempAvgC, 5f + Noise(prng, 1f));
                rig.Feed(InputId.AmbientTempC, 5f + Noise(prng, 1f));
                rig.Step(1);
            }

            Assert.AreEqual(1, rig.Heater.OnCount);
            Assert.IsTrue(rig.Heater.IsOn);
            Assert.AreEqual(1, rig.Agent.Alerts.Slot(PreconditioningOnRule.AlertCode).RaiseCount);
            Assert.AreEqual(0, rig.Agent.Alerts.Slot(PreconditioningDeclinedRule.AlertCode).RaiseCount);
        }
    }
}
