using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Portable
{
    /// <summary>
    /// The rules of hardware-docs/portable-code.md that a compile cannot see, checked over the portable core and the shared
    /// tests (both run on the device). Each rule also has a bad sample it must catch and a fixed sample it must pass.
    /// </summary>
    [TestClass]
    public class PortableSourceCheckTests
    {
        [TestMethod]
        public void Core_and_shared_tests_should_follow_the_portable_rules()
        {
            var sources = PortableSourceChecker.Folders(RepoRoot(), "firmware/RangeGuard.Core", "tests/RangeGuard.Core.Tests").ToList();
            Assert.IsTrue(sources.Count > 100, "found the sources (" + sources.Count + ")");
            var findings = PortableSourceChecker.Check(sources);
            Assert.AreEqual(0, findings.Count, string.Join(Environment.NewLine, findings));
        }

        [TestMethod]
        public void Array_rule_should_catch_a_string_array_read_before_it_is_filled()
        {
            const string bad = @"class A { int M() { string[] v = new string[4]; return v[0] == null ? 1 : 0; } }";
            AssertCaught(PortableSourceChecker.ArrayDefault, bad);

            const string good = @"class A {
                readonly object[] _slots = new object[3];
                A() { for (int i = 0; i < _slots.Length; i++) { _slots[i] = new object(); } }
                int M() { string[] v = new string[4]; for (int k = 0; k < v.Length; k++) { v[k] = null; } int[] n = new int[2];
                          string[] w = { ""a"" }; return v.Length + n.Length + w.Length; } }";
            AssertClean(good);
        }

        [TestMethod]
        public void Array_rule_should_not_accept_a_loop_before_the_creation_or_over_another_array()
        {
            AssertCaught(PortableSourceChecker.ArrayDefault,
                @"class A { void M(string[] other) { for (int i = 0; i < 2; i++) { other[i] = null; } string[] v = new string[2]; } }");
            AssertCaught(PortableSourceChecker.ArrayDefault, @"class A { string[] M() { return new string[3]; } }");
        }

        [TestMethod]
        public void Cast_rule_should_catch_unsigned_to_signed_reinterpretation_of_the_same_width()
        {
            AssertCaught(PortableSourceChecker.UnsignedCast, @"class A { long M(ulong raw) { return (long)raw; } }");
            AssertCaught(PortableSourceChecker.UnsignedCast, @"class A { int M(uint raw) { return (int)(raw | 1u); } }");
            AssertCaught(PortableSourceChecker.UnsignedCast, @"class A { short M(ushort raw) { return (short)raw; } }");
            AssertClean(@"class A {
                long M(ulong raw, uint u, long s) { return checked((long)(raw >> 1)) + (long)u + (int)(raw & 7UL) + (int)0xFFFFFFFFu; } }");
        }

        [TestMethod]
        public void Nan_rule_should_catch_negated_float_comparisons()
        {
            AssertCaught(PortableSourceChecker.NegatedNaN, @"class A { bool M(float x) { return !(x >= 0f); } }");
            AssertCaught(PortableSourceChecker.NegatedNaN, @"class A { bool M(double x, double y) { return !((x < y)); } }");
            AssertClean(@"class A { bool M(float x, int i) { return float.IsNaN(x) || x < 0f || !(i >= 0) || !(x == 1f); } }");
        }

        [TestMethod]
        public void Format_rule_should_catch_round_trip_formats()
        {
            AssertCaught(PortableSourceChecker.RoundTripFormat, @"class A { string M(double x) { return x.ToString(""R""); } }");
            AssertCaught(PortableSourceChecker.RoundTripFormat, @"class A { string M(double x) { return string.Format(""{0:R}"", x); } }");
            AssertClean(@"class A { string M(int x) { return x.ToString(""D2"") + ""R""; } }");
        }

        [TestMethod]
        public void Nul_rule_should_catch_nul_characters_in_string_literals()
        {
            AssertCaught(PortableSourceChecker.NulInString, "class A { string M() { return \"a\\u0000b\"; } }");
            AssertCaught(PortableSourceChecker.NulInString, "class A { string M() { return \"\\0\"; } }");
            AssertCaught(PortableSourceChecker.NulInString, "class A { string M(int i) { return $\"x\\0{i}\"; } }");
            AssertClean("class A { bool M(char c) { return c == '\\0' || \"\\u2400\".Length == 1; } }");
        }

        private static void AssertCaught(string rule, string code)
        {
            var findings = PortableSourceChecker.Check(new[] { ("sample.cs", code) });
            Assert.IsTrue(findings.Any(f => f.Rule == rule), "expected " + rule + " in: " + code + Environment.NewLine
                + "found: " + string.Join("; ", findings));
        }

        private static void AssertClean(string code)
        {
            var findings = PortableSourceChecker.Check(new[] { ("sample.cs", code) });
            Assert.AreEqual(0, findings.Count, string.Join(Environment.NewLine, findings));
        }

        private static string RepoRoot()
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "RangeGuard.sln")))
                {
                    return d.FullName;
                }
            }

            throw new DirectoryNotFoundException("RangeGuard.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
