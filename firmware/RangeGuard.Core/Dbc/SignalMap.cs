namespace RangeGuard.Dbc
{
    /// <summary>
    /// A vehicle profile: mappings sorted by CAN id so a frame finds its signals by binary search
    /// (no hashing, no allocation per frame).
    /// </summary>
    public sealed class SignalMap
    {
        private readonly SignalMapping[] _mappings;
        private readonly uint[] _keys;

        /// <param name="mappings">Any order; kept stable within one id (file order).</param>
        /// <param name="profileName">Name from the map's profile= line, or null.</param>
        public SignalMap(SignalMapping[] mappings, string profileName)
        {
            ProfileName = profileName;
            _mappings = new SignalMapping[mappings.Length];
            _keys = new uint[mappings.Length];
            for (int i = 0; i < mappings.Length; i++)
            {
                // Stable insertion sort: maps are tens of lines, sorted once at load.
                uint key = mappings[i].Key;
                int j = i;
                while (j > 0 && _keys[j - 1] > key)
                {
                    _keys[j] = _keys[j - 1];
                    _mappings[j] = _mappings[j - 1];
                    j--;
                }

                _keys[j] = key;
                _mappings[j] = mappings[i];
            }
        }

        /// <summary>Builds a map from the first <paramref name="count"/> entries of an array (load time only).</summary>
        public static SignalMap FromArray(SignalMapping[] mappings, int count, string profileName)
        {
            SignalMapping[] array = new SignalMapping[count];
            for (int i = 0; i < count; i++)
            {
                array[i] = mappings[i];
            }

            return new SignalMap(array, profileName);
        }

        public string ProfileName { get; private set; }

        public int Count
        {
            get { return _mappings.Length; }
        }

        /// <summary>The i-th mapping in id order (by value).</summary>
        public SignalMapping Get(int index)
        {
            return _mappings[index];
        }

        /// <summary>Key of the i-th mapping (see <see cref="MakeKey"/>).</summary>
        public uint KeyAt(int index)
        {
            return _keys[index];
        }

        /// <summary>The lookup keys in mapping order, for the dispatcher's loop (no call per mapping).</summary>
        internal uint[] Keys
        {
            get { return _keys; }
        }

        /// <summary>Direct access for the dispatcher, so it can pass elements by ref without copying.</summary>
        internal SignalMapping[] Mappings
        {
            get { return _mappings; }
        }

        /// <summary>Lookup key: the id, with bit 31 set for a 29-bit id (as DBC files write them).</summary>
        public static uint MakeKey(uint id, bool isExtended)
        {
            return isExtended ? (id | 0x80000000u) : id;
        }

        /// <summary>Index of the first mapping of the id, or -1; its siblings follow while KeyAt matches.</summary>
        public int FindFirst(uint id, bool isExtended)
        {
            uint key = MakeKey(id, isExtended);
            int lo = 0;
            int hi = _keys.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_keys[mid] < key)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo < _keys.Length && _keys[lo] == key ? lo : -1;
        }

        /// <summary>Number of mappings for the id.</summary>
        public int CountFor(uint id, bool isExtended)
        {
            int first = FindFirst(id, isExtended);
            if (first < 0)
            {
                return 0;
            }

            uint key = _keys[first];
            int n = 0;
            while (first + n < _keys.Length && _keys[first + n] == key)
            {
                n++;
            }

            return n;
        }

        /// <summary>Index of the first mapping that feeds the input, or -1.</summary>
        public int FindInput(int input)
        {
            for (int i = 0; i < _mappings.Length; i++)
            {
                if (_mappings[i].Input == input)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
