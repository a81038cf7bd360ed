namespace RangeGuard.Messaging.Outbox
{
    /// <summary>CRC-32 (IEEE 802.3, the zip/PNG one: reflected polynomial 0xEDB88320), table-driven.</summary>
    public static class Crc32
    {
        private static readonly uint[] s_table = Build();

        public static uint Compute(byte[] data, int index, int count)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = index; i < index + count; i++)
            {
                crc = s_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] Build()
        {
            uint[] t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                t[n] = c;
            }

            return t;
        }
    }
}
