using System;
using System.Diagnostics;
using System.Threading;

namespace RangeGuard.Simulator.Fleet
{
    /// <summary>
    /// The shared pace of a fleet run: every vehicle fast-forwards to its start point, waits for the others, then its
    /// simulated seconds are held to <c>start + (elapsed - offset) / speed</c> of wall time until the run's duration is over.
    /// </summary>
    public sealed class FleetClock
    {
        private readonly CountdownEvent _ready;
        private readonly ManualResetEventSlim _go = new(false);
        private readonly Stopwatch _wall = new();

        public FleetClock(int vehicles, double speed, double durationS)
        {
            _ready = new CountdownEvent(vehicles);
            Speed = speed;
            DurationS = durationS;
        }

        public double Speed { get; }

        public double DurationS { get; }

        public bool Started => _go.IsSet;

        public double WallS => _wall.Elapsed.TotalSeconds;

        /// <summary>Called by each vehicle at its start point; blocks until all are there (or the run is cancelled).</summary>
        public void ArriveAndWait(CancellationToken ct)
        {
            _ready.Signal();
            _go.Wait(ct);
        }

        /// <summary>A vehicle that ends (or fails) before its start point: the others do not wait for it.</summary>
        public void Leave() => _ready.Signal();

        /// <summary>Called by the command once every vehicle arrived.</summary>
        public void WaitAllReady(CancellationToken ct) => _ready.Wait(ct);

        public void Go()
        {
            _wall.Start();
            _go.Set();
        }

        /// <summary>
        /// Waits until wall time catches up with <paramref name="liveS"/> simulated seconds, calling <paramref name="serve"/>
        /// (the vehicle's MQTT link: acknowledgements, commands) every 50 ms meanwhile; false once the run is over.
        /// </summary>
        public bool Pace(double liveS, Action serve, CancellationToken ct)
        {
            double due = liveS / Speed;
            if (due >= DurationS || ct.IsCancellationRequested)
            {
                return false;
            }

            while (true)
            {
                double ahead = due - _wall.Elapsed.TotalSeconds;
                if (ahead <= 0.005 || ct.IsCancellationRequested)
                {
                    return !ct.IsCancellationRequested;
                }

                serve();
                ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Min(0.05, ahead)));
            }
        }
    }
}
