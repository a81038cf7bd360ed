using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Logs;

namespace RangeGuard.Host.Tests.Logs
{
    /// <summary>Reader edge cases on small inline logs.</summary>
    [TestClass]
    public class LogReaderTests
    {
        private static CanLogEntry[] Read(CanLogReader reader, string text) => reader.Read(new StringReader(text)).ToArray();

        [TestMethod]
        public void Gvret_should_find_columns_by_name_with_Dir_column_and_trailing_commas()
        {
            var reader = new GvretCsvReader("dir.csv");
            var entries = Read(reader,
                "Time Stamp,ID,Extended,Dir,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8\r\n" +
                "1000,00000123,false,Rx,0,2,AB,CD,\r\n" +
                "1500,18DAF110,true,Tx,1,8,01,02,03,04,05,06,07,08,\r\n" +
                "1200,0x7FF,False,Rx,2,0,\r\n");
            Assert.AreEqual(3, entries.Length);
            Assert.AreEqual(0, reader.MalformedLines);
            Assert.AreEqual(1, reader.TimeBackSteps, "1200 after 1500");
            Assert.AreEqual(0xCDABUL, entries[0].Frame.Data);
            Assert.AreEqual(1000L, entries[0].TimestampUs);
            Assert.AreEqual(1L, entries[0].Frame.TimestampMs);
            Assert.IsTrue(entries[1].Frame.IsExtended);
            Assert.AreEqual(0x18DAF110u, entries[1].Frame.Id);
            Assert.AreEqual((byte)1, entries[1].Frame.Bus);
            Assert.AreEqual(0x7FFu, entries[2].Frame.Id);
            Assert.AreEqual((byte)2, entries[2].Frame.Bus);
        }

        [TestMethod]
        public void Gvret_should_count_each_bad_row_with_its_line_and_field()
        {
            var reader = new GvretCsvReader("bad.csv");
            var entries = Read(reader,
                "Time Stamp,ID,Extended,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8\n" +
                "1.5,00000123,false,0,0\n" +        // 2 Time Stamp
                "10,00000800,false,0,0\n" +          // 3 ID range
                "11,0000012G,false,0,0\n" +          // 4 ID hex
                "12,00000123,maybe,0,0\n" +          // 5 Extended
                "13,00000123,false,x,0\n" +          // 6 Bus
                "14,00000123,false,0,9\n" +          // 7 LEN
                "15,00000123,false,0,3,01,02\n" +    // 8 D3 missing
                "16,00000123,false,0,1,1FF\n" +      // 9 D1 not a byte
                "17,00000123,false,0,1,7F\n");       // 10 good
            Assert.AreEqual(1, entries.Length);
            Assert.AreEqual(8, reader.MalformedLines);
            CollectionAssert.AreEqual(new[] { "Time Stamp", "ID", "ID", "Extended", "Bus", "LEN", "D3", "D1" }, reader.Errors.Select(e => e.Field).ToArray());
            CollectionAssert.AreEqual(new[] { 2, 3, 4, 5, 6, 7, 8, 9 }, reader.Errors.Select(e => e.LineNumber).ToArray());
            Assert.AreEqual("bad.csv:8: D3: missing for LEN 3", reader.Errors[6].ToString());
        }

        [TestMethod]
        public void Gvret_should_report_a_missing_header_column_once_per_row_without_throwing()
        {
            var reader = new GvretCsvReader("nohdr.csv");
            var entries = Read(reader, "Time Stamp,ID,Bus,LEN\n1,00000123,0,0\n");
            Assert.AreEqual(0, entries.Length);
            Assert.AreEqual(2, reader.MalformedLines);
            StringAssert.Contains(reader.Errors[0].Reason, "column 'Extended' missing");
        }

        [TestMethod]
        public void Crtd_should_read_extended_and_busless_records_and_skip_other_types()
        {
            var reader = new CrtdReader("x.crtd");
            var entries = Read(reader,
                "# comment\n" +
                "1705316400.05 1R29 18FEF100 01 02\n" +
                "1705316400.060000 R11 7DF\n" +
                "1705316400.070000 3CER error 0x1234\n" +
                "1705316400.080000 CXX free text\n" +
                "1705316400.090000 2T11 0FD AA\n" +
                "1705316400.100000 3R11 800 00\n" +
                "1705316400.110000 3R11 123 00 01 02 03 04 05 06 07 08\n" +
                "1705316400.120000 3R11 123 0G\n" +
                "17053164x0.13 3R11 123\n" +
                "1705316400.140000\n");
            Assert.AreEqual(3, entries.Length);
            Assert.AreEqual(3, reader.SkippedLines, "comment, CER, CXX");
            Assert.AreEqual(5, reader.MalformedLines);
            CollectionAssert.AreEqual(new[] { "id", "data", "data", "timestamp", "record" }, reader.Errors.Select(e => e.Field).ToArray());
            Assert.IsTrue(entries[0].Frame.IsExtended);
            Assert.AreEqual(0x18FEF100u, entries[0].Frame.Id);
            Assert.AreEqual(1705316400050000L, entries[0].TimestampUs, "short fraction padded");
            Assert.AreEqual((byte)1, entries[1].Frame.Bus, "no bus number means bus 1");
            Assert.AreEqual((byte)0, entries[1].Frame.Length);
            Assert.AreEqual((byte)2, entries[2].Frame.Bus, "transmitted frames are bus traffic too");
        }

        [TestMethod]
        public void Readers_should_keep_at_most_MaxErrors_errors_but_count_all()
        {
            var reader = new CandumpLogReader("many.log") { MaxErrors = 10 };
            var text = new StringBuilder();
            for (int i = 0; i < 150; i++)
            {
                text.Append("garbage ").Append(i).Append('\n');
            }

            text.Append("(1.000001) can0 001#00\n");
            var entries = Read(reader, text.ToString());
            Assert.AreEqual(1, entries.Length);
            Assert.AreEqual(151, entries[0].LineNumber);
            Assert.AreEqual(150, reader.MalformedLines);
            Assert.AreEqual(10, reader.Errors.Count);
            Assert.AreEqual(1000001L, entries[0].TimestampUs);
        }

        [TestMethod]
        public void FormatFromPath_should_know_the_extensions_and_ignore_gz()
        {
            Assert.AreEqual(CanLogFormat.GvretCsv, CanLogReader.FormatFromPath("a/b.csv.gz"));
            Assert.AreEqual(CanLogFormat.Crtd, CanLogReader.FormatFromPath("x.CRTD"));
            Assert.AreEqual(CanLogFormat.Candump, CanLogReader.FormatFromPath("candump-2024.log"));
            Assert.IsNull(CanLogReader.FormatFromPath("x.txt"));
            Assert.ThrowsExactly<System.ArgumentException>(() => CanLogReader.ReadFile("x.txt", out _));
        }
    }
}
