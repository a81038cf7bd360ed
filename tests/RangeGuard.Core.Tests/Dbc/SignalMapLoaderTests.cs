#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Tests.Dbc
{
    [TestClass]
    public class SignalMapLoaderTests
    {
        internal const string EGolfLikeMap =
            "# test map\n" +
            "profile=test\r\n" +
            "input=speed_kmh id=0x0FD start=32 len=16 order=intel factor=0.01 min=0 max=300 maxage=2000\n" +
            "\n" +
            "input=soc_pct id=0x131 ext=0 start=24 len=8 order=intel signed=0 factor=0.5 offset=0 min=0 max=100 bus=-1 maxage=5000 sentinel=254 signal=BMS_SoC.SoC\n" +
            "input=pack_current_a id=401 start=12 len=12 factor=1 offset=-2047 min=-1000 max=1000\n" +
            "input=pack_voltage_v id=0x191 start=24   len=12\tfactor=0.25 min=100 max=1000\n" +
            "input=battery_temp_min_c id=0x596 start=48 len=8 bus=0 combine=min\n" +
            "input=battery_temp_avg_c id=0x596 start=48 len=8 bus=0 combine=avg\n" +
            "input=battery_temp_avg_c id=0x596 start=56 len=8 bus=0 combine=avg\n" +
            "input=soc_pct id=0x594 start=47 len=8 order=motorola factor=0.5 maxage=1000\n" +
            "input=hvac_power_w id=0x17332510 ext=1 start=8 len=16 mux_start=0 mux_len=8 mux_value=3 scale=-1 add=5\n";

        [TestMethod]
        public void Load_should_read_every_field_when_map_is_valid()
        {
            SignalMap map = SignalMapLoader.Load(EGolfLikeMap);
            Assert.AreEqual("test", map.ProfileName);
            Assert.AreEqual(9, map.Count);

            int i = map.FindFirst(0x131, false);
            Assert.IsTrue(i >= 0);
            SignalMapping soc = map.Get(i);
            Assert.AreEqual(InputId.SocPercent, soc.Input);
            Assert.AreEqual(24, soc.Signal.StartBit);
            Assert.AreEqual(8, soc.Signal.Length);
            Assert.IsFalse(soc.Signal.IsMotorola);
            Check.Near(0.5, soc.Signal.Factor, 0, "factor");
            Assert.AreEqual(5000L, soc.MaxAgeMs);
            Assert.AreEqual(-1, soc.Bus);
            Assert.IsTrue(soc.IsSentinel(254));
            Assert.IsFalse(soc.IsSentinel(253));
            Assert.AreEqual("BMS_SoC.SoC", soc.SignalName);

            SignalMapping current = map.Get(map.FindFirst(0x191, false));
            Check.Near(-2047, current.Signal.Offset, 0, "decimal id 401 = 0x191, offset");

            SignalMapping moto = map.Get(map.FindFirst(0x594, false));
            Assert.IsTrue(moto.Signal.IsMotorola);

            SignalMapping ext = map.Get(map.FindFirst(0x17332510, true));
            Assert.IsTrue(ext.Signal.IsExtended);
            Assert.IsTrue(ext.Signal.IsMultiplexed);
            Assert.AreEqual(3u, ext.Signal.MuxValue);
            Check.Near(-1, ext.Scale, 0, "scale");
            Check.Near(5, ext.Add, 0, "add");
            Assert.AreEqual(-1, map.FindFirst(0x17332510, false), "standard id with the same number is another key");
        }

        [TestMethod]
        public void FindFirst_should_group_mappings_of_one_id_in_file_order_when_ids_repeat()
        {
            SignalMap map = SignalMapLoader.Load(EGolfLikeMap);
            int first = map.FindFirst(0x596, false);
            Assert.AreEqual(3, map.CountFor(0x596, false));
            Assert.AreEqual(InputId.BatteryTempMinC, map.Get(first).Input);
            Assert.AreEqual(CombineMode.Min, map.Get(first).Combine);
            Assert.AreEqual(56, map.Get(first + 2).Signal.StartBit);
            Assert.AreEqual(2, map.CountFor(0x191, false));
            Assert.AreEqual(-1, map.FindFirst(0x123, false));
            Assert.AreEqual(0, map.CountFor(0x7FF, false));
            for (int i = 1; i < map.Count; i++)
            {
                Assert.IsTrue(map.KeyAt(i - 1) <= map.KeyAt(i), "sorted");
            }
        }

        private static void AssertError(string text, int expectedLine, string reasonPart)
        {
            SignalMap map;
            SignalMapError error;
            Assert.IsFalse(SignalMapLoader.TryLoad(text, out map, out error), "should fail: " + text);
            Assert.IsNull(map);
            Assert.AreEqual(expectedLine, error.Line, error.ToString());
            Assert.IsTrue(error.Reason.IndexOf(reasonPart) >= 0, "reason '" + error.Reason + "' should mention '" + reasonPart + "'");
        }

        [TestMethod]
        public void TryLoad_should_name_line_and_reason_when_a_line_is_bad()
        {
            const string good = "input=soc_pct id=0x131 start=24 len=8\n";
            AssertError(good + "# c\ninput=soc_pct id=0x131 start=24 len=8 colour=red\n", 3, "unknown key 'colour'");
            AssertError(good + "input=soc_pct id=0x131 start=24\n", 2, "missing len=");
            AssertError(good + "input=fuel_l id=0x131 start=24 len=8\n", 2, "unknown input 'fuel_l'");
            AssertError(good + "input=soc_pct id=0x13G start=24 len=8\n", 2, "id='0x13G' is not an integer");
            AssertError(good + "input=soc_pct id=0x800 start=24 len=8\n", 2, "out of range for 11-bit");
            AssertError(good + "input=soc_pct id=0x131 start=60 len=8\n", 2, "does not fit");
            AssertError(good + "input=soc_pct id=0x131 start=60 len=8 order=motorola\n", 2, "does not fit");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 order=big\n", 2, "order must be");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 factor=0,5\n", 2, "factor='0,5' is not a number");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 factor=0\n", 2, "must not be 0");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 min=5 max=1\n", 2, "min > max");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 sentinel=256\n", 2, "sentinel '256'");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 start=0\n", 2, "duplicate key 'start'");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 combine=median\n", 2, "combine must be");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 mux_start=0\n", 2, "go together");
            AssertError(good + "input=soc_pct id=0x131 start=24 len=8 orphan\n", 2, "expected key=value");
            AssertError("# only comments\n\n", 3, "no mappings");
        }

        [TestMethod]
        public void Load_should_throw_with_line_in_message_when_map_is_bad()
        {
            Check.Throws(typeof(SignalMapFormatException), () => SignalMapLoader.Load("input=soc_pct\n"), "bad map");
            bool thrown = false;
            try
            {
                SignalMapLoader.Load("profile=x\ninput=soc_pct id=1 start=0 len=99\n");
            }
            catch (SignalMapFormatException ex)
            {
                thrown = true;
                Assert.AreEqual(2, ex.Error.Line);
                Assert.IsTrue(ex.Message.IndexOf("line 2") == 0, ex.Message);
            }

            Assert.IsTrue(thrown, "thrown");
        }

        [TestMethod]
        public void TextNumber_should_parse_decimal_hex_and_exponent_without_culture()
        {
            long l;
            Assert.IsTrue(TextNumber.TryParseLong("0x1FFFFFFF", out l));
            Assert.AreEqual(0x1FFFFFFFL, l);
            Assert.IsTrue(TextNumber.TryParseLong("-42", out l));
            Assert.AreEqual(-42L, l);
            Assert.IsFalse(TextNumber.TryParseLong("-0x10", out l));
            Assert.IsFalse(TextNumber.TryParseLong("99999999999999999999", out l), "overflow");
            double d;
            Assert.IsTrue(TextNumber.TryParseDouble("0.002778", out d));
            Assert.AreEqual(0.002778, d);
            Assert.IsTrue(TextNumber.TryParseDouble("-1.5E-3", out d));
            Assert.AreEqual(-0.0015, d);
            Assert.IsTrue(TextNumber.TryParseDouble("355.1", out d));
            Assert.AreEqual(355.1, d);
            Assert.IsFalse(TextNumber.TryParseDouble("1.2.3", out d));
            Assert.IsFalse(TextNumber.TryParseDouble(".", out d));
            ulong u;
            Assert.IsTrue(TextNumber.TryParseULong("0xFFFFFFFFFFFFFFFF", out u));
            Assert.AreEqual(ulong.MaxValue, u);
        }
    }
}
