namespace RangeGuard.Common
{
    /// <summary>String arrays made safely for nanoCLR, where the entries of a new string[] are not null until set (portable-code.md).</summary>
    public static class Strings
    {
        /// <summary>A copy of <paramref name="source"/>, every entry set explicitly.</summary>
        public static string[] Copy(string[] source)
        {
            string[] c = new string[source.Length];
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = source[i];
            }

            return c;
        }
    }
}
