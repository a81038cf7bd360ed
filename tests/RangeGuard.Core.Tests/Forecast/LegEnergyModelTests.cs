using RangeGuard.Forecast;
using RangeGuard.Learning;
using RangeGuard.Vehicle;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace RangeGuard.Tests.Forecast
{
    /// <summary>
    /// The leg-energy model alone (no forecaster around it): a leg's sums and the tick's conditions in, the hand-computed
    /// energy, arrival band and cruise cap out.
    /// </summary>
    [TestClass]
    public class LegEnergyModelTests
    {
        private static LegEnergyModel Model(VehicleParams vp)
        {
            var m = new LegEnergyModel(vp, new ConsumptionLearner());
            m.K = 1f;
            m.LossR = 0.1f;
            m.Accept = 0.5f;
            m.AuxW = 300f;
            m.Soc = 50f; // below the regen taper: the acceptance is the tick's
            m.UsableWh = 60000f;
            m.AmbientC = 20f;
            m.BatteryC = 20f;
            return m;
        }

        private static Leg HourLeg()
        {
            var leg = new Leg();
            leg.LengthM = 100000f;
            leg.TimeS = 3600f;
            leg.DriveWh = 1000f;
            leg.RegenWh = 200f;
            return leg;
        }

        [TestMethod]
        public void Energy_should_be_traction_with_battery_loss_less_accepted_regen_plus_base_load()
        {
            LegEnergyModel m = Model(TestRoutes.SimpleCar());
            float driveNet;
            float e = m.EnergyWh(HourLeg(), out driveNet);

            // 1000 × 1.1 − 200 × 0.5 × 0.9 = 1010 Wh at the wheels and brakes; 300 W for an hour = 300 Wh.
            Check.Near(1010f, driveNet, 0.01f, "drive net");
            Check.Near(1310f, e, 0.01f, "energy");

            m.OutcomeC = 1.1f;
            Check.Near(1441f, m.EnergyWh(HourLeg(), out driveNet), 0.05f, "the trip-outcome factor scales the whole leg");
        }

        [TestMethod]
        public void Heating_should_count_the_cabin_conductance_times_the_learned_heat_scale()
        {
            VehicleParams vp = TestRoutes.SimpleCar();
            vp.CabinConductanceWPerK = 50f;
            LegEnergyModel m = Model(vp);
            m.HeatScale = 2f;
            Leg leg = HourLeg();
            leg.HeatKs = 36000f; // 10 K below the setpoint for an hour
            float driveNet;

            // 50 W/K × 2 × 36,000 K·s / 3600 = 1000 Wh on top of the 1310 Wh.
            Check.Near(2310f, m.EnergyWh(leg, out driveNet), 0.05f, "energy with heating");
        }

        [TestMethod]
        public void Arrival_band_should_center_on_the_energy_and_widen_symmetrically()
        {
            LegEnergyModel m = Model(TestRoutes.SimpleCar());
            var a = new ArrivalEstimate();
            m.Fill(ref a, HourLeg(), 10f, 0f);

            // 50 % − 1310 Wh / 600 Wh per % = 47.82 %.
            Check.Near(47.817f, a.SocP50, 0.01f, "P50");
            Assert.IsTrue(a.SocP10 < a.SocP50 && a.SocP90 > a.SocP50, "the band brackets the median");
            Check.Near(a.SocP50 - a.SocP10, a.SocP90 - a.SocP50, 0.001f, "symmetric band");
            Assert.IsTrue(a.Reachable);
            Assert.IsTrue(a.ProbBelowReserve < 0.01f, "40 % of spare charge: no real chance of missing a 10 % reserve");

            m.Soc = 2f;
            m.Fill(ref a, HourLeg(), 10f, 0f);
            Assert.IsFalse(a.Reachable, "2 % cannot cover 2.2 %");
            Assert.IsTrue(a.ProbBelowReserve > 0.99f);
        }

        [TestMethod]
        public void Cruise_cap_should_be_the_fastest_speed_the_allowance_covers()
        {
            LegEnergyModel m = Model(TestRoutes.SimpleCar());
            m.AuxW = 0f;
            var leg = new Leg();
            leg.LengthM = 100000f;
            leg.LRoll = 100000f; // flat, sea-level air, no wind: every length-weighted sum is the length
            leg.LRho = 100000f;

            // 20 % of 60 kWh above a 10 % reserve: 12 kWh for 100 km.
            m.Soc = 30f;
            float cap = m.MaxCruiseSpeed(leg, 10f);
            Assert.IsTrue(cap > 20f && cap < 160f, "a cap inside the scan range: " + cap.ToString());
            Assert.IsTrue(m.CruiseWh(leg, cap) <= 12000f, "the cap arrives with the reserve");
            Assert.IsTrue(m.CruiseWh(leg, cap + 0.1f) > 12000f, "a little faster does not");

            m.Soc = 11f; // 600 Wh for 100 km: not even at 20 km/h
            Check.Near(-1f, m.MaxCruiseSpeed(leg, 10f), 0f, "no speed arrives");
        }

        [TestMethod]
        public void Arrival_sums_in_one_call_should_equal_the_leg_at_its_speed_and_kinetic_factors()
        {
            VehicleParams vp = VehiclePresets.Create(VehiclePresets.Reference);
            var plan = new RoutePlan();
            for (int i = 0; i < 40; i++)
            {
                var s = new RouteSegment();
                s.LengthM = 300f + 37f * (i % 7);
                s.ElevationChangeM = (i % 9) - 4;
                s.ExpectedSpeedKmh = 40f + 9f * (i % 11);
                s.SpeedLimitKmh = 100f;
                s.AmbientTempC = -8f + i % 13;
                s.HeadwindMps = (i % 5) - 2;
                plan.AddSegment(s);
            }

            var p = new RouteProfile(40);
            p.Build(plan, vp);
            float[] factors = { 1f, 0.93f, 1.12f, 0f, -0.5f };
            float[] at = { 0f, 1234.5f, 6100f };
            var here = new Leg();
            var want = new Leg();
            var got = new Leg();
            for (int h = 0; h < at.Length; h++)
            {
                int segA = p.Locate(at[h], 0);
                here.SetPoint(p, segA, at[h]);
                for (int fi = 0; fi < factors.Length; fi++)
                {
                    for (int gi = 0; gi < factors.Length; gi++)
                    {
                        float f = factors[fi], g = factors[gi];
                        float posB = p.TotalM - 333f * (fi + gi);
                        int segB = p.Locate(posB, segA);
                        want.SetFrom(here, p, segB, posB).AtSpeedFactor(f).AtKineticFactor(g, 0.21f, 0.13f);
                        got.SetArrivalFrom(here, p, segB, posB, f, g, 0.21f, 0.13f);
                        string where = " at " + at[h].ToString() + " f " + f.ToString() + " g " + g.ToString();
                        Assert.AreEqual(want.LengthM, got.LengthM, "length" + where);
                        Assert.AreEqual(want.TimeS, got.TimeS, "time" + where);
                        Assert.AreEqual(want.DriveWh, got.DriveWh, "drive" + where);
                        Assert.AreEqual(want.RegenWh, got.RegenWh, "regen" + where);
                        Assert.AreEqual(want.HeatKs, got.HeatKs, "heating" + where);
                        Assert.AreEqual(want.CoolKs, got.CoolKs, "cooling" + where);
                    }
                }
            }
        }
    }
}
