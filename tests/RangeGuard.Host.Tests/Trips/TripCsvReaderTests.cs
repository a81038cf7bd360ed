using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Tests.Trips
{
    [TestClass]
    public class TripCsvReaderTests
    {
        [TestMethod]
        public void Read_should_flip_sign_when_bmw_i3_file()
        {
            TripReadResult r = TripCsvReader.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "bmw-i3", "TripB37.csv"));
            Assert.IsNotNull(r.Trip, r.Error);
            Assert.AreEqual(TripCsvReader.FormatBmwI3, r.Format);
            Assert.AreEqual(1417, r.Trip.Count);
            Assert.AreEqual(0, r.RowsSkipped);
            double kwh = 0;
            for (int i = 0; i < r.Trip.Count; i++)
            {
                kwh += r.Trip.BatteryPowerW[i] / 3.6e6;
            }

            // trips.csv: 3.6675 kWh net out of the battery (10 Hz integral); the 1 Hz sum agrees within 0.2 %.
            Assert.AreEqual(3.6675, kwh, 0.0075);
            Assert.AreEqual("winter", r.Trip.Season);
            Assert.IsTrue(r.Trip.HasHvac, "heating + A/C columns read");
        }

        [TestMethod]
        public void Parse_should_read_generic_format_with_discharge_positive()
        {
            string[] lines =
            {
                "soc_pct,time_s,speed_kmh,elevation_m,battery_voltage_v,battery_current_a,battery_temp_c,ambient_temp_c,extra",
                "80,0,0,500,400,10,15,5,x",
                "80,1,36,500,400,50,15,5,x",
            };
            TripReadResult r = TripCsvReader.Parse("t", "t.csv", lines);
            Assert.IsNotNull(r.Trip, r.Error);
            Assert.AreEqual(TripCsvReader.FormatGeneric, r.Format);
            Assert.AreEqual(20000.0, r.Trip.BatteryPowerW[1], 1e-9);
            Assert.AreEqual(36.0, r.Trip.SpeedKmh[1], 1e-9);
        }

        [TestMethod]
        public void Parse_should_count_garbage_rows_and_name_line_and_field()
        {
            string[] lines =
            {
                "time_s,speed_kmh,elevation_m,battery_voltage_v,battery_current_a,soc_pct,battery_temp_c,ambient_temp_c",
                "0,0,500,400,10,80,15,5",
                "1,abc,500,400,10,80,15,5",
                "1,10,500,400,10,80,15,5",
                "1,10,500,400,10,80,15,5",
                "2,10,500,400,10,180,15,5",
                "3,10,500,400,10,80,15,5",
            };
            TripReadResult r = TripCsvReader.Parse("t", "t.csv", lines);
            Assert.IsNotNull(r.Trip, r.Error);
            Assert.AreEqual(3, r.RowsRead);
            Assert.AreEqual(3, r.RowsSkipped);
            StringAssert.Contains(r.Problems[0], "t.csv:3: speed_kmh");
            StringAssert.Contains(r.Problems[1], "time_s: does not increase");
            StringAssert.Contains(r.Problems[2], "soc_pct");
        }

        [TestMethod]
        public void Parse_should_fail_clearly_when_column_missing_or_empty()
        {
            TripReadResult r = TripCsvReader.Parse("t", "t.csv", new[] { "time_s,speed_kmh", "0,1" });
            Assert.IsNull(r.Trip);
            StringAssert.Contains(r.Error, "missing column 'elevation_m'");
            Assert.IsNull(TripCsvReader.Parse("t", "t.csv", Array.Empty<string>()).Trip);
            Assert.IsNull(TripCsvReader.Read("/nonexistent/file.csv").Trip);
        }
    }
}
