using System.Collections;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [System.AttributeUsage(System.AttributeTargets.Class)]
    public class TestClassAttribute : System.Attribute
    {
    }

    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class TestMethodAttribute : System.Attribute
    {
    }

    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class SetupAttribute : System.Attribute
    {
    }

    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class CleanupAttribute : System.Attribute
    {
    }

    [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : System.Attribute
    {
        public DataRowAttribute(params object[] methodParameters) => throw null;
        public object[] MethodParameters => throw null;
    }

    public class SkipTestException : System.Exception
    {
        public SkipTestException(string message = null, System.Exception innerException = null) => throw null;
    }

    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(System.DateTime expected, System.DateTime actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(System.DateTime notExpected, System.DateTime actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw null;
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw null;
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void IsInstanceOfType(object value, System.Type expected, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void IsNotInstanceOfType(object value, System.Type notExpected, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void ThrowsException(System.Type exception, System.Action action, [CallerArgumentExpression("action")] string message = "") => throw null;
        public static void SkipTest(string message = null) => throw null;
    }

    public sealed class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw null;
        public static void AreNotEqual(ICollection expected, ICollection actual, string message = "") => throw null;
        public static void Empty(ICollection collection, string message = "") => throw null;
        public static void NotEmpty(ICollection collection, string message = "") => throw null;
    }

    public static class OutputHelper
    {
        public static void Write(string message) => throw null;
        public static void WriteLine(string message) => throw null;
    }
}
