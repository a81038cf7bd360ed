using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// One small document kept across reboots in two files of an <see cref="IFileStore"/> ("name.0", "name.1"), written in
    /// turn: <c>A6 generation(4) length(4) bytes CRC-32(4)</c> in one append to a freshly deleted file. The newest file whose
    /// record is whole and whose CRC matches wins, so a power cut during a save leaves the previous copy.
    /// </summary>
    public sealed class StateSlots
    {
        private const byte Magic = 0xA6;
        private const int Overhead = 13;

        private readonly IFileStore _files;
        private readonly string _a;
        private readonly string _b;
        private readonly int _maxBytes;
        private int _generation;
        private bool _lastWasA;

        public StateSlots(IFileStore files, string name, int maxBytes)
        {
            _files = files;
            _a = name + ".0";
            _b = name + ".1";
            _maxBytes = maxBytes;
        }

        /// <summary>The newest whole copy (length in <paramref name="length"/>), or null when there is none.</summary>
        public byte[] Load(out int length)
        {
            int genA, genB, lenA, lenB;
            byte[] a = Read(_a, out genA, out lenA);
            byte[] b = Read(_b, out genB, out lenB);
            bool useA = a != null && (b == null || genA >= genB);
            _generation = genA > genB ? genA : genB;
            _lastWasA = useA;
            length = useA ? lenA : (b != null ? lenB : 0);
            byte[] data = useA ? a : b;
            if (data == null)
            {
                return null;
            }

            byte[] copy = new byte[length];
            System.Array.Copy(data, 9, copy, 0, length);
            return copy;
        }

        /// <summary>Writes a new copy into the older file (storage errors propagate: the caller counts them).</summary>
        public void Save(byte[] data, int length)
        {
            if (length > _maxBytes)
            {
                throw new System.ArgumentException("state of " + length.ToString() + " bytes is over " + _maxBytes.ToString());
            }

            byte[] bytes = new byte[length + Overhead];
            int gen = _generation + 1;
            bytes[0] = Magic;
            WriteInt(bytes, 1, gen);
            WriteInt(bytes, 5, length);
            System.Array.Copy(data, 0, bytes, 9, length);
            WriteInt(bytes, 9 + length, RangeGuard.Common.Bits.ToInt32(Crc32.Compute(bytes, 1, 8 + length)));
            string target = _lastWasA ? _b : _a;
            _files.Delete(target);
            _files.Append(target, bytes, 0, bytes.Length);
            _generation = gen;
            _lastWasA = !_lastWasA;
        }

        private byte[] Read(string file, out int generation, out int length)
        {
            generation = 0;
            length = 0;
            int size = _files.Length(file);
            if (size < Overhead || size > _maxBytes + Overhead)
            {
                return null;
            }

            byte[] data = new byte[size];
            int got = 0;
            while (got < size)
            {
                int n = _files.Read(file, got, data, got, size - got);
                if (n <= 0)
                {
                    return null;
                }

                got += n;
            }

            int len = ReadInt(data, 5);
            if (data[0] != Magic || len < 0 || len + Overhead != size || (uint)ReadInt(data, 9 + len) != Crc32.Compute(data, 1, 8 + len))
            {
                return null;
            }

            generation = ReadInt(data, 1);
            length = len;
            return data;
        }

        private static void WriteInt(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        private static int ReadInt(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }
    }
}
