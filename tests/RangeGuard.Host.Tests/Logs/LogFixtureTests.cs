using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Host.Logs;

namespace RangeGuard.Host.Tests.Logs
{
    /// <summary>The readers on the real fixture logs; expected numbers from tests/fixtures/can and its upstream notes.</summary>
    [TestClass]
    public class LogFixtureTests
    {
        internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "can", name);

        internal const string KonaPowerCycle = "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv.gz";
        internal const string KonaNoKey = "221217-1-2021-pcan-bcan-no-key.csv";

        private static (List<CanLogEntry> Entries, CanLogReader Reader) ReadAll(string name)
        {
            var entries = CanLogReader.ReadFile(Fixture(name), out CanLogReader reader).ToList();
            return (entries, reader);
        }

        [TestMethod]
        public void Crtd_fixture_should_give_20_frames_with_the_documented_id_counts()
        {
            var (entries, reader) = ReadAll("kcan-synthetic.crtd");
            Assert.AreEqual(CanLogFormat.Crtd, reader.Format);
            Assert.AreEqual(20, entries.Count);
            Assert.AreEqual(20, reader.Frames);
            Assert.AreEqual(19, reader.SkippedLines, "19 '#' header lines");
            Assert.AreEqual(0, reader.MalformedLines);
            Assert.AreEqual(0, reader.TimeBackSteps);

            int Count(uint id, byte bus) => entries.Count(e => e.Frame.Id == id && e.Frame.Bus == bus);
            Assert.AreEqual(3, Count(0x131, 3));
            Assert.AreEqual(3, Count(0x191, 3));
            Assert.AreEqual(5, Count(0x0FD, 3));
            Assert.AreEqual(3, Count(0x187, 2), "gear selector on FCAN, bus 2");
            Assert.AreEqual(2, Count(0x486, 3));
            Assert.AreEqual(2, Count(0x583, 3));
            Assert.AreEqual(1, Count(0x594, 3));
            Assert.AreEqual(1, Count(0x2AF, 3));

            // First line: 1705316400.050000 3R11 131 00 00 00 79 00 00 00 00 (SoC byte d[3] = 0x79).
            CanLogEntry first = entries[0];
            Assert.AreEqual(20, first.LineNumber);
            Assert.AreEqual(1705316400050000L, first.TimestampUs);
            Assert.AreEqual(1705316400050L, first.Frame.TimestampMs);
            Assert.AreEqual(0x131u, first.Frame.Id);
            Assert.IsFalse(first.Frame.IsExtended);
            Assert.AreEqual((byte)8, first.Frame.Length);
            Assert.AreEqual((byte)0x79, first.Frame.GetByte(3));

            // 0x191 00 F0 7F 8C 05 00 00 00, little-endian packed.
            Assert.AreEqual(0x058C7FF000UL, entries.First(e => e.Frame.Id == 0x191).Frame.Data);
            Assert.AreEqual(1705316401000L, entries[^1].Frame.TimestampMs);
        }

        [TestMethod]
        public void Kona_power_cycle_log_should_give_39546_frames_and_1845_back_steps()
        {
            var (entries, reader) = ReadAll(KonaPowerCycle);
            Assert.AreEqual(CanLogFormat.GvretCsv, reader.Format);
            Assert.AreEqual(39546, entries.Count);
            Assert.AreEqual(0, reader.MalformedLines);
            Assert.AreEqual(1845, reader.TimeBackSteps);
            Assert.AreEqual(1, reader.SkippedLines, "the header row");

            // Second row: 1953613800,00000200,false,0,8,00,80,66,00,00,C0,D0,00 (Range 0x66 * 2 = 204 km).
            CanLogEntry range = entries.First(e => e.Frame.Id == 0x200);
            Assert.AreEqual(3, range.LineNumber);
            Assert.AreEqual(1953613800L, range.TimestampUs);
            Assert.AreEqual(1953613L, range.Frame.TimestampMs);
            Assert.AreEqual((byte)0, range.Frame.Bus);
            Assert.AreEqual((byte)8, range.Frame.Length);
            Assert.AreEqual(0x00D0C00000668000UL, range.Frame.Data);

            Assert.AreEqual(1084, entries.Count(e => e.Frame.Id == 0x200 && e.Frame.Bus == 0));
            Assert.AreEqual(70, entries.Count(e => e.Frame.Id == 0x595 && e.Frame.Bus == 0));
            Assert.AreEqual(108, entries.Count(e => e.Frame.Id == 0x595 && e.Frame.Bus == 1), "same id on CCAN");
            Assert.AreEqual(11, entries.Count(e => e.Frame.Id == 0x5D0));
            Assert.AreEqual(0, entries.Count(e => e.Frame.IsExtended));

            // Last row: 1964453900,000004F1,false,1,4,00,00,64,A0.
            CanLogEntry last = entries[^1];
            Assert.AreEqual(0x4F1u, last.Frame.Id);
            Assert.AreEqual((byte)1, last.Frame.Bus);
            Assert.AreEqual((byte)4, last.Frame.Length);
            Assert.AreEqual(0xA0640000UL, last.Frame.Data);
            Assert.AreEqual(39547, last.LineNumber);
        }

        [TestMethod]
        public void Kona_no_key_log_should_give_14294_frames_and_1029_back_steps()
        {
            var (entries, reader) = ReadAll(KonaNoKey);
            Assert.AreEqual(14294, entries.Count);
            Assert.AreEqual(0, reader.MalformedLines);
            Assert.AreEqual(1029, reader.TimeBackSteps);
            Assert.AreEqual(28, entries.Count(e => e.Frame.Id == 0x5D0 && e.Frame.Bus == 0));
            Assert.AreEqual(1386, entries.Count(e => e.Frame.Id == 0x450 && e.Frame.Bus == 0));
            Assert.AreEqual(0, entries.Count(e => e.Frame.Id == 0x200), "the car never powers up");

            // First row: 303004300,00000450,false,0,3,00,C2,05 (LEN 3: only D1..D3 present).
            Assert.AreEqual(303004300L, entries[0].TimestampUs);
            Assert.AreEqual((byte)3, entries[0].Frame.Length);
            Assert.AreEqual(0x05C200UL, entries[0].Frame.Data);
        }

        [TestMethod]
        public void Candump_fixture_should_read_good_lines_skip_error_frames_and_report_bad_ones()
        {
            var (entries, reader) = ReadAll("sample-candump.log");
            Assert.AreEqual(CanLogFormat.Candump, reader.Format);
            Assert.AreEqual(7, entries.Count);
            Assert.AreEqual(1, reader.SkippedLines, "error frame 20000080");
            Assert.AreEqual(4, reader.MalformedLines);
            Assert.AreEqual(1, reader.TimeBackSteps, "line 7 is 3.5 ms earlier than line 5");
            CollectionAssert.AreEqual(new[] { 8, 9, 10, 11 }, reader.Errors.Select(e => e.LineNumber).ToArray());
            StringAssert.Contains(reader.Errors[0].ToString(), "sample-candump.log:8: id: 0x800 is above the 11-bit maximum 0x7FF");
            Assert.AreEqual("data", reader.Errors[1].Field);
            StringAssert.Contains(reader.Errors[2].Reason, "CAN FD");
            Assert.AreEqual("timestamp", reader.Errors[3].Field);

            CanFrame f = entries[0].Frame;
            Assert.AreEqual(1436509052249713L, entries[0].TimestampUs);
            Assert.AreEqual(0x123u, f.Id);
            Assert.AreEqual((byte)4, f.Length);
            Assert.AreEqual(0xEFBEADDEUL, f.Data);

            f = entries[1].Frame;
            Assert.IsTrue(f.IsExtended);
            Assert.AreEqual(0x12345678u, f.Id);
            Assert.AreEqual(0x0807060504030201UL, f.Data);

            Assert.AreEqual((byte)1, entries[2].Frame.Bus);
            Assert.AreEqual((byte)0, entries[2].Frame.Length);
            Assert.IsTrue(entries[3].Frame.IsRemote);
            Assert.AreEqual((byte)0, entries[3].Frame.Length);
            Assert.IsTrue(entries[4].Frame.IsRemote && entries[4].Frame.IsExtended);
            Assert.AreEqual((byte)4, entries[4].Frame.Length);
            Assert.AreEqual((byte)1, entries[4].Frame.Bus, "vcan1");

            // 0x0FD 00 00 00 00 E8 03 00 00: speed raw 1000 at bytes 4-5.
            Assert.AreEqual(0x03E8UL, (entries[5].Frame.Data >> 32) & 0xFFFF);
            Assert.AreEqual(0x332211UL, entries[6].Frame.Data, "dot-separated bytes");
        }
    }
}
