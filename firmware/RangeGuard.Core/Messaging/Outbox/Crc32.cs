namespace RangeGuard.Messaging.Outbox
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, the zip/PNG one: reflected polynomial 0xEDB88320), a nibble at a time: a 16-entry table
    /// (84 bytes on the device's heap, where the byte-wise 256-entry one kept 1 KB for a few short records per alert).
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] s_table = Build();

        public static uint Compute(byte[] data, int index, int count)
        {
            uint[] t = s_table;
            uint crc = 0xFFFFFFFFu;
            for (int i = index; i < index + count; i++)
            {
                crc ^= data[i];
                crc = t[crc & 0xF] ^ (crc >> 4);
                crc = t[crc & 0xF] ^ (crc >> 4);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] Build()
        {
            uint[] t = new uint[16];
            for (uint n = 0; n < 16; n++)
            {
                uint c = n;
                for (int k = 0; k < 4; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                t[n] = c;
            }

            return t;
        }
    }
}
