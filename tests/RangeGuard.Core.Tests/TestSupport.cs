// Shared by MSTest (host) and nanoFramework.TestFramework (device): only the asserts both have, no Assert.Fail,
// no instance state (nanoFramework never instantiates test classes).
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace RangeGuard.Tests
{
    /// <summary>Assert helpers that work the same under both test frameworks.</summary>
    public static class Check
    {
        /// <summary>A string array with every entry set (unset entries of a new string[] are not null on nanoCLR).</summary>
        public static string[] Strings(int length)
        {
            string[] a = new string[length];
            for (int i = 0; i < length; i++)
            {
                a[i] = null;
            }

            return a;
        }

        /// <summary>Delegate for code expected to throw (System.Action is fine too; this reads better in call sites).</summary>
        public delegate void Code();

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            double diff = actual - expected;
            if (diff < 0)
            {
                diff = -diff;
            }

            Assert.IsTrue(diff <= tolerance, what + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", got " + actual.ToString());
        }

        public static void Throws(System.Type exceptionType, Code code, string what)
        {
            try
            {
                code();
            }
            catch (System.Exception ex)
            {
                Assert.IsTrue(ex.GetType() == exceptionType, what + ": expected " + exceptionType.Name + ", got " + ex.GetType().Name + ": " + ex.Message);
                return;
            }

            Assert.IsTrue(false, what + ": expected " + exceptionType.Name + ", nothing was thrown");
        }
    }
}
