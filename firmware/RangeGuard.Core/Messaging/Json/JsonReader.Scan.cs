// JsonReader: scanning a token's bytes (strings, numbers, literals, white space) and checking them.
namespace RangeGuard.Messaging.Json
{
    public sealed partial class JsonReader
    {
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
