using System.Text;

namespace RangeGuard.Messaging
{
    /// <summary>
    /// Minimal JSON object writer over a reused StringBuilder. Numbers are written digit by digit,
    /// so building a message allocates nothing until the final ToString. Nested objects and arrays go at most
    /// <see cref="MaxDepth"/> levels deep.
    /// </summary>
    public sealed class JsonWriter
    {
        public const int MaxDepth = 8;

        private readonly StringBuilder _sb;
        private readonly char[] _digits = new char[20];
        private readonly bool[] _firstStack = new bool[MaxDepth];
        private int _depth;
        private bool _first;

        public JsonWriter(int capacity)
        {
            _sb = new StringBuilder(capacity);
        }

        public void Begin()
        {
            _sb.Clear();
            _sb.Append('{');
            _first = true;
            _depth = 0;
        }

        /// <summary>Characters written so far (the message size once it is ASCII).</summary>
        public int Length
        {
            get { return _sb.Length; }
        }

        /// <summary>Starts a nested object property: <c>"name":{</c>.</summary>
        public void BeginObject(string name)
        {
            Name(name);
            Open('{');
        }

        public void EndObject()
        {
            Close('}');
        }

        /// <summary>Starts an array property: <c>"name":[</c>.</summary>
        public void BeginArray(string name)
        {
            Name(name);
            Open('[');
        }

        public void EndArray()
        {
            Close(']');
        }

        /// <summary>Starts an object element of the array being written.</summary>
        public void BeginItem()
        {
            if (!_first)
            {
                _sb.Append(',');
            }

            _first = false;
            Open('{');
        }

        public void EndItem()
        {
            Close('}');
        }

        public void PropNull(string name)
        {
            Name(name);
            _sb.Append("null");
        }

        private void Open(char c)
        {
            if (_depth >= MaxDepth)
            {
                throw new System.InvalidOperationException("JSON nested deeper than " + MaxDepth.ToString());
            }

            _firstStack[_depth++] = _first;
            _sb.Append(c);
            _first = true;
        }

        private void Close(char c)
        {
            if (_depth <= 0)
            {
                throw new System.InvalidOperationException("nothing open to close");
            }

            _sb.Append(c);
            _first = _firstStack[--_depth];
        }

        public string End()
        {
            _sb.Append('}');
            return _sb.ToString();
        }

        public void Prop(string name, long value)
        {
            Name(name);
            AppendLong(value);
        }

        public void Prop(string name, bool value)
        {
            Name(name);
            _sb.Append(value ? "true" : "false");
        }

        /// <summary>Fixed-point number with <paramref name="decimals"/> digits (0..4); NaN and infinities become null.</summary>
        public void Prop(string name, float value, int decimals)
        {
            Name(name);
            AppendFixed(value, decimals);
        }

        /// <summary>String value, escaped; null becomes JSON null.</summary>
        public void Prop(string name, string value)
        {
            Name(name);
            if (value == null)
            {
                _sb.Append("null");
                return;
            }

            _sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    _sb.Append('\\');
                    _sb.Append(c);
                }
                else if (c < ' ')
                {
                    _sb.Append("\\u00");
                    _sb.Append(Hex(c >> 4));
                    _sb.Append(Hex(c & 0xF));
                }
                else
                {
                    _sb.Append(c);
                }
            }

            _sb.Append('"');
        }

        private void Name(string name)
        {
            if (!_first)
            {
                _sb.Append(',');
            }

            _first = false;
            _sb.Append('"');
            _sb.Append(name);
            _sb.Append("\":");
        }

        private void AppendFixed(float value, int decimals)
        {
            if (float.IsNaN(value) || float.IsInfinity(value))
            {
                _sb.Append("null");
                return;
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            double scaled = RangeGuard.Common.ExactMath.Round(System.Math.Abs((double)value) * scale);
            if (scaled > 9.0e15)
            {
                _sb.Append("null");
                return;
            }

            long units = (long)scaled;
            if (value < 0f && units != 0)
            {
                _sb.Append('-');
            }

            AppendLong(units / scale);
            if (decimals > 0)
            {
                _sb.Append('.');
                long frac = units % scale;
                for (long div = scale / 10; div > 0; div /= 10)
                {
                    _sb.Append((char)('0' + (int)(frac / div % 10)));
                }
            }
        }

        private void AppendLong(long value)
        {
            if (value < 0)
            {
                _sb.Append('-');
                if (value == long.MinValue)
                {
                    _sb.Append("9223372036854775808");
                    return;
                }

                value = -value;
            }

            int n = 0;
            do
            {
                _digits[n++] = (char)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value > 0);

            while (n > 0)
            {
                _sb.Append(_digits[--n]);
            }
        }

        private static char Hex(int v)
        {
            return (char)(v < 10 ? '0' + v : 'a' + v - 10);
        }
    }
}
