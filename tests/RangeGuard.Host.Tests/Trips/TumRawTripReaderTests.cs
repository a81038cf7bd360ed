using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Tests.Trips
{
    [TestClass]
    public class TumRawTripReaderTests
    {
        private const string Header = "Time [s];Velocity [km/h];Elevation [m];Battery Voltage [V];Battery Current [A];Battery Temperature [\u00b0C];max. Battery Temperature [\u00b0C];SoC [%];Heating Power CAN [kW];AirCon Power [kW];Ambient Temperature [\u00b0C];Ambient Temperature Sensor [\u00b0C];Cabin Temperature Sensor [\u00b0C]";

        [TestMethod]
        public void Ten_hertz_rows_should_become_one_hertz_means_with_power_from_v_times_i_and_the_partial_last_second_dropped()
        {
            var lines = new List<string> { Header };
            for (int k = 0; k < 25; k++)
            {
                double t = k / 10.0;
                // Current alternates −10/−30 A at 400 V: mean V·I = −8 kW (discharging), not mean V × mean I by chance only.
                double current = k % 2 == 0 ? -10 : -30;
                lines.Add(string.Join(";", new[] { t, 36.0 + k, 500, 400, current, 15, 16, 80 - k * 0.01, 1.5, 0, 2.0, 99, 12 }
                    .Select(x => x.ToString(CultureInfo.InvariantCulture))));
            }

            TripReadResult r = TripCsvReader.Parse("TripZ", "z.csv", lines.ToArray());
            Assert.IsNotNull(r.Trip, r.Error);
            Assert.AreEqual(TumRawTripReader.Format, r.Format);
            Assert.AreEqual(2, r.Trip.Count, "seconds 0 and 1; the 5 samples of second 2 are dropped");
            Assert.AreEqual(8000, r.Trip.BatteryPowerW[0], 1e-6, "discharge positive");
            Assert.AreEqual(36 + 4.5, r.Trip.SpeedKmh[0], 1e-9);
            Assert.AreEqual(36 + 14.5, r.Trip.SpeedKmh[1], 1e-9);
            Assert.AreEqual(2.0, r.Trip.AmbientTempC[0], 1e-9, "vehicle ambient, not the extra sensor");
            Assert.AreEqual(1500, r.Trip.HeatingPowerW[1], 1e-9);
            Assert.AreEqual(12, r.Trip.CabinTempC[0], 1e-9);
            Assert.AreEqual(1.0, r.Trip.TimeS[1]);
        }

        [TestMethod]
        public void A_missing_required_column_should_be_reported()
        {
            TripReadResult r = TripCsvReader.Parse("TripZ", "z.csv", new[] { Header.Replace("SoC [%];", "State;"), "0;0;0;0;0;0;0;0;0;0;0;0;0" });
            Assert.IsNull(r.Trip);
            StringAssert.Contains(r.Error, "SoC [%]");
        }
    }
}
