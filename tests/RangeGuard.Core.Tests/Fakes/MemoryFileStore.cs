using RangeGuard.Ports;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>Files as byte arrays (at most 4 names), with hooks to cut power: truncate, flip a byte, fail writes.</summary>
    public sealed class MemoryFileStore : IFileStore
    {
        private readonly string[] _names = { string.Empty, string.Empty, string.Empty, string.Empty };
        private readonly byte[][] _data = { new byte[0], new byte[0], new byte[0], new byte[0] };
        private readonly int[] _length = new int[4];

        /// <summary>Appends left before writes throw (negative: never).</summary>
        public int AppendsUntilFailure = -1;

        /// <summary>File length after every append, in order (record boundaries).</summary>
        public int[] AppendEnds = new int[4096];
        public int AppendCount;

        public int Length(string name)
        {
            int i = Find(name);
            return i < 0 ? -1 : _length[i];
        }

        public int Read(string name, int offset, byte[] buffer, int index, int count)
        {
            int i = Find(name);
            if (i < 0)
            {
                throw new System.IO.IOException("no file " + name);
            }

            int n = _length[i] - offset < count ? _length[i] - offset : count;
            if (n <= 0)
            {
                return 0;
            }

            System.Array.Copy(_data[i], offset, buffer, index, n);
            return n;
        }

        public void Append(string name, byte[] data, int index, int count)
        {
            if (AppendsUntilFailure == 0)
            {
                throw new System.IO.IOException("storage failed");
            }

            if (AppendsUntilFailure > 0)
            {
                AppendsUntilFailure--;
            }

            int i = Find(name);
            if (i < 0)
            {
                i = Create(name);
            }

            if (_length[i] + count > _data[i].Length)
            {
                byte[] grown = new byte[(_length[i] + count) * 2];
                System.Array.Copy(_data[i], grown, _length[i]);
                _data[i] = grown;
            }

            System.Array.Copy(data, index, _data[i], _length[i], count);
            _length[i] += count;
            if (AppendCount < AppendEnds.Length)
            {
                AppendEnds[AppendCount++] = _length[i];
            }
        }

        public void Delete(string name)
        {
            int i = Find(name);
            if (i >= 0)
            {
                _names[i] = string.Empty;
                _data[i] = null;
                _length[i] = 0;
            }
        }

        /// <summary>A copy of a file's bytes (null when missing).</summary>
        public byte[] Snapshot(string name)
        {
            int i = Find(name);
            if (i < 0)
            {
                return null;
            }

            byte[] copy = new byte[_length[i]];
            System.Array.Copy(_data[i], copy, _length[i]);
            return copy;
        }

        /// <summary>Replaces a file with the first <paramref name="length"/> bytes of <paramref name="bytes"/>.</summary>
        public void Put(string name, byte[] bytes, int length)
        {
            Delete(name);
            int i = Create(name);
            _data[i] = new byte[length < 1 ? 1 : length];
            System.Array.Copy(bytes, _data[i], length);
            _length[i] = length;
        }

        private int Create(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i].Length == 0)
                {
                    _names[i] = name;
                    _data[i] = new byte[256];

                    _length[i] = 0;
                    return i;
                }
            }

            throw new System.IO.IOException("too many files");
        }

        private int Find(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
