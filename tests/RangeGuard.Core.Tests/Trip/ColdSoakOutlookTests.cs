#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;
using RangeGuard.Trip;

namespace RangeGuard.Tests.Trip
{
    [TestClass]
    public class ColdSoakOutlookTests
    {
        private const long T0 = 1767988800000;

        private static VehicleReadings ParkedUnplugged(float packC)
        {
            VehicleReadings r = new VehicleReadings();
            r.Parked = true;
            r.Unplugged = true;
            r.SocKnown = true;
            r.SocPercent = 60f;
            r.BatteryTempKnown = true;
            r.BatteryTempLastC = packC;
            r.BatteryTempTimeMs = T0;
            return r;
        }

        [TestMethod]
        public void Update_should_forecast_once_at_parking_on_the_cold_side_and_hold_it_until_the_departure_changes()
        {
            TripContext trip = new TripContext();
            trip.Accept(new RoutePlan(4));
            trip.SetDeparture(T0 + 36000000, -12f); // 10 h ahead, -12 °C forecast minimum
            FakeRangeForecaster f = new FakeRangeForecaster();
            f.ColdSoakLossKm = 23f;
            PackThermalParams p = PackThermalParams.Default75Kwh();
            ColdSoakOutlook o = new ColdSoakOutlook();
            VehicleReadings r = ParkedUnplugged(5f);

            o.Update(T0, r, trip, ref p, f, 100f);
            Assert.IsTrue(o.Applicable);
            Assert.AreEqual(T0, o.MadeAtMs, "made at parking");
            // Cold side: UA 1.5 × 15 W/K. -12 + 17·exp(-22.5·36000/450000) = -9.19 °C (the model's own UA: -6.88 °C).
            Check.Near(-9.19, o.PackTempAtDepartureC, 0.01, "pack at departure, °C");
            Assert.AreEqual(23f, o.RangeLossKm);
            Assert.AreEqual(1, f.ColdSoakEstimates);

            // Hours later the pack reads colder than the model said: the forecast made at parking stands (no 3 a.m. warning).
            r.BatteryTempLastC = -5f;
            r.BatteryTempTimeMs = T0 + 18000000;
            o.Update(T0 + 18000000, r, trip, ref p, f, 100f);
            Check.Near(-9.19, o.PackTempAtDepartureC, 0.01, "held");
            Assert.AreEqual(1, f.ColdSoakEstimates, "not asked again");

            trip.SetDeparture(T0 + 40000000, -15f); // a new departure or forecast: a new outlook at once
            o.Update(T0 + 18001000, r, trip, ref p, f, 100f);
            Assert.AreEqual(2, f.ColdSoakEstimates);
            Assert.AreEqual(T0 + 18001000, o.MadeAtMs);

            trip.SetDeparture(-1, 0f);
            o.Update(T0 + 18002000, r, trip, ref p, f, 100f);
            Assert.IsFalse(o.Applicable);
            Assert.AreEqual(-1f, o.RangeLossKm, "no departure, no estimate");
            Assert.IsTrue(float.IsNaN(o.PackTempAtDepartureC));
        }

        [TestMethod]
        public void Update_should_not_apply_when_plugged_in_or_moving()
        {
            PackThermalParams p = PackThermalParams.Default75Kwh();
            TripContext trip = new TripContext();
            trip.Accept(new RoutePlan(4));
            trip.SetDeparture(T0 + 3600000, -12f);
            ColdSoakOutlook o = new ColdSoakOutlook();
            VehicleReadings r = ParkedUnplugged(5f);
            r.Unplugged = false;
            o.Update(T0, r, trip, ref p, new FakeRangeForecaster(), 100f);
            Assert.IsFalse(o.Applicable, "plugged in");
            r.Unplugged = true;
            r.Parked = false;
            o.Update(T0, r, trip, ref p, new FakeRangeForecaster(), 100f);
            Assert.IsFalse(o.Applicable, "moving");
        }
    }
}
