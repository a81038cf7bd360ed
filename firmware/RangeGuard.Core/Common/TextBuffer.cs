namespace RangeGuard.Common
{
    /// <summary>
    /// Fixed-capacity text builder over one char array, in place of StringBuilder (a separate nanoFramework package).
    /// Appending never allocates; only <see cref="ToString"/> makes the string. Text beyond the capacity is dropped and
    /// <see cref="Overflowed"/> set, so a caller can refuse a truncated message instead of sending it.
    /// </summary>
    public sealed class TextBuffer
    {
        private readonly char[] _chars;
        private int _length;
        private bool _overflowed;

        public TextBuffer(int capacity)
        {
            _chars = new char[capacity > 0 ? capacity : 1];
        }

        public int Length { get { return _length; } }

        public int Capacity { get { return _chars.Length; } }

        /// <summary>Characters that still fit (Capacity - Length in one call).</summary>
        public int Free { get { return _chars.Length - _length; } }

        /// <summary>
        /// The storage, for a user that needs a char buffer only while this one holds nothing of value (the command reader
        /// decodes strings in the JSON writer's buffer: the loop never reads and writes JSON at the same time).
        /// </summary>
        internal char[] Storage { get { return _chars; } }

        /// <summary>True when something did not fit since the last <see cref="Clear"/>.</summary>
        public bool Overflowed { get { return _overflowed; } }

        public void Clear()
        {
            _length = 0;
            _overflowed = false;
        }

        public char this[int index]
        {
            get { return _chars[index]; }
        }

        public void Append(char c)
        {
            if (_length < _chars.Length)
            {
                _chars[_length++] = c;
            }
            else
            {
                _overflowed = true;
            }
        }

        /// <summary>Appends a string; null appends nothing.</summary>
        public void Append(string s)
        {
            if (s == null)
            {
                return;
            }

            // On nanoFramework a string is UTF-8: Length and s[i] each count characters from the start (native calls), so
            // the length is read once and the characters go straight into the array.
            char[] chars = _chars;
            int length = _length;
            int n = s.Length;
            int fit = chars.Length - length;
            if (n > fit)
            {
                n = fit;
                _overflowed = true;
            }

            for (int i = 0; i < n; i++)
            {
                chars[length++] = s[i];
            }

            _length = length;
        }

        /// <summary>
        /// <paramref name="before"/> (unless '\0'), '"', <paramref name="s"/>, '"' and <paramref name="after"/>, in one call: the
        /// shape of every JSON member name, where five calls cost more than the characters on the interpreter.
        /// </summary>
        public void AppendQuoted(char before, string s, char after)
        {
            AppendQuoted(before, s, s.Length, after);
        }

        /// <summary>As <see cref="AppendQuoted(char, string, char)"/> with the length of <paramref name="s"/> already known (n = s.Length).</summary>
        internal void AppendQuoted(char before, string s, int n, char after)
        {
            char[] chars = _chars;
            int length = _length;
            if (length + n + (before != '\0' ? 4 : 3) > chars.Length)
            {
                // Not room for all: piece by piece, truncating as those do.
                if (before != '\0')
                {
                    Append(before);
                }

                Append('"');
                Append(s);
                Append('"');
                Append(after);
                return;
            }

            if (before != '\0')
            {
                chars[length++] = before;
            }

            chars[length++] = '"';
            for (int i = 0; i < n; i++)
            {
                chars[length++] = s[i];
            }

            chars[length++] = '"';
            chars[length++] = after;
            _length = length;
        }

        /// <summary>Up to five characters in one call (<paramref name="c4"/> '\0': four), for JSON's true, false and null.</summary>
        internal void AppendChars(char c0, char c1, char c2, char c3, char c4)
        {
            int n = c4 == '\0' ? 4 : 5;
            if (_length + n > _chars.Length)
            {
                Append(c0);
                Append(c1);
                Append(c2);
                Append(c3);
                if (n == 5)
                {
                    Append(c4);
                }

                return;
            }

            char[] chars = _chars;
            int length = _length;
            chars[length++] = c0;
            chars[length++] = c1;
            chars[length++] = c2;
            chars[length++] = c3;
            if (n == 5)
            {
                chars[length++] = c4;
            }

            _length = length;
        }

        /// <summary>
        /// The decimal digits of <paramref name="value"/> (0 ≤ value &lt; 10·<paramref name="place"/>) from the place
        /// <paramref name="place"/> (a power of ten) down, leading zeros included; place 0: all digits of value ≥ 0, no
        /// leading zeros. For TextNumber, here so that a digit costs no call on the interpreter.
        /// </summary>
        internal void AppendDigits(int value, int place)
        {
            if (place == 0)
            {
                place = 1;
                while (value / place >= 10)
                {
                    place *= 10;
                }
            }

            char[] chars = _chars;
            int length = _length;
            for (; place > 0; place /= 10)
            {
                if (length == chars.Length)
                {
                    _overflowed = true;
                    break;
                }

                chars[length++] = (char)('0' + value / place);
                value %= place;
            }

            _length = length;
        }

        /// <summary>
        /// <paramref name="integer"/> (≥ 0, no leading zeros), then unless <paramref name="fractionPlace"/> is 0 a '.' and
        /// <paramref name="fraction"/> from that place down (leading zeros kept): a fixed-point number's digits in one call.
        /// </summary>
        internal void AppendFixedDigits(int integer, int fraction, int fractionPlace)
        {
            int place = 1;
            while (integer / place >= 10)
            {
                place *= 10;
            }

            char[] chars = _chars;
            int length = _length;
            if (length + 12 + 10 > chars.Length)
            {
                // Near the end: digit by digit, truncating as those do.
                AppendDigits(integer, place);
                if (fractionPlace > 0)
                {
                    Append('.');
                    AppendDigits(fraction, fractionPlace);
                }

                return;
            }

            for (; place > 0; place /= 10)
            {
                chars[length++] = (char)('0' + integer / place);
                integer %= place;
            }

            if (fractionPlace > 0)
            {
                chars[length++] = '.';
                for (; fractionPlace > 0; fractionPlace /= 10)
                {
                    chars[length++] = (char)('0' + fraction / fractionPlace);
                    fraction %= fractionPlace;
                }
            }

            _length = length;
        }

        /// <summary>Decimal integer, '-' for negatives.</summary>
        public void Append(long value)
        {
            TextNumber.AppendLong(this, value);
        }

        /// <summary>Shortens the text to <paramref name="length"/> characters (for trimming trailing zeros).</summary>
        public void Truncate(int length)
        {
            if (length >= 0 && length < _length)
            {
                _length = length;
            }
        }

        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }
    }
}
