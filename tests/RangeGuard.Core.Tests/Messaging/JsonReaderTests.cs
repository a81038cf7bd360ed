#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Messaging.Json;

namespace RangeGuard.Tests.Messaging
{
    [TestClass]
    public class JsonReaderTests
    {
        internal static byte[] Utf8(string s)
        {
            return System.Text.Encoding.UTF8.GetBytes(s);
        }

        private static JsonReader Reader(string json, int depth, int maxChars)
        {
            JsonReader r = new JsonReader(depth, maxChars);
            byte[] b = Utf8(json);
            r.Reset(b, b.Length);
            return r;
        }

        [TestMethod]
        public void Reader_should_walk_every_token_kind_in_order()
        {
            JsonReader r = Reader(" {\"a\":[1,-2.5e1,true,false,null,\"x\"],\"b\":{}} ", 4, 16);
            int[] expected =
            {
                JsonToken.BeginObject, JsonToken.PropertyName, JsonToken.BeginArray, JsonToken.Number, JsonToken.Number, JsonToken.True,
                JsonToken.False, JsonToken.Null, JsonToken.String, JsonToken.EndArray, JsonToken.PropertyName, JsonToken.BeginObject,
                JsonToken.EndObject, JsonToken.EndObject, JsonToken.EndOfDocument, JsonToken.EndOfDocument,
            };
            for (int i = 0; i < expected.Length; i++)
            {
                int t = r.Read();
                Assert.AreEqual(expected[i], t, "token " + i.ToString() + " (" + r.Error + ")");
                if (i == 4)
                {
                    double d;
                    Assert.IsTrue(r.TryGetDouble(out d));
                    Assert.AreEqual(-25.0, d);
                    Assert.IsFalse(r.IsInteger);
                }
            }
        }

        [TestMethod]
        public void Numbers_should_parse_exactly_like_the_decimal_text()
        {
            string[] texts = { "0", "-0", "0.1", "123.456", "1e3", "2.5E-3", "-40", "9007199254740993", "5e-324", "0.30000000000000004", "100000" };
            double[] values = { 0, 0, 0.1, 123.456, 1000, 0.0025, -40, 9007199254740992.0, 4.94065645841247E-324, 0.30000000000000004, 100000 };
            for (int i = 0; i < texts.Length; i++)
            {
                JsonReader r = Reader(texts[i], 2, 8);
                Assert.AreEqual(JsonToken.Number, r.Read(), texts[i]);
                double d;
                Assert.IsTrue(r.TryGetDouble(out d), texts[i]);
                Assert.AreEqual(values[i], d, texts[i]);
            }

            JsonReader near = Reader("1.5e300", 2, 8);
            near.Read();
            double large;
            Assert.IsTrue(near.TryGetDouble(out large));
            Check.Near(1.0, large / 1.5e300, 1e-14, "1.5e300 within a few ulps");

            JsonReader big = Reader("1e400", 2, 8);
            big.Read();
            double inf;
            Assert.IsFalse(big.TryGetDouble(out inf), "1e400 is outside the double range");

            JsonReader l = Reader("-9223372036854775808", 2, 8);
            l.Read();
            long v;
            Assert.IsFalse(l.TryGetLong(out v), "long.MinValue is refused (the parser stays symmetric)");
            l = Reader("1767988800000", 2, 8);
            l.Read();
            Assert.IsTrue(l.TryGetLong(out v));
            Assert.AreEqual(1767988800000L, v);
        }

        [TestMethod]
        public void Strings_should_decode_escapes_and_utf8_and_compare_names_in_place()
        {
            JsonReader r = Reader("{\"len_m\":\"a\\\"b\\\\c\\/\\n\\u00e9\\uD83D\\uDE00 Zürich €\"}", 2, 64);
            r.Read();
            Assert.AreEqual(JsonToken.PropertyName, r.Read());
            Assert.IsTrue(r.NameIs("len_m"));
            Assert.IsFalse(r.NameIs("len"));
            Assert.IsFalse(r.NameIs("len_mm"));
            Assert.AreEqual(JsonToken.String, r.Read());
            Assert.AreEqual("a\"b\\c/\n\u00e9\uD83D\uDE00 Zürich €", r.GetString());

            JsonReader e = Reader("{\"\\u006Cen\":1}", 2, 8);
            e.Read();
            e.Read();
            Assert.IsTrue(e.NameIs("len"), "an escaped name compares by its decoded text");
        }

        [TestMethod]
        public void A_borrowed_buffer_shorter_than_a_string_should_still_decode_it_whole()
        {
            char[] scratch = new char[4];
            JsonReader r = new JsonReader(2, 64, scratch);
            byte[] b = Utf8("{\"a\":\"short\u00e9 and much longer\",\"b\":\"\u00e9t\u00e9\"}");
            r.Reset(b, b.Length);
            r.Read();
            r.Read();
            r.Read();
            Assert.AreEqual("short\u00e9 and much longer", r.GetString(), "longer than the buffer: decoded in one of its own");
            r.Read();
            Assert.IsTrue(r.NameIs("b"));
            r.Read();
            Assert.AreEqual("\u00e9t\u00e9", r.GetString(), "fits the borrowed buffer");
            Assert.AreEqual(64, r.MaxStringChars, "the limit is the reader's, not the buffer's");
        }

        [TestMethod]
        public void Skip_should_jump_over_nested_values()
        {
            JsonReader r = Reader("{\"x\":{\"a\":[1,{\"b\":[]}]},\"y\":2}", 5, 8);
            r.Read();
            r.Read();
            Assert.AreEqual(JsonToken.BeginObject, r.Read());
            Assert.IsTrue(r.Skip());
            Assert.AreEqual(JsonToken.PropertyName, r.Read());
            Assert.IsTrue(r.NameIs("y"));
            Assert.AreEqual(1, r.Depth);
        }

        [TestMethod]
        public void Malformed_documents_should_stop_with_the_offset_and_what_was_expected()
        {
            // text, offset, fragment of the reason
            string[] cases =
            {
                "{\"a\":1", "6", "unexpected end of input, expected ',' or '}'",
                "{\"a\" 1}", "5", "expected ':'",
                "{'a':1}", "1", "a property name or '}'",
                "{\"a\":1,}", "7", "a property name in double quotes",
                "[1,]", "3", "expected a value",
                "[1 2]", "3", "expected ',' or ']'",
                "{\"a\":01}", "6", "leading zeros",
                "{\"a\":1.}", "7", "digit after '.'",
                "{\"a\":-}", "6", "digit after '-'",
                "{\"a\":1e}", "7", "exponent",
                "{\"a\":tru}", "8", "expected 'true'",
                "{\"a\":\"x}", "5", "unterminated string",
                "{\"a\":\"\\x\"}", "6", "invalid escape",
                "{\"a\":\"\\u12G4\"}", "6", "four hex digits",
                "{\"a\":\"tab\there\"}", "9", "control character",
                "{} {}", "3", "after the end of the document",
                "[[[[1]]]]", "3", "nested deeper than 3 levels",
                "{\"a\":\"0123456789\"}", "5", "longer than 8 characters",
                "", "0", "unexpected end of input, expected a value",
                "{\"a\":NaN}", "5", "expected a value, found 'N'",
            };
            for (int i = 0; i < cases.Length; i += 3)
            {
                JsonReader r = Reader(cases[i], 3, 8);
                int guard = 0;
                while (r.Read() != JsonToken.Error && guard++ < 50)
                {
                    Assert.AreNotEqual(JsonToken.EndOfDocument, r.Token, "accepted: " + cases[i]);
                }

                Assert.AreEqual(JsonToken.Error, r.Token, cases[i]);
                Assert.AreEqual(cases[i + 1], r.ErrorOffset.ToString(), cases[i] + ": " + r.Error);
                Assert.IsTrue(r.Error.IndexOf(cases[i + 2]) >= 0, cases[i] + ": " + r.Error);
                Assert.AreEqual(JsonToken.Error, r.Read(), "stays stopped");
            }

            JsonReader bad = new JsonReader(3, 8);
            byte[] invalidUtf8 = { (byte)'"', 0xC3, 0x28, (byte)'"' };
            bad.Reset(invalidUtf8, invalidUtf8.Length);
            Assert.AreEqual(JsonToken.Error, bad.Read());
            Assert.IsTrue(bad.Error.IndexOf("UTF-8") >= 0, bad.Error);
        }
    }
}
