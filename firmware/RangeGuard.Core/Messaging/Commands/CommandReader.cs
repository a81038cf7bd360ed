using RangeGuard.Messaging.Json;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Walks a command document with a <see cref="JsonReader"/> and keeps the path of the field being read, so the first
    /// problem is reported as a field path ("segments[3].len_m") and a reason. The path is only turned into text on an
    /// error; reading a valid command allocates only the strings it keeps.
    /// </summary>
    public sealed class CommandReader
    {
        /// <summary>Field reported for problems with the document as a whole (syntax, size, depth).</summary>
        public const string DocumentField = "$";

        private const int MaxPath = 8;

        private readonly string[] _names = new string[MaxPath];
        private readonly int[] _indices = new int[MaxPath];
        private int _pathLength;

        public CommandReader(int maxDepth, int maxStringChars) : this(maxDepth, maxStringChars, null)
        {
        }

        /// <param name="scratch">Decode buffer to borrow (JsonReader); null: its own.</param>
        public CommandReader(int maxDepth, int maxStringChars, char[] scratch)
        {
            Json = new JsonReader(maxDepth, maxStringChars, scratch);
            for (int i = 0; i < MaxPath; i++)
            {
                _names[i] = string.Empty; // nanoFramework: a new string[] is not null-filled
            }
        }

        public JsonReader Json { get; private set; }

        /// <summary>Path of the offending field, or null while there is no error.</summary>
        public string ErrorField { get; private set; }

        public string ErrorReason { get; private set; }

        public bool Failed
        {
            get { return ErrorReason != null; }
        }

        public void Reset(byte[] data, int length)
        {
            Json.Reset(data, length);
            _pathLength = 0;
            ErrorField = null;
            ErrorReason = null;
        }

        public void Push(string name)
        {
            if (_pathLength < MaxPath)
            {
                _names[_pathLength] = name;
                _indices[_pathLength] = -1;
            }

            _pathLength++;
        }

        public void PushIndex(int index)
        {
            if (_pathLength < MaxPath)
            {
                _names[_pathLength] = string.Empty;
                _indices[_pathLength] = index;
            }

            _pathLength++;
        }

        public void Pop()
        {
            if (_pathLength > 0)
            {
                _pathLength--;
            }
        }

        /// <summary>Records the first error at the current path; always returns false.</summary>
        public bool Fail(string reason)
        {
            if (ErrorReason == null)
            {
                ErrorField = _pathLength == 0 ? DocumentField : Path();
                ErrorReason = reason;
            }

            return false;
        }

        /// <summary>Records an error for a named field of the current object.</summary>
        public bool FailField(string name, string reason)
        {
            Push(name);
            Fail(reason);
            Pop();
            return false;
        }

        /// <summary>Records an error for the document as a whole (wins over any path).</summary>
        public bool FailDocument(string reason)
        {
            if (ErrorReason == null)
            {
                ErrorField = DocumentField;
                ErrorReason = reason;
            }

            return false;
        }

        /// <summary>
        /// Reads the next property of the current object. Returns the index of its name in <paramref name="known"/> (the
        /// reader then stands on the value), -1 at the end of the object, -2 on an error (a syntax error, a duplicate or an
        /// unknown field). <paramref name="seen"/> collects the fields read (bit per index; at most 31 names).
        /// </summary>
        public int NextField(string[] known, ref int seen)
        {
            int t = Json.Read();
            if (t == JsonToken.EndObject)
            {
                return -1;
            }

            if (t != JsonToken.PropertyName)
            {
                SyntaxError();
                return -2;
            }

            for (int k = 0; k < known.Length; k++)
            {
                if (Json.NameIs(known[k]))
                {
                    if ((seen & (1 << k)) != 0)
                    {
                        FailField(known[k], "duplicate field");
                        return -2;
                    }

                    seen |= 1 << k;
                    if (Json.Read() == JsonToken.Error)
                    {
                        SyntaxError();
                        return -2;
                    }

                    return k;
                }
            }

            FailField(Json.GetString(), "unknown field; expected one of " + List(known));
            return -2;
        }

        /// <summary>True when the reader stands on the start of an object; else records what was found instead.</summary>
        public bool ExpectObject(string name)
        {
            return Expect(JsonToken.BeginObject, name);
        }

        public bool ExpectArray(string name)
        {
            return Expect(JsonToken.BeginArray, name);
        }

        /// <summary>A number in [min, max] for field <paramref name="name"/> of the current object.</summary>
        public bool Number(string name, double min, double max, out float value)
        {
            value = 0f;
            double d;
            if (!NumberValue(name, min, max, out d))
            {
                return false;
            }

            value = (float)d;
            return true;
        }

        /// <summary>An integer (no fraction, no exponent) in [min, max].</summary>
        public bool Integer(string name, long min, long max, out long value)
        {
            value = 0;
            if (!Expect(JsonToken.Number, name))
            {
                return false;
            }

            if (!Json.IsInteger)
            {
                return FailField(name, "expected an integer (no fraction or exponent)");
            }

            if (!Json.TryGetLong(out value) || value < min || value > max)
            {
                return FailField(name, "outside " + min.ToString() + ".." + max.ToString());
            }

            return true;
        }

        /// <summary>A string of 1..maxChars characters (or 0 when <paramref name="allowEmpty"/>).</summary>
        public bool String(string name, int maxChars, bool allowEmpty, out string value)
        {
            value = null;
            if (!Expect(JsonToken.String, name))
            {
                return false;
            }

            if (Json.StringLength > maxChars)
            {
                return FailField(name, "longer than " + maxChars.ToString() + " characters");
            }

            if (!allowEmpty && Json.StringLength == 0)
            {
                return FailField(name, "must not be empty");
            }

            value = Json.GetString();
            return true;
        }

        /// <summary>One of the given words; returns its index through <paramref name="choice"/>.</summary>
        public bool Choice(string name, string[] words, out int choice)
        {
            choice = -1;
            if (!Expect(JsonToken.String, name))
            {
                return false;
            }

            for (int i = 0; i < words.Length; i++)
            {
                if (Json.NameIs(words[i]))
                {
                    choice = i;
                    return true;
                }
            }

            return FailField(name, "expected one of " + List(words));
        }

        /// <summary>Records the reader's syntax error (or what stopped it) as a document error.</summary>
        public bool SyntaxError()
        {
            if (Json.Token == JsonToken.Error)
            {
                return FailDocument(Json.Error);
            }

            return Fail("unexpected " + JsonToken.Describe(Json.Token));
        }

        /// <summary>After the root object: nothing else may follow.</summary>
        public bool ExpectEnd()
        {
            if (Json.Read() != JsonToken.EndOfDocument)
            {
                return SyntaxError();
            }

            return true;
        }

        /// <summary>A number in error text: integers plainly, others with up to 3 decimals.</summary>
        public static string NumberText(double v)
        {
            if (v == (long)v && v > -1e15 && v < 1e15)
            {
                return ((long)v).ToString();
            }

            return RangeGuard.Common.TextNumber.Fixed(v, 3);
        }

        private bool NumberValue(string name, double min, double max, out double value)
        {
            value = 0;
            if (!Expect(JsonToken.Number, name))
            {
                return false;
            }

            if (!Json.TryGetDouble(out value))
            {
                return FailField(name, "number outside the double range");
            }

            if (!(value >= min && value <= max))
            {
                return FailField(name, NumberText(value) + " is outside " + NumberText(min) + ".." + NumberText(max));
            }

            return true;
        }

        private bool Expect(int token, string name)
        {
            int t = Json.Token;
            if (t == token)
            {
                return true;
            }

            if (t == JsonToken.Error)
            {
                return SyntaxError();
            }

            return FailField(name, "expected " + JsonToken.Describe(token) + ", found " + JsonToken.Describe(t));
        }

        private string Path()
        {
            string s = string.Empty;
            int n = _pathLength < MaxPath ? _pathLength : MaxPath;
            for (int i = 0; i < n; i++)
            {
                if (_indices[i] >= 0)
                {
                    s += "[" + _indices[i].ToString() + "]";
                }
                else
                {
                    s += (s.Length == 0 ? string.Empty : ".") + _names[i];
                }
            }

            return s;
        }

        private static string List(string[] words)
        {
            string s = string.Empty;
            for (int i = 0; i < words.Length; i++)
            {
                s += (i == 0 ? string.Empty : ", ") + words[i];
            }

            return s;
        }
    }
}
