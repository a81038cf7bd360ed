using RangeGuard.Common;

namespace RangeGuard.Messaging
{
    /// <summary>
    /// Minimal JSON writer over a reused fixed-capacity <see cref="TextBuffer"/>. Numbers are written digit by digit by
    /// <see cref="TextNumber"/> (integer arithmetic, the same text on the device and the host), so building a message
    /// allocates nothing until the final ToString. Nested objects and arrays go at most <see cref="MaxDepth"/> levels deep.
    /// </summary>
    public sealed class JsonWriter
    {
        public const int MaxDepth = 8;

        private readonly TextBuffer _sb;
        private readonly bool[] _firstStack = new bool[MaxDepth];
        private int _depth;
        private bool _first;

        /// <param name="capacity">Longest message in characters; a longer one is refused by <see cref="End"/>.</param>
        public JsonWriter(int capacity)
        {
            _sb = new TextBuffer(capacity);
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

        /// <summary>The message, or null when it did not fit the capacity (never a truncated, invalid JSON text).</summary>
        public string End()
        {
            _sb.Append('}');
            return _sb.Overflowed ? null : _sb.ToString();
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
            if (!TextNumber.AppendFixed(_sb, value, decimals))
            {
                _sb.Append("null");
            }
        }

        private void AppendLong(long value)
        {
            TextNumber.AppendLong(_sb, value);
        }

        private static char Hex(int v)
        {
            return (char)(v < 10 ? '0' + v : 'a' + v - 10);
        }
    }
}
