namespace RangeGuard.Messaging.Json
{
    /// <summary>
    /// Pull parser over UTF-8 bytes: one token per <see cref="Read"/>, strict JSON (RFC 8259), bounded nesting and string
    /// length, no reflection. Reading allocates nothing: names are compared in place (<see cref="NameIs"/>) and a string is
    /// only built when asked (<see cref="GetString"/>). The first problem stops the reader with <see cref="Error"/>,
    /// naming the byte offset and what was expected.
    /// </summary>
    public sealed partial class JsonReader
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

        private int Fail(int offset, string reason)
        {
            _token = JsonToken.Error;
            ErrorOffset = offset;
            Error = "offset " + offset.ToString() + ": " + reason;
            return _token;
        }
    }
}
