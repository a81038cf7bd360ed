namespace RangeGuard.Messaging.Json
{
    /// <summary>
    /// Pull parser over UTF-8 bytes: one token per <see cref="Read"/>, strict JSON (RFC 8259), bounded nesting and string
    /// length, no reflection. Reading allocates nothing: names are compared in place (<see cref="NameIs"/>) and a string is
    /// only built when asked (<see cref="GetString"/>). The first problem stops the reader with <see cref="Error"/>,
    /// naming the byte offset and what was expected.
    /// </summary>
    public sealed class JsonReader
    {
        private const int ExpectRootValue = 0;
        private const int ExpectValue = 1;
        private const int ExpectValueOrEnd = 2;
        private const int ExpectNameOrEnd = 3;
        private const int ExpectName = 4;
        private const int ExpectCommaOrEnd = 5;
        private const int ExpectEndOfDocument = 6;
        private const int MaxNumberLength = 40;

        private readonly bool[] _isObject;
        private readonly char[] _chars;
        private readonly int _maxChars;
        private char[] _decoded;
        private byte[] _data;
        private int _length;
        private int _pos;
        private int _depth;
        private int _expect;
        private int _token;
        private int _tokenStart;
        private int _tokenLength;
        private bool _hasEscapes;
        private int _charCount;
        private bool _isInteger;

        /// <param name="maxDepth">Deepest nesting of objects and arrays accepted.</param>
        /// <param name="maxStringChars">Longest string (in UTF-16 chars) accepted; also the size of the decode buffer.</param>
        public JsonReader(int maxDepth, int maxStringChars) : this(maxDepth, maxStringChars, null)
        {
        }

        /// <param name="scratch">
        /// Decode buffer to borrow (null: one of <paramref name="maxStringChars"/> of its own). Its contents matter only
        /// within one <see cref="GetString"/> or <see cref="NameIs"/>; a string longer than it is decoded into a buffer
        /// allocated for that string.
        /// </param>
        public JsonReader(int maxDepth, int maxStringChars, char[] scratch)
        {
            _isObject = new bool[maxDepth < 1 ? 1 : maxDepth];
            _maxChars = maxStringChars < 1 ? 1 : maxStringChars;
            _chars = scratch != null ? scratch : new char[_maxChars];
        }

        public int MaxDepth
        {
            get { return _isObject.Length; }
        }

        public int MaxStringChars
        {
            get { return _maxChars; }
        }

        /// <summary>The current token (a <see cref="JsonToken"/> constant).</summary>
        public int Token
        {
            get { return _token; }
        }

        /// <summary>Open objects and arrays around the reader (1 inside the root object).</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Byte offset of the current token.</summary>
        public int TokenOffset
        {
            get { return _tokenStart; }
        }

        /// <summary>For a number token: true when it has no fraction and no exponent.</summary>
        public bool IsInteger
        {
            get { return _isInteger; }
        }

        /// <summary>Why the reader stopped (with the byte offset), or null.</summary>
        public string Error { get; private set; }

        public int ErrorOffset { get; private set; }

        /// <summary>Starts reading <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        public void Reset(byte[] data, int length)
        {
            _data = data;
            _length = data == null ? 0 : (length < data.Length ? length : data.Length);
            _pos = 0;
            _depth = 0;
            _expect = ExpectRootValue;
            _token = JsonToken.None;
            _tokenStart = 0;
            _tokenLength = 0;
            Error = null;
            ErrorOffset = -1;
            if (_length >= 3 && _data[0] == 0xEF && _data[1] == 0xBB && _data[2] == 0xBF)
            {
                _pos = 3; // UTF-8 byte order mark
            }
        }

        /// <summary>Advances to the next token and returns it; after an error or the end it keeps returning that.</summary>
        public int Read()
        {
            if (_token == JsonToken.Error || _token == JsonToken.EndOfDocument)
            {
                return _token;
            }

            while (true)
            {
                SkipWhitespace();
                if (_pos >= _length)
                {
                    if (_expect == ExpectEndOfDocument)
                    {
                        _tokenStart = _pos;
                        _token = JsonToken.EndOfDocument;
                        return _token;
                    }

                    return Fail(_pos, "unexpected end of input, expected " + Expected());
                }

                byte c = _data[_pos];
                switch (_expect)
                {
                    case ExpectCommaOrEnd:
                        if (c == (byte)',')
                        {
                            _pos++;
                            _expect = _isObject[_depth - 1] ? ExpectName : ExpectValue;
                            continue;
                        }

                        if (c == (_isObject[_depth - 1] ? (byte)'}' : (byte)']'))
                        {
                            return EndContainer();
                        }

                        return Fail(_pos, "expected " + Expected() + ", found " + Found(c));

                    case ExpectNameOrEnd:
                        if (c == (byte)'}')
                        {
                            return EndContainer();
                        }

                        return ReadName(c);

                    case ExpectName:
                        return ReadName(c);

                    case ExpectValueOrEnd:
                        if (c == (byte)']')
                        {
                            return EndContainer();
                        }

                        return ReadValue(c);

                    case ExpectEndOfDocument:
                        return Fail(_pos, "unexpected " + Found(c) + " after the end of the document");

                    default:
                        return ReadValue(c);
                }
            }
        }

        /// <summary>
        /// Skips the value the reader is on: after BeginObject/BeginArray, reads to the matching end; otherwise nothing.
        /// False on an error.
        /// </summary>
        public bool Skip()
        {
            if (_token != JsonToken.BeginObject && _token != JsonToken.BeginArray)
            {
                return _token != JsonToken.Error;
            }

            int target = _depth - 1;
            while (true)
            {
                int t = Read();
                if (t == JsonToken.Error || t == JsonToken.EndOfDocument)
                {
                    return false;
                }

                if ((t == JsonToken.EndObject || t == JsonToken.EndArray) && _depth == target)
                {
                    return true;
                }
            }
        }

        /// <summary>True when the current name or string token equals <paramref name="text"/> (compared without allocating).</summary>
        public bool NameIs(string text)
        {
            if (_token != JsonToken.PropertyName && _token != JsonToken.String)
            {
                return false;
            }

            if (_charCount != text.Length)
            {
                return false;
            }

            if (!_hasEscapes && _tokenLength == text.Length)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    if (_data[_tokenStart + i] != text[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            int n = Decode();
            for (int i = 0; i < n; i++)
            {
                if (_decoded[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The current name or string, decoded (allocates the string); null for other tokens.</summary>
        public string GetString()
        {
            if (_token != JsonToken.PropertyName && _token != JsonToken.String)
            {
                return null;
            }

            int n = Decode();
            string s = new string(_decoded, 0, n);
            _decoded = null;
            return s;
        }

        /// <summary>Length in UTF-16 chars of the current name or string.</summary>
        public int StringLength
        {
            get { return _charCount; }
        }

        /// <summary>The current number as a double; false for other tokens or a value outside the double range.</summary>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            return _token == JsonToken.Number && JsonNumber.TryParse(_data, _tokenStart, _tokenLength, out value);
        }

        /// <summary>The current number as a long; false unless it is an integer token that fits.</summary>
        public bool TryGetLong(out long value)
        {
            value = 0;
            return _token == JsonToken.Number && _isInteger && JsonNumber.TryParseLong(_data, _tokenStart, _tokenLength, out value);
        }

        private int ReadName(byte c)
        {
            if (c != (byte)'"')
            {
                return Fail(_pos, "expected " + Expected() + ", found " + Found(c));
            }

            if (!ScanString())
            {
                return JsonToken.Error;
            }

            SkipWhitespace();
            if (_pos >= _length)
            {
                return Fail(_pos, "unexpected end of input, expected ':' after a property name");
            }

            if (_data[_pos] != (byte)':')
            {
                return Fail(_pos, "expected ':' after a property name, found " + Found(_data[_pos]));
            }

            _pos++;
            _expect = ExpectValue;
            _token = JsonToken.PropertyName;
            return _token;
        }

        private int ReadValue(byte c)
        {
            int start = _pos;
            if (c == (byte)'{' || c == (byte)'[')
            {
                if (_depth >= _isObject.Length)
                {
                    return Fail(_pos, "nested deeper than " + _isObject.Length.ToString() + " levels");
                }

                _isObject[_depth++] = c == (byte)'{';
                _pos++;
                _tokenStart = start;
                _tokenLength = 1;
                _expect = c == (byte)'{' ? ExpectNameOrEnd : ExpectValueOrEnd;
                _token = c == (byte)'{' ? JsonToken.BeginObject : JsonToken.BeginArray;
                return _token;
            }

            int token;
            if (c == (byte)'"')
            {
                if (!ScanString())
                {
                    return JsonToken.Error;
                }

                token = JsonToken.String;
            }
            else if (c == (byte)'-' || (c >= (byte)'0' && c <= (byte)'9'))
            {
                if (!ScanNumber())
                {
                    return JsonToken.Error;
                }

                token = JsonToken.Number;
            }
            else if (c == (byte)'t' || c == (byte)'f' || c == (byte)'n')
            {
                token = c == (byte)'t' ? JsonToken.True : (c == (byte)'f' ? JsonToken.False : JsonToken.Null);
                if (!Literal(c == (byte)'t' ? "true" : (c == (byte)'f' ? "false" : "null")))
                {
                    return JsonToken.Error;
                }
            }
            else
            {
                return Fail(_pos, "expected " + Expected() + ", found " + Found(c));
            }

            _expect = _depth == 0 ? ExpectEndOfDocument : ExpectCommaOrEnd;
            _token = token;
            return _token;
        }

        private int EndContainer()
        {
            bool obj = _isObject[_depth - 1];
            _tokenStart = _pos;
            _tokenLength = 1;
            _pos++;
            _depth--;
            _expect = _depth == 0 ? ExpectEndOfDocument : ExpectCommaOrEnd;
            _token = obj ? JsonToken.EndObject : JsonToken.EndArray;
            return _token;
        }

        private bool Literal(string word)
        {
            if (_pos + word.Length > _length)
            {
                Fail(_pos, "unexpected end of input inside '" + word + "'");
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (_data[_pos + i] != word[i])
                {
                    Fail(_pos + i, "expected '" + word + "'");
                    return false;
                }
            }

            _tokenStart = _pos;
            _tokenLength = word.Length;
            _pos += word.Length;
            return true;
        }

        /// <summary>Checks a string at _pos (on its quote) and records where its content is; no decoding yet.</summary>
        private bool ScanString()
        {
            int open = _pos;
            int i = _pos + 1;
            int chars = 0;
            bool escapes = false;
            while (true)
            {
                if (i >= _length)
                {
                    Fail(open, "unterminated string (no closing '\"')");
                    return false;
                }

                byte b = _data[i];
                if (b == (byte)'"')
                {
                    break;
                }

                if (b == (byte)'\\')
                {
                    escapes = true;
                    if (i + 1 >= _length)
                    {
                        Fail(i, "unterminated escape sequence");
                        return false;
                    }

                    byte e = _data[i + 1];
                    if (e == (byte)'u')
                    {
                        if (i + 6 > _length || HexValue(_data, i + 2) < 0)
                        {
                            Fail(i, "expected four hex digits after \\u");
                            return false;
                        }

                        i += 6;
                    }
                    else if (e == (byte)'"' || e == (byte)'\\' || e == (byte)'/' || e == (byte)'b' || e == (byte)'f'
                        || e == (byte)'n' || e == (byte)'r' || e == (byte)'t')
                    {
                        i += 2;
                    }
                    else
                    {
                        Fail(i, "invalid escape '\\" + Printable(e) + "'");
                        return false;
                    }

                    chars++;
                }
                else if (b < 0x20)
                {
                    Fail(i, "control character 0x" + HexByte(b) + " in a string (escape it)");
                    return false;
                }
                else if (b < 0x80)
                {
                    i++;
                    chars++;
                }
                else
                {
                    int n = Utf8Length(b);
                    if (n == 0 || i + n > _length)
                    {
                        Fail(i, "invalid UTF-8 byte 0x" + HexByte(b));
                        return false;
                    }

                    for (int k = 1; k < n; k++)
                    {
                        if ((_data[i + k] & 0xC0) != 0x80)
                        {
                            Fail(i + k, "invalid UTF-8 continuation byte 0x" + HexByte(_data[i + k]));
                            return false;
                        }
                    }

                    i += n;
                    chars += n == 4 ? 2 : 1;
                }

                if (chars > _maxChars)
                {
                    Fail(open, "string longer than " + _maxChars.ToString() + " characters");
                    return false;
                }
            }

            _tokenStart = open + 1;
            _tokenLength = i - open - 1;
            _hasEscapes = escapes;
            _charCount = chars;
            _pos = i + 1;
            return true;
        }

        private bool ScanNumber()
        {
            int start = _pos;
            int i = _pos;
            if (_data[i] == (byte)'-')
            {
                i++;
            }

            if (i >= _length || !IsDigit(_data[i]))
            {
                Fail(i, "expected a digit after '-'");
                return false;
            }

            if (_data[i] == (byte)'0')
            {
                i++;
                if (i < _length && IsDigit(_data[i]))
                {
                    Fail(i, "leading zeros are not allowed in a number");
                    return false;
                }
            }
            else
            {
                while (i < _length && IsDigit(_data[i]))
                {
                    i++;
                }
            }

            bool integer = true;
            if (i < _length && _data[i] == (byte)'.')
            {
                integer = false;
                i++;
                if (i >= _length || !IsDigit(_data[i]))
                {
                    Fail(i, "expected a digit after '.'");
                    return false;
                }

                while (i < _length && IsDigit(_data[i]))
                {
                    i++;
                }
            }

            if (i < _length && (_data[i] == (byte)'e' || _data[i] == (byte)'E'))
            {
                integer = false;
                i++;
                if (i < _length && (_data[i] == (byte)'+' || _data[i] == (byte)'-'))
                {
                    i++;
                }

                if (i >= _length || !IsDigit(_data[i]))
                {
                    Fail(i, "expected a digit in the exponent");
                    return false;
                }

                while (i < _length && IsDigit(_data[i]))
                {
                    i++;
                }
            }

            if (i - start > MaxNumberLength)
            {
                Fail(start, "number longer than " + MaxNumberLength.ToString() + " characters");
                return false;
            }

            _tokenStart = start;
            _tokenLength = i - start;
            _isInteger = integer;
            _pos = i;
            return true;
        }

        /// <summary>Decodes the current string token into _decoded (the buffer, or one allocated for a longer string); returns its length.</summary>
        private int Decode()
        {
            char[] d = _charCount <= _chars.Length ? _chars : new char[_charCount];
            _decoded = d;
            int n = 0;
            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            while (i < end)
            {
                byte b = _data[i];
                if (b == (byte)'\\')
                {
                    byte e = _data[i + 1];
                    char c;
                    switch (e)
                    {
                        case (byte)'b': c = '\b'; break;
                        case (byte)'f': c = '\f'; break;
                        case (byte)'n': c = '\n'; break;
                        case (byte)'r': c = '\r'; break;
                        case (byte)'t': c = '\t'; break;
                        case (byte)'u': c = (char)HexValue(_data, i + 2); i += 4; break;
                        default: c = (char)e; break;
                    }

                    d[n++] = c;
                    i += 2;
                }
                else if (b < 0x80)
                {
                    d[n++] = (char)b;
                    i++;
                }
                else
                {
                    int len = Utf8Length(b);
                    int cp = b & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07));
                    for (int k = 1; k < len; k++)
                    {
                        cp = (cp << 6) | (_data[i + k] & 0x3F);
                    }

                    if (cp >= 0x10000)
                    {
                        cp -= 0x10000;
                        d[n++] = (char)(0xD800 + (cp >> 10));
                        d[n++] = (char)(0xDC00 + (cp & 0x3FF));
                    }
                    else
                    {
                        d[n++] = (char)cp;
                    }

                    i += len;
                }
            }

            return n;
        }

        private int Fail(int offset, string reason)
        {
            _token = JsonToken.Error;
            ErrorOffset = offset;
            Error = "offset " + offset.ToString() + ": " + reason;
            return _token;
        }

        private string Expected()
        {
            switch (_expect)
            {
                case ExpectNameOrEnd: return "a property name or '}'";
                case ExpectName: return "a property name in double quotes";
                case ExpectValueOrEnd: return "a value or ']'";
                case ExpectCommaOrEnd: return _isObject[_depth - 1] ? "',' or '}'" : "',' or ']'";
                case ExpectEndOfDocument: return "the end of the document";
                default: return "a value";
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < _length)
            {
                byte b = _data[_pos];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private static string Found(byte b)
        {
            return b >= 0x20 && b < 0x7F ? "'" + ((char)b).ToString() + "'" : "byte 0x" + HexByte(b);
        }

        private static string Printable(byte b)
        {
            return b >= 0x20 && b < 0x7F ? ((char)b).ToString() : "0x" + HexByte(b);
        }

        private static string HexByte(byte b)
        {
            const string digits = "0123456789ABCDEF";
            return digits[b >> 4].ToString() + digits[b & 0xF].ToString();
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>Length of the UTF-8 sequence a lead byte starts (2..4), 0 for an invalid lead byte.</summary>
        private static int Utf8Length(byte b)
        {
            if (b >= 0xC2 && b <= 0xDF)
            {
                return 2;
            }

            if (b >= 0xE0 && b <= 0xEF)
            {
                return 3;
            }

            if (b >= 0xF0 && b <= 0xF4)
            {
                return 4;
            }

            return 0;
        }

        private static int HexValue(byte[] data, int at)
        {
            int v = 0;
            for (int k = 0; k < 4; k++)
            {
                byte b = data[at + k];
                int d = b >= (byte)'0' && b <= (byte)'9' ? b - '0'
                    : (b >= (byte)'a' && b <= (byte)'f' ? b - 'a' + 10 : (b >= (byte)'A' && b <= (byte)'F' ? b - 'A' + 10 : -1));
                if (d < 0)
                {
                    return -1;
                }

                v = (v << 4) | d;
            }

            return v;
        }
    }
}
