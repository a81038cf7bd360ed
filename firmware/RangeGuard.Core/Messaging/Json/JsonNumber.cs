namespace RangeGuard.Messaging.Json
{
    /// <summary>
    /// Converts the text of a JSON number (already checked against the JSON grammar) to a double with plain double
    /// arithmetic, so the device and the host get the same bits: correctly rounded for up to 15 significant digits and
    /// exponents within ±22 (every value a command carries); within a few ulps beyond, and values within a few ulps of
    /// double.MaxValue may be refused as out of range. Isolated here so a shared number parser (Common/) can replace it.
    /// </summary>
    public static class JsonNumber
    {
        /// <summary>Parses bytes [start, start + length); false for a value outside the double range.</summary>
        public static bool TryParse(byte[] data, int start, int length, out double value)
        {
            value = 0;
            int i = start;
            int end = start + length;
            bool negative = i < end && data[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            ulong mantissa = 0;
            int digits = 0;
            int exponent = 0;
            for (; i < end && IsDigit(data[i]); i++)
            {
                Accumulate(data[i], ref mantissa, ref digits, ref exponent, false);
            }

            if (i < end && data[i] == (byte)'.')
            {
                for (i++; i < end && IsDigit(data[i]); i++)
                {
                    Accumulate(data[i], ref mantissa, ref digits, ref exponent, true);
                }
            }

            if (i < end && (data[i] == (byte)'e' || data[i] == (byte)'E'))
            {
                i++;
                bool expNegative = false;
                if (i < end && (data[i] == (byte)'+' || data[i] == (byte)'-'))
                {
                    expNegative = data[i] == (byte)'-';
                    i++;
                }

                int e = 0;
                for (; i < end && IsDigit(data[i]); i++)
                {
                    if (e < 100000)
                    {
                        e = e * 10 + (data[i] - (byte)'0');
                    }
                }

                exponent += expNegative ? -e : e;
            }

            double result;
            if (mantissa == 0)
            {
                result = 0;
            }
            else if (exponent > 308 + 20)
            {
                return false;
            }
            else if (exponent < -(324 + 20))
            {
                result = 0;
            }
            else if (exponent >= 0)
            {
                result = mantissa * RangeGuard.Common.DMath.Pow10(exponent);
            }
            else if (exponent >= -300)
            {
                // Dividing by an exact power of ten (not multiplying by an inexact 10^-n) keeps 0.1 correctly rounded.
                result = mantissa / RangeGuard.Common.DMath.Pow10(-exponent);
            }
            else
            {
                result = mantissa / RangeGuard.Common.DMath.Pow10(300) / RangeGuard.Common.DMath.Pow10(-exponent - 300);
            }

            if (double.IsInfinity(result))
            {
                return false;
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>Parses an integer token (no fraction, no exponent); false when it does not fit a long.</summary>
        public static bool TryParseLong(byte[] data, int start, int length, out long value)
        {
            value = 0;
            int i = start;
            int end = start + length;
            bool negative = i < end && data[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            if (i >= end)
            {
                return false;
            }

            ulong acc = 0;
            for (; i < end; i++)
            {
                if (!IsDigit(data[i]))
                {
                    return false;
                }

                ulong next = acc * 10 + (ulong)(data[i] - (byte)'0');
                if (acc > 922337203685477580UL || next > 9223372036854775807UL)
                {
                    return false;
                }

                acc = next;
            }

            long magnitude = RangeGuard.Common.Bits.ToInt64(acc); // acc < 2^63; no cast: nanoCLR keeps the unsigned tag
            value = negative ? -magnitude : magnitude;
            return true;
        }

        private static void Accumulate(byte digit, ref ulong mantissa, ref int digits, ref int exponent, bool fraction)
        {
            if (digits == 0 && digit == (byte)'0')
            {
                // Leading zeros carry no precision.
                if (fraction)
                {
                    exponent--;
                }

                return;
            }

            if (digits < 19)
            {
                mantissa = mantissa * 10 + (ulong)(digit - (byte)'0');
                digits++;
                if (fraction)
                {
                    exponent--;
                }
            }
            else if (!fraction)
            {
                // Beyond 19 significant digits: keep the magnitude, drop the digit.
                exponent++;
            }
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }
    }
}
