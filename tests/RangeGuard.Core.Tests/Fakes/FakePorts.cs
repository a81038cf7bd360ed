using System.Collections;
using RangeGuard.Ports;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>Scripted clock: tests move time explicitly, nothing sleeps.</summary>
    public sealed class FakeClock : IClock
    {
        public long NowMs;

        public FakeClock(long startMs)
        {
            NowMs = startMs;
        }

        public long UtcMilliseconds
        {
            get { return NowMs; }
        }
    }

    /// <summary>Records the latest LED/buzzer state, how often each was written, and lets tests hold the button.</summary>
    public sealed class FakeDashboard : IDashboard
    {
        public LedPattern Green;
        public LedPattern Amber;
        public LedPattern Red;
        public BuzzerPattern Buzzer;
        public int LedWrites;
        public int BuzzerWrites;
        public bool ButtonDown;

        public void SetLeds(LedPattern green, LedPattern amber, LedPattern red)
        {
            Green = green;
            Amber = amber;
            Red = red;
            LedWrites++;
        }

        public void SetBuzzer(BuzzerPattern pattern)
        {
            Buzzer = pattern;
            BuzzerWrites++;
        }

        public bool IsAckButtonDown
        {
            get { return ButtonDown; }
        }
    }

    /// <summary>Heater relay that counts switch-ons and can start in the unsafe "on" state.</summary>
    public sealed class FakeHeaterRelay : IHeaterRelay
    {
        public int OnCount;
        public int OffCalls;
        private bool _on;

        public FakeHeaterRelay(bool initiallyOn)
        {
            _on = initiallyOn;
        }

        public bool IsOn
        {
            get { return _on; }
        }

        public void SetOn(bool on)
        {
            if (on && !_on)
            {
                OnCount++;
            }

            if (!on)
            {
                OffCalls++;
            }

            _on = on;
        }
    }

    /// <summary>Records posted messages; <see cref="Accept"/> = false makes every post fail.</summary>
    public sealed class FakeOutbox : IOutbox
    {
        public readonly ArrayList Topics = new ArrayList();
        public readonly ArrayList Payloads = new ArrayList();
        public bool Accept = true;

        public bool Post(string topic, string payload)
        {
            if (!Accept)
            {
                return false;
            }

            Topics.Add(topic);
            Payloads.Add(payload);
            return true;
        }

        /// <summary>Number of messages on <paramref name="topic"/> whose payload contains every given fragment.</summary>
        public int Count(string topic, string fragment1, string fragment2)
        {
            int n = 0;
            for (int i = 0; i < Topics.Count; i++)
            {
                string p = (string)Payloads[i];
                if ((string)Topics[i] == topic && (fragment1 == null || p.IndexOf(fragment1) >= 0) && (fragment2 == null || p.IndexOf(fragment2) >= 0))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>All payloads on a topic, one per line (assert messages).</summary>
        public string Dump(string topic)
        {
            string all = string.Empty;
            for (int i = 0; i < Topics.Count; i++)
            {
                if ((string)Topics[i] == topic)
                {
                    all = all + "\n" + (string)Payloads[i];
                }
            }

            return all;
        }

        /// <summary>The latest payload on <paramref name="topic"/> containing <paramref name="fragment"/>, or null.</summary>
        public string Last(string topic, string fragment)
        {
            for (int i = Topics.Count - 1; i >= 0; i--)
            {
                string p = (string)Payloads[i];
                if ((string)Topics[i] == topic && (fragment == null || p.IndexOf(fragment) >= 0))
                {
                    return p;
                }
            }

            return null;
        }
    }

    public sealed class FakeLogSink : ILogSink
    {
        public readonly ArrayList Lines = new ArrayList();

        public void Write(string message)
        {
            Lines.Add(message);
        }

        public bool Contains(string fragment)
        {
            for (int i = 0; i < Lines.Count; i++)
            {
                if (((string)Lines[i]).IndexOf(fragment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
