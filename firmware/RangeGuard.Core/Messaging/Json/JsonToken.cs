namespace RangeGuard.Messaging.Json
{
    /// <summary>Tokens <see cref="JsonReader.Read"/> returns.</summary>
    public static class JsonToken
    {
        public const int None = 0;
        public const int BeginObject = 1;
        public const int EndObject = 2;
        public const int BeginArray = 3;
        public const int EndArray = 4;
        public const int PropertyName = 5;
        public const int String = 6;
        public const int Number = 7;
        public const int True = 8;
        public const int False = 9;
        public const int Null = 10;
        public const int EndOfDocument = 11;
        public const int Error = 12;

        private static readonly string[] s_names =
        {
            "nothing", "an object", "'}'", "an array", "']'", "a property name", "a string", "a number", "true", "false", "null",
            "the end of the document", "an error",
        };

        /// <summary>How an error message names a token ("a number", "an object").</summary>
        public static string Describe(int token)
        {
            return token >= 0 && token < s_names.Length ? s_names[token] : "unknown";
        }
    }
}
