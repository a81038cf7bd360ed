using System;
using System.Globalization;
using System.Text;

namespace RangeGuard.Host.Dbc
{
    /// <summary>A statement that cannot be read; the parser records it as an issue and moves on.</summary>
    internal sealed class DbcSyntaxException : Exception
    {
        public DbcSyntaxException(string reason)
            : base(reason)
        {
        }
    }

    /// <summary>Token reader over one statement's text; every failure says what was expected and where.</summary>
    internal sealed class DbcCursor
    {
        private readonly string _s;
        private int _pos;

        public DbcCursor(string s)
        {
            _s = s;
        }

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _pos >= _s.Length;
            }
        }

        public bool Peek(char ch)
        {
            SkipSpace();
            return _pos < _s.Length && _s[_pos] == ch;
        }

        public bool PeekDigit()
        {
            SkipSpace();
            return _pos < _s.Length && char.IsAsciiDigit(_s[_pos]);
        }

        public bool TryExpect(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(_s, _pos, token, 0, token.Length) != 0)
            {
                return false;
            }

            _pos += token.Length;
            return true;
        }

        public void Expect(string token)
        {
            if (!TryExpect(token))
            {
                throw Fail($"expected '{token}'");
            }
        }

        public void ExpectEnd()
        {
            if (!AtEnd)
            {
                throw Fail("unexpected text");
            }
        }

        public char Char(string what)
        {
            SkipSpace();
            if (_pos >= _s.Length)
            {
                throw Fail($"expected {what}");
            }

            return _s[_pos++];
        }

        public string Identifier(string what)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < _s.Length && (char.IsLetterOrDigit(_s[_pos]) || _s[_pos] == '_'))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Fail($"expected {what}");
            }

            return _s.Substring(start, _pos - start);
        }

        public uint UInt(string what)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }

            if (!uint.TryParse(_s.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
            {
                _pos = start;
                throw Fail($"expected {what} (unsigned integer)");
            }

            return value;
        }

        public double Number(string what)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < _s.Length && (char.IsAsciiDigit(_s[_pos]) || _s[_pos] is '+' or '-' or '.' or 'e' or 'E'))
            {
                _pos++;
            }

            if (!double.TryParse(_s.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                _pos = start;
                throw Fail($"expected {what} (number)");
            }

            return value;
        }

        public string QuotedString()
        {
            SkipSpace();
            if (_pos >= _s.Length || _s[_pos] != '"')
            {
                throw Fail("expected '\"'");
            }

            var sb = new StringBuilder();
            for (_pos++; _pos < _s.Length; _pos++)
            {
                char ch = _s[_pos];
                if (ch == '\\' && _pos + 1 < _s.Length)
                {
                    sb.Append(_s[++_pos]);
                }
                else if (ch == '"')
                {
                    _pos++;
                    return sb.ToString();
                }
                else
                {
                    sb.Append(ch);
                }
            }

            throw Fail("unterminated string");
        }

        public string Rest()
        {
            SkipSpace();
            string rest = _s.Substring(_pos);
            _pos = _s.Length;
            return rest;
        }

        private void SkipSpace()
        {
            while (_pos < _s.Length && char.IsWhiteSpace(_s[_pos]))
            {
                _pos++;
            }
        }

        private DbcSyntaxException Fail(string reason)
        {
            string near = _pos < _s.Length ? $" near '{Snippet()}'" : " at end of line";
            return new DbcSyntaxException(reason + near);
        }

        private string Snippet()
        {
            string s = _s.Substring(_pos, Math.Min(20, _s.Length - _pos));
            int nl = s.IndexOf('\n');
            return nl >= 0 ? s.Substring(0, nl) : s;
        }
    }
}
