namespace RangeGuard.Common
{
    /// <summary>
    /// Two's-complement reinterpretation done with arithmetic, not casts. On the nanoFramework interpreter an unchecked
    /// (long)ulong or (int)uint cast emits no instruction, so the value keeps its unsigned type tag: a later conversion to
    /// float or a signed shift then reads it as unsigned (-10 becomes 1.8e19). Subtracting from a signed constant, and
    /// checked conversions of values known to fit, produce genuinely signed values on the device and on .NET alike.
    /// </summary>
    public static class Bits
    {
        /// <summary>The 64 bits as a signed long (0xFFFFFFFFFFFFFFF6 gives -10).</summary>
        public static long ToInt64(ulong bits)
        {
            if ((bits & 0x8000000000000000UL) == 0)
            {
                return checked((long)bits);   // fits: conv.ovf.i8.un retypes it as signed
            }

            return -1L - checked((long)~bits);   // ~bits < 2^63; -1 - (2^64 - 1 - bits) = bits - 2^64
        }

        /// <summary>The 32 bits as a signed int.</summary>
        public static int ToInt32(uint bits)
        {
            if ((bits & 0x80000000u) == 0)
            {
                return checked((int)bits);
            }

            return -1 - checked((int)~bits);
        }

        /// <summary>Two's complement of the low <paramref name="length"/> bits (1..64) as a signed long.</summary>
        public static long SignExtend(ulong raw, int length)
        {
            ulong mask = length >= 64 ? ulong.MaxValue : (1UL << length) - 1UL;
            raw &= mask;
            ulong signBit = 1UL << (length - 1);
            return ToInt64((raw & signBit) != 0 ? raw | ~mask : raw);
        }
    }
}
