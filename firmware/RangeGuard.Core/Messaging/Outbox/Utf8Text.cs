namespace RangeGuard.Messaging.Outbox
{
    /// <summary>UTF-8 to and from fixed buffers, so storing and reloading a message allocates only the reloaded string.</summary>
    public static class Utf8Text
    {
        /// <summary>Encodes <paramref name="s"/> at <paramref name="index"/>; returns the byte count, or -1 if it does not fit.</summary>
        public static int Encode(string s, byte[] buffer, int index)
        {
            int o = index;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                }

                int n = c < 0x80 ? 1 : (c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4));
                if (o + n > buffer.Length)
                {
                    return -1;
                }

                if (n == 1)
                {
                    buffer[o++] = (byte)c;
                }
                else if (n == 2)
                {
                    buffer[o++] = (byte)(0xC0 | (c >> 6));
                    buffer[o++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (n == 3)
                {
                    buffer[o++] = (byte)(0xE0 | (c >> 12));
                    buffer[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[o++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    buffer[o++] = (byte)(0xF0 | (c >> 18));
                    buffer[o++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    buffer[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[o++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return o - index;
        }

        /// <summary>Decodes bytes written by <see cref="Encode"/> into a string, using <paramref name="chars"/> as scratch.</summary>
        public static string Decode(byte[] data, int index, int count, char[] chars)
        {
            int n = 0;
            int i = index;
            int end = index + count;
            while (i < end && n < chars.Length - 1)
            {
                int b = data[i];
                int len = b < 0x80 ? 1 : (b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2));
                if (i + len > end)
                {
                    break;
                }

                int c = len == 1 ? b : b & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07));
                for (int k = 1; k < len; k++)
                {
                    c = (c << 6) | (data[i + k] & 0x3F);
                }

                if (c >= 0x10000)
                {
                    c -= 0x10000;
                    chars[n++] = (char)(0xD800 + (c >> 10));
                    chars[n++] = (char)(0xDC00 + (c & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)c;
                }

                i += len;
            }

            return new string(chars, 0, n);
        }
    }
}
