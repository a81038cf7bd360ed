#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Messaging;

namespace RangeGuard.Tests.Messaging
{
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public void Writer_should_format_numbers_without_culture_and_escape_strings()
        {
            JsonWriter w = new JsonWriter(128);
            w.Begin();
            w.Prop("a", -0.04f, 1);
            w.Prop("b", 12.349f, 2);
            w.Prop("c", -7.5f, 0);
            w.Prop("d", float.NaN, 1);
            w.Prop("e", -1234567890123L);
            w.Prop("f", "say \"hi\"\\\n");
            w.Prop("g", (string)null);
            w.Prop("h", true);
            Assert.AreEqual("{\"a\":0.0,\"b\":12.35,\"c\":-8,\"d\":null,\"e\":-1234567890123,\"f\":\"say \\\"hi\\\"\\\\\\u000a\",\"g\":null,\"h\":true}", w.End());

            w.Begin();
            w.Prop("x", 1);
            Assert.AreEqual("{\"x\":1}", w.End(), "reused writer starts clean");
        }

        private static string Long(JsonWriter w, int items)
        {
            w.Begin();
            w.Prop("v", 1);
            w.BeginArray("list");
            for (int i = 0; i < items; i++)
            {
                w.BeginItem();
                w.Prop("name", "charger \"" + i.ToString() + "\" on the long road");
                w.Prop("soc", i * 1.25f, 2);
                w.Prop("n", 1000000L * i);
                w.EndItem();
            }

            w.EndArray();
            w.Prop("done", true);
            return w.End();
        }

        [TestMethod]
        public void A_message_longer_than_the_buffer_should_come_out_whole_in_chunks()
        {
            JsonWriter whole = new JsonWriter(3072);
            JsonWriter chunked = new JsonWriter(3072, 128);
            string expected = Long(whole, 30);
            Assert.IsTrue(expected.Length > 5 * 128, "several chunks: " + expected.Length.ToString());
            Assert.AreEqual(expected, Long(chunked, 30));
            Assert.AreEqual(expected.Length, chunked.Length);
            Assert.IsNull(Long(chunked, 60), "over the capacity, in chunks too");
            chunked.Begin();
            chunked.Prop("x", 1);
            Assert.AreEqual("{\"x\":1}", chunked.End(), "starts clean after a chunked message");
        }

        [TestMethod]
        public void Writer_should_refuse_a_message_longer_than_its_capacity()
        {
            JsonWriter w = new JsonWriter(16);
            w.Begin();
            w.Prop("text", "twelve chars");
            Assert.IsNull(w.End(), "a truncated message would be invalid JSON");

            w.Begin();
            w.Prop("a", 1.5f, 1);
            Assert.AreEqual("{\"a\":1.5}", w.End(), "the next message is whole again");
        }
    }
}
