using RangeGuard.Common;

namespace RangeGuard.Messaging
{
    /// <summary>
    /// Minimal JSON writer over a reused fixed-size <see cref="TextBuffer"/>. Numbers are written digit by digit by
    /// <see cref="TextNumber"/> (integer arithmetic, the same text on the device and the host), so building a message
    /// allocates nothing until the final ToString. A message longer than the buffer is passed on in chunks (each becomes
    /// a string, joined at the end: garbage only for the rare long message), so the buffer the device keeps is a third of
    /// the longest message. Nested objects and arrays go at most <see cref="MaxDepth"/> levels deep.
    /// </summary>
    public sealed class JsonWriter
    {
        public const int MaxDepth = 8;

        /// <summary>Room kept in the buffer before a name or a number is written (a number is at most 40 characters).</summary>
        private const int Margin = 64;

        private readonly TextBuffer _sb;
        private readonly int _capacity;
        private readonly bool[] _firstStack = new bool[MaxDepth];
        private int _depth;
        private bool _first;
        private string _done;
        private int _doneLength;

        /// <param name="capacity">Longest message in characters; a longer one is refused by <see cref="End"/>.</param>
        public JsonWriter(int capacity) : this(capacity, capacity)
        {
        }

        /// <param name="capacity">Longest message in characters; a longer one is refused by <see cref="End"/>.</param>
        /// <param name="bufferChars">The buffer's size (at least 128): a longer message goes through it in chunks.</param>
        public JsonWriter(int capacity, int bufferChars)
        {
            _capacity = capacity;
            int size = bufferChars < capacity ? bufferChars : capacity;
            _sb = new TextBuffer(size < 2 * Margin ? 2 * Margin : size);
        }

        public void Begin()
        {
            _sb.Clear();
            _done = null;
            _doneLength = 0;
            _sb.Append('{');
            _first = true;
            _depth = 0;
        }

        /// <summary>The writer's buffer, lent between messages (<see cref="TextBuffer.Storage"/>).</summary>
        internal char[] Scratch
        {
            get { return _sb.Storage; }
        }

        /// <summary>Characters written so far (the message size once it is ASCII).</summary>
        public int Length
        {
            get { return _doneLength + _sb.Length; }
        }

        /// <summary>Passes the buffer on when fewer than <paramref name="chars"/> characters are left in it.</summary>
        private void Room(int chars)
        {
            if (_sb.Free >= chars || _sb.Length == 0 || _sb.Overflowed)
            {
                return;
            }

            _doneLength += _sb.Length;
            if (_doneLength <= _capacity)
            {
                string chunk = _sb.ToString();
                _done = _done == null ? chunk : _done + chunk;
            }

            _sb.Clear();
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
            Room(Margin);
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
            AppendNull();
        }

        private void Open(char c)
        {
            Room(Margin);
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
            Room(Margin);
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
            Room(1);
            _sb.Append('}');
            string text = _sb.Overflowed || Length > _capacity ? null : (_done == null ? _sb.ToString() : _done + _sb.ToString());
            _done = null;
            return text;
        }

        // Name leaves Margin characters of room for the value: numbers and literals go straight in.
        public void Prop(string name, long value)
        {
            Name(name);
            TextNumber.AppendLong(_sb, value);
        }

        public void Prop(string name, bool value)
        {
            Name(name);
            if (value)
            {
                _sb.AppendChars('t', 'r', 'u', 'e', '\0');
            }
            else
            {
                _sb.AppendChars('f', 'a', 'l', 's', 'e');
            }
        }

        /// <summary>Fixed-point number with <paramref name="decimals"/> digits (0..4); NaN and infinities become null.</summary>
        public void Prop(string name, float value, int decimals)
        {
            Name(name);
            if (!TextNumber.AppendFixed(_sb, value, decimals))
            {
                AppendNull();
            }
        }

        /// <summary>String value, escaped; null becomes JSON null.</summary>
        public void Prop(string name, string value)
        {
            Name(name);
            if (value == null)
            {
                AppendNull();
                return;
            }

            // Room for the worst case (every character escaped) at once, unless that is a large part of the buffer.
            int n = value.Length;
            bool roomEach = 6 * n + 8 > _sb.Capacity / 2;
            if (!roomEach)
            {
                Room(6 * n + 8);
            }

            _sb.Append('"');
            for (int i = 0; i < n; i++)
            {
                if (roomEach)
                {
                    Room(8);
                }

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

        /// <summary>The member name, leaving at least Margin - 4 characters of room for its value.</summary>
        private void Name(string name)
        {
            int n = name.Length;   // a native call that counts the UTF-8 string on nanoFramework: once
            if (_sb.Free < n + Margin)
            {
                Room(n + Margin);
            }

            _sb.AppendQuoted(_first ? '\0' : ',', name, n, ':');
            _first = false;
        }

        private void AppendNull()
        {
            _sb.AppendChars('n', 'u', 'l', 'l', '\0');
        }

        private static char Hex(int v)
        {
            return (char)(v < 10 ? '0' + v : 'a' + v - 10);
        }
    }
}
