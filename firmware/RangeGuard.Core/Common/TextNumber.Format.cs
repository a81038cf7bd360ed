namespace RangeGuard.Common
{
    /// <summary>
    /// Number formatting by integer arithmetic, never the runtime's ToString: nanoFramework prints doubles with 17 digits,
    /// prints very large ones wrongly and throws on "R", so text built with ToString differs between device and host.
    /// The same IEEE operations on both sides give the same digits here.
    /// </summary>
    public static partial class TextNumber
    {
        /// <summary>Largest scaled magnitude written as fixed point (below 2^53, so the integer is exact).</summary>
        public const double MaxFixedUnits = 9.0e15;

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>Decimal integer, '-' for negatives (long.MinValue included).</summary>
        public static void AppendLong(TextBuffer b, long value)
        {
            if (value >= 0 && value <= int.MaxValue)
            {
                b.AppendDigits((int)value, 0);   // most numbers: one call
                return;
            }

            if (value < 0)
            {
                b.Append('-');
                AppendULong(b, (ulong)(-(value + 1)) + 1UL);
                return;
            }

            AppendULong(b, (ulong)value);
        }

        /// <summary>Unsigned decimal integer.</summary>
        public static void AppendULong(TextBuffer b, ulong value)
        {
            // 32-bit arithmetic where the value fits (cheaper on the interpreter); above 31 bits one division splits off
            // the last nine digits.
            if (value > int.MaxValue)
            {
                ulong high = value / 1000000000UL;
                AppendULong(b, high);
                b.AppendDigits((int)(value - high * 1000000000UL), 100000000);
                return;
            }

            int v = (int)value;
            int p = 1;
            while (v / p >= 10)
            {
                p *= 10;
            }

            b.AppendDigits(v, p);
        }

        /// <summary>
        /// Fixed point with exactly <paramref name="decimals"/> (0..9) digits after the point, rounded half to even on the
        /// scaled value; no '-' when it rounds to zero. False, nothing written, for NaN, infinities and values whose
        /// scaled magnitude exceeds <see cref="MaxFixedUnits"/>.
        /// </summary>
        public static bool AppendFixed(TextBuffer b, double value, int decimals)
        {
            // IsNaN first: the interpreter's comparisons are not reliable for NaN. Infinities are told apart only on the
            // slow path below (each test is a native call; an infinity is not below 2^31 either).
            if (double.IsNaN(value))
            {
                return false;
            }

            decimals = decimals < 0 ? 0 : (decimals > 9 ? 9 : decimals);
            int scale = 1;   // a loop, not a table: a static table is heap kept for good on the device
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            double magnitude = (value <= 0.0 ? 0.0 - value : value) * scale;   // DMath.Abs, without its call

            // Below 2^31 (every number a message carries) DMath.Round and the integer part written out, in int arithmetic:
            // the same digits with a third of the calls, each a stack frame on the interpreter.
            if (magnitude < 2147483647.0)
            {
                int whole = (int)magnitude;   // the floor: magnitude >= 0
                double diff = magnitude - whole;
                int units = diff > 0.5 || (diff == 0.5 && whole % 2 != 0) ? whole + 1 : whole;   // half to even
                if (value < 0 && units != 0)
                {
                    b.Append('-');
                }

                // Integer part, '.', fraction in one call (each a stack frame on the interpreter).
                b.AppendFixedDigits(units / scale, units % scale, scale / 10);
                return true;
            }

            if (double.IsInfinity(value))
            {
                return false;
            }

            double scaled = DMath.Round(magnitude);
            if (scaled > MaxFixedUnits)
            {
                return false;
            }

            long unitsLong = (long)scaled;
            if (value < 0 && unitsLong != 0)
            {
                b.Append('-');
            }

            AppendLong(b, unitsLong / scale);
            if (decimals > 0)
            {
                b.Append('.');
                // The fraction is below scale ≤ 10^9: 32-bit arithmetic.
                b.AppendDigits((int)(unitsLong % scale), scale / 10);
            }

            return true;
        }

        /// <summary>Fixed point as a string ("NaN", "Infinity", "-Infinity"; scientific when too large). Allocates.</summary>
        public static string Fixed(double value, int decimals)
        {
            TextBuffer b = new TextBuffer(40);
            if (!AppendFixed(b, value, decimals))
            {
                AppendGeneral(b, value);
            }

            return b.ToString();
        }

        /// <summary>Up to 6 significant digits, trailing zeros dropped; scientific below 1e-4 and from 1e15. Allocates.</summary>
        public static string General(double value)
        {
            TextBuffer b = new TextBuffer(24);
            AppendGeneral(b, value);
            return b.ToString();
        }

        /// <summary>Up to 6 significant digits for messages: "12.5", "-0.001", "1.5e+20", "NaN", "Infinity".</summary>
        public static void AppendGeneral(TextBuffer b, double value)
        {
            if (double.IsNaN(value))
            {
                b.Append("NaN");
                return;
            }

            if (double.IsInfinity(value))
            {
                b.Append(value > 0 ? "Infinity" : "-Infinity");
                return;
            }

            double a = DMath.Abs(value);
            if (a == 0)
            {
                b.Append('0');
                return;
            }

            int e10 = Decade(a);
            if (e10 >= -4 && e10 < 15)
            {
                int decimals = 5 - e10;
                AppendTrimmed(b, value, decimals < 0 ? 0 : decimals);
                return;
            }

            // Scientific: mantissa in [1, 10) with 5 decimals; rounding up to 10 moves to the next decade.
            double m = e10 >= -290 ? a / DMath.Pow10(e10) : a * DMath.Pow10(300) / DMath.Pow10(e10 + 300);
            if (DMath.Round(m * 1e5) >= 1e6)
            {
                m /= 10.0;
                e10++;
            }

            AppendTrimmed(b, value < 0 ? -m : m, 5);
            b.Append(e10 < 0 ? "e-" : "e+");
            AppendLong(b, e10 < 0 ? -e10 : e10);
        }

        /// <summary>16 upper-case hex digits of the IEEE 754 bits: exact for every double, NaN and -0 included.</summary>
        public static void AppendBits(TextBuffer b, double value)
        {
            AppendHex(b, (ulong)System.BitConverter.DoubleToInt64Bits(value), 16);
        }

        /// <summary>The low <paramref name="digits"/> hex digits (upper case, leading zeros kept).</summary>
        public static void AppendHex(TextBuffer b, ulong value, int digits)
        {
            for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            {
                b.Append(HexDigits[checked((int)((value >> shift) & 0xFUL))]);
            }
        }

        /// <summary>Reads what <see cref="AppendBits"/> wrote: exactly 16 hex digits.</summary>
        public static bool TryParseBits(string s, out double value)
        {
            value = 0;
            if (s == null || s.Length != 16)
            {
                return false;
            }

            ulong bits = 0;
            for (int i = 0; i < 16; i++)
            {
                int d = DigitValue(s[i]);
                if (d < 0)
                {
                    return false;
                }

                bits = (bits << 4) | (uint)d;
            }

            value = System.BitConverter.Int64BitsToDouble(Bits.ToInt64(bits));
            return true;
        }

        /// <summary>The power of ten of a positive finite number: 10^d &lt;= a &lt; 10^(d+1) (within rounding of Pow10).</summary>
        private static int Decade(double a)
        {
            if (a < 1e-290)
            {
                return Decade(a * 1e300) - 300;   // 10^-n overflows its divisor below 1e-308
            }

            int d = 0;
            if (a >= 1.0)
            {
                while (d < 308 && a >= DMath.Pow10(d + 1))
                {
                    d++;
                }
            }
            else
            {
                while (a < DMath.Pow10(d))
                {
                    d--;
                }
            }

            return d;
        }

        private static void AppendTrimmed(TextBuffer b, double value, int decimals)
        {
            int start = b.Length;
            AppendFixed(b, value, decimals);
            if (decimals == 0)
            {
                return;
            }

            int end = b.Length;
            while (end > start && b[end - 1] == '0')
            {
                end--;
            }

            if (end > start && b[end - 1] == '.')
            {
                end--;
            }

            b.Truncate(end);
        }
    }
}
