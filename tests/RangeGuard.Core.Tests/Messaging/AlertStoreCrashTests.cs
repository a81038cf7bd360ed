#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Messaging.Outbox;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Messaging
{
    /// <summary>A power cut at any byte, or any single damaged byte, loses at most the record it hits.</summary>
    [TestClass]
    public class AlertStoreCrashTests
    {
        [TestMethod]
        public void Crc32_should_give_the_standard_check_value()
        {
            byte[] digits = { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, RangeGuard.Messaging.Outbox.Crc32.Compute(digits, 0, 9), "CRC-32 of \"123456789\"");
            Assert.AreEqual(0u, RangeGuard.Messaging.Outbox.Crc32.Compute(digits, 3, 0), "nothing");
        }

        private const string Topic = "rangeguard/v1/t/alerts";

        internal static string AlertPayload(int seq)
        {
            return "{\"v\":1,\"seq\":" + seq.ToString() + ",\"code\":\"RG-PONR\",\"text\":\"Last charger Milford CT 42 km — ünïcode ✓\"}";
        }

        private static MessageOutbox NewOutbox(MemoryFileStore fs)
        {
            MessageOutbox o = new MessageOutbox(16, 16000, new AlertStore(fs), new FakeClock(0));
            o.AlertTopic = Topic;
            o.Open();
            return o;
        }

        /// <summary>Header, commit, alerts 1..4, then the broker acknowledges alert 1. Returns the active file's name.</summary>
        private static string Build(MemoryFileStore fs)
        {
            MessageOutbox o = NewOutbox(fs);
            for (int s = 1; s <= 4; s++)
            {
                Assert.IsTrue(o.PostAlert(Topic, o.NextAlertSeq, AlertPayload(s)));
            }

            FakeMqttLink link = new FakeMqttLink();
            link.Connect();
            o.Pump(link, 1);
            link.Acknowledge(0);
            o.Pump(link, 1);
            Assert.AreEqual(3, o.Count);
            Assert.AreEqual(0, o.StoreErrors);
            return fs.Length(AlertStore.FileA) >= 0 ? AlertStore.FileA : AlertStore.FileB;
        }

        [TestMethod]
        public void Unsent_alerts_and_the_seq_should_survive_a_restart()
        {
            MemoryFileStore fs = new MemoryFileStore();
            Build(fs);
            MessageOutbox again = NewOutbox(fs);
            Assert.AreEqual(3, again.Count);
            Assert.AreEqual(AlertPayload(2), again.PayloadAt(0));
            Assert.AreEqual(AlertPayload(4), again.PayloadAt(2));
            Assert.AreEqual(Topic, again.TopicAt(0));
            Assert.AreEqual(5, again.NextAlertSeq);
        }

        [TestMethod]
        public void A_power_cut_at_every_byte_should_lose_at_most_the_record_being_written()
        {
            MemoryFileStore fs = new MemoryFileStore();
            string active = Build(fs);
            byte[] full = fs.Snapshot(active);
            int[] ends = new int[7]; // header, commit, alert 1..4, ack 1
            Assert.AreEqual(7, fs.AppendCount);
            for (int i = 0; i < 7; i++)
            {
                ends[i] = fs.AppendEnds[i];
            }

            Assert.AreEqual(full.Length, ends[6]);
            for (int k = 0; k <= full.Length; k++)
            {
                MemoryFileStore cut = new MemoryFileStore();
                cut.Put(active, full, k);
                MessageOutbox o = NewOutbox(cut);
                int acked = k >= ends[6] ? 1 : 0;
                int lastComplete = 0;
                int expected = 0;
                for (int s = 1; s <= 4; s++)
                {
                    if (ends[1 + s] <= k)
                    {
                        lastComplete = s;
                        if (s > acked)
                        {
                            Assert.AreEqual(AlertPayload(s), o.PayloadAt(expected), "cut at " + k.ToString() + ": alert " + s.ToString());
                            expected++;
                        }
                    }
                }

                Assert.AreEqual(expected, o.Count, "cut at " + k.ToString());
                Assert.AreEqual(lastComplete + 1, o.NextAlertSeq, "cut at " + k.ToString() + ": a torn alert's seq is reused, no gap");

                // The recovered store keeps working: one more alert, another restart, everything still there.
                Assert.IsTrue(o.PostAlert(Topic, o.NextAlertSeq, AlertPayload(lastComplete + 1)));
                MessageOutbox again = NewOutbox(cut);
                Assert.AreEqual(expected + 1, again.Count, "after recovery at " + k.ToString());
                Assert.AreEqual(lastComplete + 2, again.NextAlertSeq);
            }
        }

        [TestMethod]
        public void A_damaged_byte_anywhere_should_cost_only_the_record_it_is_in()
        {
            MemoryFileStore fs = new MemoryFileStore();
            string active = Build(fs);
            byte[] full = fs.Snapshot(active);
            int[] ends = new int[7];
            for (int i = 0; i < 7; i++)
            {
                ends[i] = fs.AppendEnds[i];
            }

            for (int k = 0; k < full.Length; k++)
            {
                int hit = 0;
                while (ends[hit] <= k)
                {
                    hit++;
                }

                byte[] damaged = new byte[full.Length];
                System.Array.Copy(full, damaged, full.Length);
                damaged[k] ^= 0x5A;
                MemoryFileStore bad = new MemoryFileStore();
                bad.Put(active, damaged, damaged.Length);
                MessageOutbox o = NewOutbox(bad);

                bool ackLost = hit == 6;
                int expected = 0;
                int lastIntact = 0;
                for (int s = 1; s <= 4; s++)
                {
                    if (hit == 1 + s)
                    {
                        continue;
                    }

                    lastIntact = s;
                    if (s > 1 || ackLost)
                    {
                        Assert.AreEqual(AlertPayload(s), o.PayloadAt(expected), "byte " + k.ToString() + ": alert " + s.ToString());
                        expected++;
                    }
                }

                Assert.AreEqual(expected, o.Count, "byte " + k.ToString() + " (record " + hit.ToString() + ")");
                Assert.AreEqual(lastIntact + 1, o.NextAlertSeq, "byte " + k.ToString());
            }
        }

        [TestMethod]
        public void A_compaction_cut_short_at_any_byte_should_keep_every_pending_alert()
        {
            MemoryFileStore fs = new MemoryFileStore();
            AlertStore store = new AlertStore(fs);
            int[] seqs = new int[8];
            string[] payloads = Check.Strings(8);
            Assert.AreEqual(0, store.Open(seqs, payloads));
            for (int s = 1; s <= 4; s++)
            {
                store.AppendAlert(s, AlertPayload(s));
            }

            store.AppendAck(2);
            string oldName = store.ActiveFile;
            byte[] old = fs.Snapshot(oldName);
            seqs[0] = 3;
            seqs[1] = 4;
            payloads[0] = AlertPayload(3);
            payloads[1] = AlertPayload(4);
            store.Compact(seqs, payloads, 2);
            Assert.IsTrue(fs.Length(oldName) < 0, "the old file is deleted after the commit");
            string newName = store.ActiveFile;
            byte[] compacted = fs.Snapshot(newName);

            for (int k = 0; k <= compacted.Length; k++)
            {
                MemoryFileStore cut = new MemoryFileStore();
                cut.Put(oldName, old, old.Length);
                cut.Put(newName, compacted, k);
                AlertStore reopened = new AlertStore(cut);
                int[] s2 = new int[8];
                string[] p2 = Check.Strings(8);
                int n = reopened.Open(s2, p2);
                Assert.AreEqual(2, n, "cut at " + k.ToString());
                Assert.AreEqual(3, s2[0]);
                Assert.AreEqual(AlertPayload(4), p2[1]);
                Assert.AreEqual(4, reopened.LastSeq);
                Assert.AreEqual(2, reopened.AckedSeq);
                Assert.IsTrue(cut.Length(AlertStore.FileA) < 0 || cut.Length(AlertStore.FileB) < 0, "recovery compacts back to one file");
            }
        }

        [TestMethod]
        public void A_failing_store_should_still_send_the_alert_from_memory()
        {
            MemoryFileStore fs = new MemoryFileStore();
            MessageOutbox o = NewOutbox(fs);
            fs.AppendsUntilFailure = 0;
            Assert.IsTrue(o.PostAlert(Topic, o.NextAlertSeq, AlertPayload(1)));
            Assert.AreEqual(1, o.StoreErrors);
            Assert.AreEqual(1, o.Count);
            Assert.AreEqual(2, o.NextAlertSeq);
        }
    }
}
