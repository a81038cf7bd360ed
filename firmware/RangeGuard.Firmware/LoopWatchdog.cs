using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using RangeGuard.Ports;

namespace RangeGuard.Firmware
{
    /// <summary>What the watchdog calls when the main loop stalls (the agent's SafeOff).</summary>
    public delegate void SafeOffHandler();

    /// <summary>
    /// Software watchdog for the main loop. The loop calls <see cref="Beat"/> every iteration; if no beat arrives
    /// for <c>stallLimitMs</c>, this thread switches the heater relay off directly, then calls the agent's SafeOff
    /// (so SafeOff must tolerate being called from this thread), and reboots if the stall lasts <c>rebootAfterMs</c>:
    /// the relay is off again at boot.
    /// </summary>
    public sealed class LoopWatchdog
    {
        private const int CheckPeriodMs = 500;

        private readonly int _stallLimitMs;
        private readonly int _rebootAfterMs;
        private readonly IHeaterRelay _heater;
        private readonly SafeOffHandler _safeOff;
        private readonly ILogSink _log;
        private int _beats;

        public LoopWatchdog(int stallLimitMs, int rebootAfterMs, IHeaterRelay heater, SafeOffHandler safeOff, ILogSink log)
        {
            _stallLimitMs = stallLimitMs;
            _rebootAfterMs = rebootAfterMs;
            _heater = heater;
            _safeOff = safeOff;
            _log = log;
        }

        public void Start()
        {
            Thread thread = new Thread(Run);
            thread.Priority = ThreadPriority.AboveNormal;
            thread.Start();
        }

        /// <summary>Called by the main loop each iteration; allocation-free.</summary>
        public void Beat()
        {
            Interlocked.Increment(ref _beats);
        }

        private void Run()
        {
            int lastBeats = _beats;
            long lastChangeMs = Environment.TickCount64;
            bool tripped = false;
            while (true)
            {
                Thread.Sleep(CheckPeriodMs);
                int beats = _beats;
                long nowMs = Environment.TickCount64;
                if (beats != lastBeats)
                {
                    lastBeats = beats;
                    lastChangeMs = nowMs;
                    tripped = false;
                    continue;
                }

                long stalledMs = nowMs - lastChangeMs;
                if (!tripped && stalledMs > _stallLimitMs)
                {
                    tripped = true;
                    Trip();
                }

                if (stalledMs > _rebootAfterMs)
                {
                    _log.Write("watchdog: main loop still stalled, rebooting");
                    Power.RebootDevice();
                }
            }
        }

        private void Trip()
        {
            try
            {
                _heater.SetOn(false);
            }
            catch (Exception)
            {
                // Keep going: SafeOff below tries again through the agent.
            }

            try
            {
                _safeOff();
            }
            catch (Exception)
            {
                // The agent may be the reason for the stall; the relay is already off.
            }

            _log.Write("watchdog: main loop stalled, outputs switched to safe state");
        }
    }
}
