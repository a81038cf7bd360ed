namespace RangeGuard.Dbc
{
    /// <summary>
    /// What <see cref="SignalDispatcher"/> works out once per map so that decoding a frame on the interpreter needs no call
    /// and no search: per mapping a layout (an int whose bits say how to cut its field out of the payload), and a table
    /// that takes an id straight to its first mapping. Same results as <see cref="SignalCodec.Decode"/> and
    /// <see cref="SignalMap.FindFirst"/> (tests/RangeGuard.Core.Tests/Dbc/SignalDispatcherFastPathTests.cs).
    /// </summary>
    internal static class SignalLayout
    {
        // A layout: bits 0-3 the bytes the frame must have, bit 4 Motorola (read from the byte-swapped word), bit 5 signed,
        // bits 6-11 and 12-17 the left and right shifts that leave the field's bits alone in the word, bit 18 set for a
        // field SignalCodec.Decode handles (multiplexed, malformed, signed 64-bit), bit 19 set when the mapping's value is
        // the physical value itself (IsPlainCopy), bits 20-30 the number of mappings of the id from this one on (0 if more
        // than fit).
        public const int Bytes = 15;
        public const int Motorola = 16;
        public const int Signed = 32;
        public const int LeftShift = 6;
        public const int RightShift = 12;
        public const int General = 1 << 18;
        public const int PlainCopy = 1 << 19;
        public const int RunShift = 20;
        public const int MaxRun = 2047;

        /// <summary>Fibonacci hashing: the top bits of key * 2^32/phi spread ids that differ anywhere.</summary>
        public const uint HashFactor = 0x9E3779B1u;

        /// <summary>
        /// The layout of a plain field that fits in 8 bytes, or <see cref="General"/> (multiplexed, malformed, or signed
        /// 64-bit) for SignalCodec.Decode: the field's bits are (word &lt;&lt; left) &gt;&gt; (64 - length), where the word
        /// is the payload for Intel and the byte-swapped payload for Motorola.
        /// </summary>
        public static int Of(ref SignalDef signal)
        {
            int start = signal.StartBit;
            int length = signal.Length;
            bool motorola = signal.IsMotorola;
            if (signal.IsMultiplexed || !SignalCodec.Fits(start, length, motorola, 8) || (signal.IsSigned && length == 64))
            {
                return General;
            }

            int left = motorola ? SignalCodec.MotorolaMsbPosition(start) : 64 - start - length;
            int layout = SignalCodec.BytesNeeded(start, length, motorola) | (left << LeftShift) | ((64 - length) << RightShift);
            if (motorola)
            {
                layout |= Motorola;
            }

            if (signal.IsSigned)
            {
                layout |= Signed;
            }

            return layout;
        }

        /// <summary>
        /// True when physical * Scale + Add is physical bit for bit: Scale 1 and Add 0 change nothing but a -0 (into +0),
        /// and physical = decoded * Factor + Offset is -0 only when Offset is -0 (a sum of two numbers is -0 only then).
        /// </summary>
        public static bool IsPlainCopy(ref SignalMapping mapping)
        {
            float offset = mapping.Signal.Offset;
            return mapping.Scale == 1f && mapping.Add == 0f && !(offset == 0f && System.BitConverter.DoubleToInt64Bits(offset) < 0);
        }

        /// <summary>
        /// For sorted keys: the smallest table (up to 8 slots per id) in which every id has a slot of its own, holding the
        /// index of its first mapping + 1 at (key * HashFactor) &gt;&gt; <paramref name="shift"/>; or null (also for maps
        /// of 255 mappings or more, whose indexes a byte cannot hold).
        /// </summary>
        public static byte[] IdSlots(uint[] keys, out int shift)
        {
            shift = 0;
            int ids = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                {
                    ids++;
                }
            }

            if (ids == 0 || keys.Length >= 255)
            {
                return null;
            }

            for (int bits = 1; (1 << bits) <= 8 * ids; bits++)
            {
                if ((1 << bits) < ids)
                {
                    continue;
                }

                byte[] slots = new byte[1 << bits];
                bool separate = true;
                for (int i = 0; i < keys.Length && separate; i++)
                {
                    if (i > 0 && keys[i] == keys[i - 1])
                    {
                        continue;
                    }

                    uint slot = (keys[i] * HashFactor) >> (32 - bits);
                    separate = slots[slot] == 0;
                    slots[slot] = (byte)(i + 1);
                }

                if (separate)
                {
                    shift = 32 - bits;
                    return slots;
                }
            }

            return null;
        }
    }
}
