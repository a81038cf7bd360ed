// JsonReader: the current token's value (names, strings decoded from escapes, numbers) and error texts.
namespace RangeGuard.Messaging.Json
{
    public sealed partial class JsonReader
    {
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
    }
}
