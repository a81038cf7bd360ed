#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Messaging.Outbox;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Messaging
{
    [TestClass]
    public class MessageOutboxTests
    {
        private const string Tele = "rangeguard/v1/t/telemetry";
        private const string Fc = "rangeguard/v1/t/forecast";
        private const string Al = "rangeguard/v1/t/alerts";

        private static FakeClock s_clock;

        private static MessageOutbox New(int capacity, int maxChars)
        {
            s_clock = new FakeClock(1000000);
            MessageOutbox o = new MessageOutbox(capacity, maxChars, new AlertStore(new MemoryFileStore()), s_clock);
            o.AlertTopic = Al;
            o.Open();
            return o;
        }

        [TestMethod]
        public void Messages_should_go_out_in_order_and_stay_until_the_broker_acknowledges_them()
        {
            MessageOutbox o = New(8, 4000);
            Assert.IsTrue(o.Post(Tele, "t1", MessageClass.Telemetry));
            Assert.IsTrue(o.PostAlert(Al, o.NextAlertSeq, "a1"));
            Assert.IsTrue(o.Post(Fc, "f1", MessageClass.Retained));
            FakeMqttLink link = new FakeMqttLink();
            o.Pump(link, 4);
            Assert.AreEqual(0, link.Published, "nothing while disconnected");

            link.Connect();
            o.Pump(link, 4);
            Assert.AreEqual(3, link.Published);
            Assert.AreEqual("t1", link.Payloads[0]);
            Assert.AreEqual(0, link.Qos[0]);
            Assert.AreEqual("a1", link.Payloads[1]);
            Assert.AreEqual(1, link.Qos[1]);
            Assert.IsFalse(link.Retain[1]);
            Assert.IsTrue(link.Retain[2], "forecast is retained");
            Assert.AreEqual(2, o.Count, "QoS 0 leaves when handed over; QoS 1 waits for PUBACK");

            o.Pump(link, 4);
            Assert.AreEqual(3, link.Published, "in-flight messages are not sent twice on one connection");
            link.Acknowledge(2);
            o.Pump(link, 4);
            Assert.AreEqual(1, o.Count);
            Assert.AreEqual("a1", o.PayloadAt(0));
        }

        [TestMethod]
        public void A_reconnect_should_resend_everything_unacknowledged_in_order()
        {
            MessageOutbox o = New(8, 4000);
            for (int i = 1; i <= 3; i++)
            {
                o.PostAlert(Al, o.NextAlertSeq, "a" + i.ToString());
            }

            FakeMqttLink link = new FakeMqttLink();
            link.Connect();
            o.Pump(link, 2);
            Assert.AreEqual(2, link.Published, "window of 2");
            link.Acknowledge(0);
            link.IsConnected = false; // drops before a2 is acknowledged
            o.Pump(link, 2);
            Assert.AreEqual(2, o.Count);
            link.Connect();
            o.Pump(link, 2);
            Assert.AreEqual(4, link.Published);
            Assert.AreEqual("a2", link.Payloads[2], "a2 again, first");
            Assert.AreEqual("a3", link.Payloads[3]);
        }

        [TestMethod]
        public void A_busy_client_should_not_let_a_later_message_overtake()
        {
            MessageOutbox o = New(8, 4000);
            o.Post(Tele, "t1", MessageClass.Telemetry);
            o.Post(Tele, "t2", MessageClass.Telemetry);
            FakeMqttLink link = new FakeMqttLink();
            link.Connect();
            link.AcceptLimit = 1;
            o.Pump(link, 4);
            Assert.AreEqual(1, link.Published);
            link.AcceptLimit = -1;
            o.Pump(link, 4);
            Assert.AreEqual("t2", link.Payloads[1]);
        }

        [TestMethod]
        public void ThinTelemetry_should_say_and_count_what_Post_would_refuse_by_thinning()
        {
            MessageOutbox o = New(8, 4000);
            Assert.IsFalse(o.ThinTelemetry(), "an empty outbox thins nothing");
            for (int i = 0; i < 7; i++)
            {
                s_clock.NowMs += 5000;
                Assert.IsTrue(o.Post(Tele, "t" + i.ToString(), MessageClass.Telemetry));
            }

            s_clock.NowMs += 5000;
            Assert.IsTrue(o.ThinTelemetry(), "over 75 % within the minute: refused");
            Assert.AreEqual(1, o.Thinned);
            Assert.AreEqual(1, o.Dropped);
            Assert.AreEqual(7, o.Count, "nothing queued or evicted");
            s_clock.NowMs += MessageOutbox.ThinIntervalMs;
            Assert.IsFalse(o.ThinTelemetry(), "a minute later one may go");
            Assert.AreEqual(1, o.Thinned);
        }

        [TestMethod]
        public void Under_pressure_telemetry_should_be_thinned_then_evicted_and_alerts_never_dropped()
        {
            MessageOutbox o = New(8, 4000);
            for (int i = 0; i < 6; i++)
            {
                s_clock.NowMs += 5000;
                Assert.IsTrue(o.Post(Tele, "t" + i.ToString(), MessageClass.Telemetry), "below 75 %: every telemetry");
            }

            s_clock.NowMs += 5000;
            Assert.IsTrue(o.Post(Tele, "t6", MessageClass.Telemetry), "6 of 8 is not over 75 %");
            s_clock.NowMs += 5000;
            Assert.IsFalse(o.Post(Tele, "t7", MessageClass.Telemetry), "over 75 %: thinned to one per minute");
            Assert.AreEqual(1, o.Thinned);
            s_clock.NowMs += MessageOutbox.ThinIntervalMs;
            Assert.IsTrue(o.Post(Tele, "t8", MessageClass.Telemetry), "a minute later one gets through");
            Assert.AreEqual(8, o.Count);

            for (int s = 1; s <= 8; s++)
            {
                Assert.IsTrue(o.PostAlert(Al, o.NextAlertSeq, "a" + s.ToString()), "alert " + s.ToString() + " evicts telemetry");
            }

            Assert.AreEqual(8, o.Count);
            Assert.AreEqual("a1", o.PayloadAt(0), "all telemetry gone, alerts in order");
            Assert.IsFalse(o.PostAlert(Al, o.NextAlertSeq, "a9"), "full of alerts: refused");
            Assert.AreEqual(9, o.NextAlertSeq, "a refused alert does not use up its seq");
            Assert.IsFalse(o.Post(Tele, "t9", MessageClass.Telemetry));
            Assert.AreEqual("a8", o.PayloadAt(7));
        }

        [TestMethod]
        public void A_newer_retained_message_should_replace_the_queued_one_and_the_newest_should_never_be_evicted()
        {
            MessageOutbox o = New(4, 4000);
            o.Post(Fc, "f1", MessageClass.Retained);
            o.Post(Fc, "f2", MessageClass.Retained);
            Assert.AreEqual(1, o.Count, "f1 is superseded by f2 at once");
            Assert.AreEqual(1, o.Superseded);
            o.PostAlert(Al, o.NextAlertSeq, "a1");
            o.PostAlert(Al, o.NextAlertSeq, "a2");
            Assert.IsTrue(o.PostAlert(Al, o.NextAlertSeq, "a3"));
            Assert.AreEqual("f2", o.PayloadAt(0));
            Assert.IsFalse(o.PostAlert(Al, o.NextAlertSeq, "a4"), "f2 is the newest forecast: it stays");
            Assert.AreEqual(1, o.Dropped, "superseding is not dropping");
        }

        [TestMethod]
        public void The_status_should_go_first_and_a_retained_message_in_flight_should_not_be_replaced()
        {
            MessageOutbox o = New(8, 4000);
            FakeMqttLink link = new FakeMqttLink();
            o.PostAlert(Al, o.NextAlertSeq, "a1");
            o.Post(Fc, "f1", MessageClass.Retained);
            o.Post(Tele, "t1", MessageClass.Telemetry);
            Assert.IsTrue(o.PostFirst("car/status", "online"));
            Assert.AreEqual("online", o.PayloadAt(0));
            Assert.AreEqual("a1", o.PayloadAt(1), "the rest keeps its order");
            Assert.AreEqual("t1", o.PayloadAt(3));

            link.Connect();
            o.Pump(link, 8);
            Assert.AreEqual("online", link.Payloads[0], "status is published before anything queued");
            Assert.AreEqual("a1", link.Payloads[1]);
            o.Post(Fc, "f2", MessageClass.Retained);
            Assert.AreEqual(4, o.Count, "f1 is in flight (sent, not acknowledged): f2 queues behind it");
        }

        [TestMethod]
        public void The_character_budget_should_bound_memory_like_the_message_count()
        {
            MessageOutbox o = New(16, 100);
            Assert.IsTrue(o.Post(Tele, new string('x', 60), MessageClass.Telemetry));
            Assert.IsTrue(o.PostAlert(Al, o.NextAlertSeq, new string('a', 60)), "evicts the telemetry to fit 100 chars");
            Assert.AreEqual(1, o.Count);
            Assert.IsFalse(o.Post(Fc, new string('f', 101), MessageClass.Retained), "larger than the whole budget");
        }

        [TestMethod]
        public void A_payload_over_its_topic_limit_should_be_refused_and_counted()
        {
            MessageOutbox o = New(16, 16000);
            Assert.IsFalse(o.Post(Tele, new string('x', 769), MessageClass.Telemetry));
            Assert.IsTrue(o.Post(Tele, new string('x', 768), MessageClass.Telemetry));
            Assert.IsFalse(o.PostAlert(Al, o.NextAlertSeq, new string('a', 769)));
            Assert.AreEqual(1, o.NextAlertSeq, "the refused alert did not use up seq 1");
            Assert.IsFalse(o.Post(Fc, new string('f', 3073), MessageClass.Retained));
            Assert.AreEqual(3, o.Dropped);
        }
    }
}
