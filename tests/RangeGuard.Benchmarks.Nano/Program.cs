using System;
using RangeGuard.Agents;
using RangeGuard.Firmware;
using RangeGuard.Forecast;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace RangeGuard.Benchmarks.Device
{
    /// <summary>
    /// Interpreter benchmarks of the device's steady-state work (see Workloads) and of its heap use, printed as
    /// "name: value unit" lines. Run it on nanoCLR or a board; hardware-docs/testing-on-device.md has the figures and
    /// how to run it. Times come from DateTime.UtcNow (100 ns ticks), averaged over many calls.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            Console.WriteLine("RangeGuard interpreter benchmarks");
            try
            {
                Retained(new RangeGuard.Runtime.DeviceSettings()); // first, so the core's static tables are counted too
                Timing();
                Garbage();
                Console.WriteLine("done");
            }
            catch (Exception ex)
            {
                // An exception escaping Main is silent on nanoCLR.
                Console.WriteLine("FAILED: " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        private static void Timing()
        {
            Workloads w = new Workloads(200);
            Report("SlcanParser.Parse per line", Time(w, Op.Parse, 10, 100) / w.Lines.Length, "us");
            Report("SignalDispatcher.Process per frame", Time(w, Op.Dispatch, 10, 100) / w.Frames.Length, "us");
            Report("bridge + dispatcher per frame", Time(w, Op.Bridge, 5, 100) / w.Frames.Length, "us");
            Report("AgentLoop.Tick (Agent.Tick + publisher), 200-segment plan", Time(w, Op.Tick, 3, 100), "us");
            Report("one second of work (23 frames + tick), 200 segments", Time(w, Op.Second, 2, 100), "us");
            Report("Agent.TrySetPlan, 200 segments", Time(w, Op.Replan, 1, 30) / 1000.0, "ms");
            w = null;
            NativeGC.Run(false);

            Workloads big = new Workloads(RoutePlan.MaxSegments);
            Report("AgentLoop.Tick, 2000-segment plan", Time(big, Op.Tick, 3, 100), "us");
            Report("Agent.TrySetPlan, 2000 segments", Time(big, Op.Replan, 1, 15) / 1000.0, "ms");
            Report("Agent.ContinuePlan, slowest slice of a 2000-segment plan", WorstSlice(big, 15), "us");
        }

        /// <summary>
        /// Microseconds of the slowest <see cref="Agent.ContinuePlan"/> slice of a plan begun by TryBeginPlan (which runs the
        /// first slice itself): each slice's fastest of <paramref name="rounds"/> re-plans, then the slowest slice (the last
        /// one also checks the chargers and puts the plan in force).
        /// </summary>
        private static double WorstSlice(Workloads w, int rounds)
        {
            double[] best = new double[RoutePlan.MaxSegments / Agent.PlanSliceSegments + 2];
            for (int s = 0; s < best.Length; s++)
            {
                best[s] = double.MaxValue;
            }

            string error;
            for (int r = 0; r < rounds; r++)
            {
                if (!w.Agent.TryBeginPlan(w.Plan, out error))
                {
                    throw new InvalidOperationException("plan refused: " + error);
                }

                for (int s = 0; s < best.Length && w.Agent.PlanPending; s++)
                {
                    long t0 = DateTime.UtcNow.Ticks;
                    w.Agent.ContinuePlan();
                    double us = (DateTime.UtcNow.Ticks - t0) / 10.0;
                    best[s] = us < best[s] ? us : best[s];
                }
            }

            double worst = 0;
            for (int s = 0; s < best.Length; s++)
            {
                worst = best[s] != double.MaxValue && best[s] > worst ? best[s] : worst;
            }

            return worst;
        }

        /// <summary>
        /// Garbage per tick: the heap is filled with ballast until about 1 MB stays free, then ticks run and every
        /// collection is counted with a weak reference. garbage/tick ~ free bytes x collections / ticks. A known
        /// allocation (a 100-byte array = 120 bytes on a 32-bit heap) calibrates the method first.
        /// </summary>
        private static void Garbage()
        {
            Workloads w = new Workloads(200);
            object[] ballast = Ballast(1024 * 1024);
            Report("garbage calibration (byte[100] per call: 120 bytes on a 32-bit heap, 144 on 64-bit)", GarbagePer(w, Op.Calibrate, 200000), "bytes");
            Report("garbage per AgentLoop.Tick, 200 segments", GarbagePer(w, Op.Tick, 1000), "bytes");
            Report("garbage per second of work (23 frames + tick)", GarbagePer(w, Op.Second, 1000), "bytes");
            Report("garbage per bridge + dispatcher second", GarbagePer(w, Op.Bridge, 3000), "bytes");
            w = null;
            Workloads big = new Workloads(RoutePlan.MaxSegments);
            Report("garbage per AgentLoop.Tick, 2000 segments", GarbagePer(big, Op.Tick, 1000), "bytes");
            ballast[0] = null;
        }


        /// <summary>
        /// Heap kept by each step of the firmware's composition (DeviceComposition), to compare with the host model in
        /// hardware-docs/memory.md; the composition stays referenced until the end of the measurement.
        /// </summary>
        private static void Retained(RangeGuard.Runtime.DeviceSettings settings)
        {
            int segments = settings.RouteSegments;
            uint start = NativeGC.Run(false);
            Report("heap free at start", start, "bytes");
            DeviceComposition d = new DeviceComposition(settings);
            uint before = NativeGC.Run(false);
            for (int step = 0; step < DeviceComposition.Steps; step++)
            {
                d.Step(step);
                uint after = NativeGC.Run(false);
                Report("kept by " + DeviceComposition.StepName(step) + " (" + segments.ToString() + " segments)", (double)before - after, "bytes");
                before = after;
            }

            Report("kept in total (" + segments.ToString() + " segments)", (double)start - before, "bytes");
            s_keep = d; // no GC.KeepAlive in nanoFramework's mscorlib
        }

        private static object s_keep;

        private enum Op
        {
            Parse,
            Dispatch,
            Bridge,
            Tick,
            Second,
            Replan,
            Calibrate,
        }

        private static byte[] s_sink;

        private static void Run(Workloads w, Op op)
        {
            switch (op)
            {
                case Op.Parse: w.ParseSecond(); break;
                case Op.Dispatch: w.DispatchSecond(); break;
                case Op.Bridge: w.BridgeSecond(); break;
                case Op.Tick: w.TickOnly(); break;
                case Op.Second: w.OneSecond(); break;
                case Op.Replan: w.Replan(); break;
                case Op.Calibrate: s_sink = new byte[100]; break;
            }
        }

        /// <summary>
        /// Microseconds per call: the fastest of <paramref name="batches"/> batches of <paramref name="calls"/> calls
        /// (after one warm-up batch). Short batches and the minimum keep other processes on a shared machine out of
        /// the figure; a collection that falls into a batch is paid by that batch only.
        /// </summary>
        private static double Time(Workloads w, Op op, int calls, int batches)
        {
            double best = double.MaxValue;
            for (int b = -1; b < batches; b++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                for (int i = 0; i < calls; i++)
                {
                    Run(w, op);
                }

                double us = (DateTime.UtcNow.Ticks - t0) / 10.0 / calls;
                if (b >= 0 && us < best)
                {
                    best = us;
                }
            }

            return best;
        }

        private static double GarbagePer(Workloads w, Op op, int calls)
        {
            uint free = NativeGC.Run(false);
            WeakReference probe = new WeakReference(new object());
            int collections = 0;
            for (int i = 0; i < calls; i++)
            {
                Run(w, op);
                if (!probe.IsAlive)
                {
                    collections++;
                    probe = new WeakReference(new object());
                }
            }

            return collections == 0 ? 0 : (double)free * collections / calls;
        }

        /// <summary>Allocates 4 KB arrays until about <paramref name="leaveFree"/> bytes stay free after a collection.</summary>
        private static object[] Ballast(uint leaveFree)
        {
            uint free = NativeGC.Run(false);
            int chunks = free > leaveFree ? (int)((free - leaveFree) / 4120) : 0;
            object[] ballast = new object[chunks + 1];
            for (int i = 1; i <= chunks; i++)
            {
                ballast[i] = new byte[4096];
            }

            return ballast;
        }

        private static void Report(string name, double value, string unit)
        {
            Console.WriteLine(name + ": " + Fixed(value) + " " + unit);
        }

        /// <summary>One decimal, without the runtime's double formatting (which differs on nanoFramework).</summary>
        private static string Fixed(double v)
        {
            long tenths = (long)(v * 10 + 0.5);
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
