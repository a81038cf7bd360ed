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

    /// <summary>What a status message reports about the device: fixed values the tests can set.</summary>
    public sealed class FakeDeviceInfo : IDeviceInfo
    {
        public string Version = "0.0.0-test";
        public long Uptime;
        public long Free = -1;

        public string FirmwareVersion
        {
            get { return Version; }
        }

        public long UptimeMs
        {
            get { return Uptime; }
        }

        public long FreeMemoryBytes
        {
            get { return Free; }
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
