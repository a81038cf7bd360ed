namespace RangeGuard.Common
{
    /// <summary>
    /// Culture-free number parsing (maps, configs, saved state): the same result on the device and the host,
    /// without NumberStyles (absent on nanoFramework) or the runtimes' own parsers (.NET takes "1,500", nanoFramework's
    /// strtod takes "0x1A"). Never throws. Formatting is in TextNumber.Format.cs.
    /// </summary>
    public static partial class TextNumber
    {
        /// <summary>Decimal or 0x-prefixed hex integer, optional leading '-' (decimal only).</summary>
        public static bool TryParseLong(string s, out long value)
        {
            value = 0;
            bool negative;
            int i = SignPrefix(s, out negative);
            if (i < 0)
            {
                return false;
            }

            bool hex = s.Length > i + 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
            if (hex)
            {
                if (negative)
                {
                    return false;
                }

                i += 2;
            }

            if (i >= s.Length)
            {
                return false;
            }

            ulong acc = 0;
            for (; i < s.Length; i++)
            {
                int digit = DigitValue(s[i]);
                int radix = hex ? 16 : 10;
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                if (acc > (0x7FFFFFFFFFFFFFFFUL - (ulong)digit) / (ulong)radix)
                {
                    return false;   // beyond long.MaxValue
                }

                acc = acc * (ulong)radix + (ulong)digit;
            }

            long magnitude = Bits.ToInt64(acc);   // not (long)acc: see Bits
            value = negative ? -magnitude : magnitude;
            return true;
        }

        /// <summary>Unsigned 64-bit: decimal or 0x hex (sentinels may use all 64 bits).</summary>
        public static bool TryParseULong(string s, out ulong value)
        {
            value = 0;
            if (s == null || s.Length == 0 || s[0] == '-')
            {
                return false;
            }

            bool hex = s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
            int radix = hex ? 16 : 10;
            int i = hex ? 2 : 0;
            ulong acc = 0;
            for (; i < s.Length; i++)
            {
                int digit = DigitValue(s[i]);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                if (acc > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                {
                    return false;   // beyond ulong.MaxValue
                }

                acc = acc * (ulong)radix + (ulong)digit;
            }

            value = acc;
            return true;
        }

        /// <summary>
        /// Decimal number: [-+]digits[.digits][e[-+]digits]. No hex, no NaN/Infinity. The first 19 significant digits are
        /// kept exactly (integer accumulation), then scaled once by an exact power of ten where possible, so numbers of up
        /// to 15 digits with a decimal exponent within ±22 are correctly rounded; all others differ from the nearest
        /// double by a few ulps at most, identically on the device and the host.
        /// </summary>
        public static bool TryParseDouble(string s, out double value)
        {
            value = 0;
            bool negative;
            int i = SignPrefix(s, out negative);
            if (i < 0)
            {
                return false;
            }

            ulong mantissa = 0;
            int kept = 0, digits = 0, exponent = 0;
            bool dot = false;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '.' && !dot)
                {
                    dot = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    break;
                }

                digits++;
                if (kept < 19)
                {
                    if (mantissa != 0 || c != '0')
                    {
                        kept++;
                    }

                    mantissa = mantissa * 10UL + (ulong)(c - '0');
                    exponent -= dot ? 1 : 0;
                }
                else
                {
                    exponent += dot ? 0 : 1;   // digits past the 19th only shift the decimal point
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                long e;
                if (!TryParseLong(s.Substring(i + 1), out e) || e > 400 || e < -400)
                {
                    return false;
                }

                exponent += (int)e;
                i = s.Length;
            }

            if (i != s.Length)
            {
                return false;
            }

            // Dividing by an exact power of ten keeps short decimals such as 0.1 correctly rounded (not Math.Pow: float on the device).
            double m = (double)mantissa;
            double result;
            if (exponent >= 0)
            {
                result = m * DMath.Pow10(exponent);
            }
            else if (exponent >= -300)
            {
                result = m / DMath.Pow10(-exponent);
            }
            else
            {
                result = m / DMath.Pow10(300) / DMath.Pow10(-exponent - 300);   // 1e-300..1e-400: no early underflow
            }

            value = negative ? -result : result;
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>Length of an optional leading sign (0 or 1), or -1 for a null or empty string.</summary>
        private static int SignPrefix(string s, out bool negative)
        {
            negative = false;
            if (s == null || s.Length == 0)
            {
                return -1;
            }

            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                return 1;
            }

            return 0;
        }
    }
}
