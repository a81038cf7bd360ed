#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Ports;

namespace RangeGuard.Tests.Can
{
    /// <summary>Helpers for the SLCAN tests: ASCII bytes, frame comparison, a scripted byte link.</summary>
    internal static class SlcanTestSupport
    {
        /// <summary>
        /// The chars as bytes; '␀' (U+2400) stands for a NUL byte, because a string literal cannot carry U+0000 to the
        /// device: nanoFramework strings end at the first NUL (hardware-docs/portable-code.md).
        /// </summary>
        public static byte[] Ascii(string s)
        {
            byte[] bytes = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                bytes[i] = s[i] == NulStandIn ? (byte)0 : (byte)s[i];
            }

            return bytes;
        }

        /// <summary>Written in test input where the byte 0x00 is meant (see <see cref="Ascii"/>).</summary>
        public const char NulStandIn = '\u2400';

        public static string AsciiOf(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }

        public static CanFrame MakeFrame(uint id, bool extended, bool remote, byte length, ulong data)
        {
            var f = new CanFrame();
            f.Id = id;
            f.IsExtended = extended;
            f.IsRemote = remote;
            f.Length = length;
            f.Data = data;
            f.TimestampMs = -1;
            return f;
        }

        public static void AssertSameFrame(CanFrame expected, CanFrame actual, string what)
        {
            Assert.AreEqual(expected.Id, actual.Id, what + " id");
            Assert.AreEqual(expected.IsExtended, actual.IsExtended, what + " extended");
            Assert.AreEqual(expected.IsRemote, actual.IsRemote, what + " remote");
            Assert.AreEqual(expected.Length, actual.Length, what + " length");
            Assert.AreEqual(expected.Data, actual.Data, what + " data");
        }
    }

    /// <summary>Collects frames in arrival order (test sink; growth is fine here).</summary>
    internal sealed class FrameList : ICanFrameSink
    {
        private CanFrame[] _frames = new CanFrame[16];

        public int Count { get; private set; }

        public CanFrame this[int index]
        {
            get { return _frames[index]; }
        }

        public void OnCanFrame(ref CanFrame frame)
        {
            if (Count == _frames.Length)
            {
                var bigger = new CanFrame[_frames.Length * 2];
                System.Array.Copy(_frames, bigger, _frames.Length);
                _frames = bigger;
            }

            _frames[Count++] = frame;
        }
    }

    /// <summary>A byte link that serves queued input chunks one per Read and records everything written.</summary>
    internal sealed class ScriptedLink : IByteLink
    {
        private readonly System.Collections.ArrayList _chunks = new System.Collections.ArrayList();
        private int _chunkOffset;
        private byte[] _written = new byte[256];

        public int WrittenCount { get; private set; }

        public void Queue(string ascii)
        {
            _chunks.Add(SlcanTestSupport.Ascii(ascii));
        }

        public void QueueBytes(byte[] bytes)
        {
            _chunks.Add(bytes);
        }

        public string Written
        {
            get { return SlcanTestSupport.AsciiOf(_written, 0, WrittenCount); }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (_chunks.Count == 0)
            {
                return 0;
            }

            var chunk = (byte[])_chunks[0];
            int n = chunk.Length - _chunkOffset;
            if (n > count)
            {
                n = count;
            }

            System.Array.Copy(chunk, _chunkOffset, buffer, offset, n);
            _chunkOffset += n;
            if (_chunkOffset == chunk.Length)
            {
                _chunks.RemoveAt(0);
                _chunkOffset = 0;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            while (WrittenCount + count > _written.Length)
            {
                var bigger = new byte[_written.Length * 2];
                System.Array.Copy(_written, bigger, WrittenCount);
                _written = bigger;
            }

            System.Array.Copy(buffer, offset, _written, WrittenCount, count);
            WrittenCount += count;
        }
    }
}
