using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// The size model against the real metadata processor (nanoframework/metadata-processor v3.0.100): the figures below
    /// are what it wrote into the .pe for <see cref="Sample"/> compiled with the same settings (see
    /// hardware-docs/testing-on-device.md for how they were taken).
    /// </summary>
    [TestClass]
    public sealed class PeSizesTests
    {
        /// <summary>A switch, try/catch/finally, a loop long enough for long branches, calls, fields, literals.</summary>
        public const string Sample = @"
namespace Calib
{
    public sealed class Sample
    {
        private int _count;
        private static readonly string[] Names = { ""alpha"", ""beta"" };

        public int Step(int x)
        {
            switch (x)
            {
                case 0: _count++; break;
                case 1: _count += 2; break;
                case 2: _count = 0; break;
                default: return -1;
            }

            try
            {
                if (x > 100) throw new System.ArgumentException(""too big"");
            }
            catch (System.ArgumentException)
            {
                _count = -5;
            }
            finally
            {
                _count++;
            }

            long total = 0;
            for (int i = 0; i < 200; i++)
            {
                total += i * 3L + Names[i & 1].Length + Helper(i, 1e10, 2.5f);
                total ^= total << 3;
                total += (total >> 7) * 31 + 1234567;
                total -= total / 1000003 + (total % 97) * 1001;
                total += total * 13 - 7 + i * 17 * i;
                total ^= (total >> 11) + (total << 5) + 17;
                total += (total % 3 == 0) ? 11 : 19;
                total -= (total & 255) * 7 + 12345;
            }

            return (int)total + _count;
        }

        private static int Helper(int i, double d, float f) { return i + (int)(d / 1e9) + (int)f; }
    }
}";

        [TestMethod]
        public void Measure_should_give_the_metadata_processors_byte_code_size_when_code_has_switch_try_and_long_branches()
        {
            PeSizes s = PeSizes.Measure(new NanoCompiler().Emit("Calib", new[] { ("Calib.cs", Sample) }));

            Assert.AreEqual(334, s.ByteCode, "ByteCode table of Calib.pe");
            Assert.AreEqual(360, s.RawIl, ".NET IL of the same methods");
        }

        [TestMethod]
        public void Measure_should_not_undercount_strings_when_compared_with_the_metadata_processor()
        {
            PeSizes s = PeSizes.Measure(new NanoCompiler().Emit("Calib", new[] { ("Calib.cs", Sample) }));

            // Calib.pe's string table: "", Calib, Sample, Step, Helper, Names, "too big", alpha, beta = 51 bytes.
            Assert.IsTrue(s.Strings >= 51 && s.Strings <= 100, "strings " + s.Strings);
        }

        [TestMethod]
        public void Measure_should_count_a_literal_once_in_utf8_when_it_is_used_twice()
        {
            var c = new NanoCompiler();
            const string Before = "public static class K { public static string S() { return \"x\"; } }";
            const string After = "public static class K { public static string S() { return \"x\"; } "
                + "public static string T() { return \"x\"; } public static string U() { return \"\u00e9\u00e9\u00e9\u00e9\u00e9\"; } }";
            PeSizes before = PeSizes.Measure(c.Emit("A", new[] { ("a.cs", Before) }));
            PeSizes after = PeSizes.Measure(c.Emit("A", new[] { ("a.cs", After) }));

            // ldstr + ret = 4 bytes of byte code per method; "x" again costs nothing, "ééééé" 10 UTF-8 bytes + 1,
            // the names T and U 2 bytes each.
            Assert.AreEqual(before.ByteCode + 8, after.ByteCode);
            Assert.AreEqual(before.Strings + 11 + 4, after.Strings);
        }
    }
}
