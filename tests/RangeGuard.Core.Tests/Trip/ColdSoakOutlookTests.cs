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
        public void Update_should_cool_the_pack_to_departure_and_ask_the_forecaster_every_ten_minutes()
        {
            TripContext trip = new TripContext();
            trip.Accept(new RoutePlan(4));
            trip.SetDeparture(T0 + 36000000, -12f); // 10 h ahead, -12 °C forecast minimum
            FakeRangeForecaster f = new FakeRangeForecaster();
            f.ColdSoakLossKm = 23f;
            PackThermalParams p = PackThermalParams.Default75Kwh();
            ColdSoakOutlook o = new ColdSoakOutlook();
            VehicleReadings r = ParkedUnplugged(5f);

            o.Update(T0, r, trip, p, f, 100f);
            Assert.IsTrue(o.Applicable);
            // -12 + 17·exp(-15·36000/450000) = -6.88 °C
            Check.Near(-6.88, o.PackTempAtDepartureC, 0.01, "pack at departure, °C");
            Assert.AreEqual(23f, o.RangeLossKm);
            Assert.AreEqual(1, f.ColdSoakEstimates);

            o.Update(T0 + ColdSoakOutlook.RefreshMs - 1000, r, trip, p, f, 100f);
            Assert.AreEqual(1, f.ColdSoakEstimates, "not again within ten minutes");
            o.Update(T0 + ColdSoakOutlook.RefreshMs, r, trip, p, f, 100f);
            Assert.AreEqual(2, f.ColdSoakEstimates);

            trip.SetDeparture(T0 + 40000000, -12f); // a new departure: estimate at once
            o.Update(T0 + ColdSoakOutlook.RefreshMs + 1000, r, trip, p, f, 100f);
            Assert.AreEqual(3, f.ColdSoakEstimates);

            trip.SetDeparture(-1, 0f);
            o.Update(T0 + ColdSoakOutlook.RefreshMs + 2000, r, trip, p, f, 100f);
            Assert.IsFalse(o.Applicable);
            Assert.AreEqual(-1f, o.RangeLossKm, "no departure, no estimate");
            Assert.IsTrue(float.IsNaN(o.PackTempAtDepartureC));
        }

        [TestMethod]
        public void Update_should_not_apply_when_plugged_in_or_moving()
        {
            TripContext trip = new TripContext();
            trip.Accept(new RoutePlan(4));
            trip.SetDeparture(T0 + 3600000, -12f);
            ColdSoakOutlook o = new ColdSoakOutlook();
            VehicleReadings r = ParkedUnplugged(5f);
            r.Unplugged = false;
            o.Update(T0, r, trip, PackThermalParams.Default75Kwh(), new FakeRangeForecaster(), 100f);
            Assert.IsFalse(o.Applicable, "plugged in");
            r.Unplugged = true;
            r.Parked = false;
            o.Update(T0, r, trip, PackThermalParams.Default75Kwh(), new FakeRangeForecaster(), 100f);
            Assert.IsFalse(o.Applicable, "moving");
        }
    }
}
