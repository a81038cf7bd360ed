using System;
using System.Collections.Generic;
using System.Diagnostics;
using RangeGuard.Common;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// Steps the truth model through a scenario's itinerary: 1 Hz ticks of two 0.5 s physics substeps; after each tick the
    /// board gets a <see cref="TruthSnapshot"/> and its view is read back (heater request, advice, alerts). The tick loop
    /// allocates nothing (the trace is pre-sized; per-step records are made once per itinerary step).
    /// </summary>
    public sealed partial class ScenarioRunner
    {
        public const double TickS = 1.0;
        public const int Substeps = 2;
        public const double ComfortDecelMps2 = 1.0;

        /// <summary>SOC at which a plugged-in parked car stops charging (the car's daily charge limit).</summary>
        public const double ParkChargeLimitPercent = 90;
        public const double MaxChargeStepS = 24 * 3600;

        private const double Dt = TickS / Substeps;

        private readonly Scenario _s;
        private readonly IVirtualBoard _board;
        private readonly RunOptions _o;
        private readonly TruthCar _car;
        private readonly Prng _noise;
        private readonly Prng _driverNoise;
        private readonly double _speedAr;
        private readonly bool _following;
        private readonly RunResult _r;
        private readonly long _startUnixMs;
        private readonly double _startLocalHour;

        private TruthSnapshot _snap;
        private CarInputs _u;
        private double _t;
        private double _pos;
        private double _cycleT;
        private double _nextTraceS;
        private int _alertsSeen;
        private int _stepIndex;
        private long _nextDepartureMs = -1;
        private int _chargerIndex = -1;
        private CarPhase _phase;

        // The driver's slowly varying speed deviation (AR(1), unit variance), updated once per tick.
        private double _speedDeviation;

        public ScenarioRunner(Scenario scenario, IVirtualBoard board, RunOptions? options = null)
        {
            _s = scenario;
            _board = board;
            _o = options ?? new RunOptions();
            _following = _o.FollowAdvice ?? scenario.Driver.FollowsAdvice;
            _car = new TruthCar(scenario.Vehicle, scenario.StartSocPercent, scenario.StartBatteryTempC, scenario.StartCabinTempC);
            _noise = new Prng(scenario.Perturb.Seed);
            _driverNoise = new Prng(scenario.Perturb.Seed * 2654435761u + 1013904223u);
            _speedAr = Math.Exp(-TickS / Math.Max(1, scenario.Driver.SpeedCorrelationS));
            _startUnixMs = scenario.Start.ToUnixTimeMilliseconds();
            _startLocalHour = scenario.Start.TimeOfDay.TotalHours;
            _r = new RunResult
            {
                ScenarioName = scenario.Name,
                VehicleId = scenario.Vehicle.Id,
                BoardName = board.Name,
                BoardHasAgent = board.HasAgent,
                FollowedAdvice = _following,
                Trace = _o.RecordTrace ? new RunTrace(EstimateSamples()) : null,
                MinSocPercent = scenario.StartSocPercent,
            };
        }

        public TruthCar Car => _car;

        public RunResult Run()
        {
            var sw = Stopwatch.StartNew();
            _board.Start(new BoardContext(_s, _following));
            _u.PayloadKg = _s.Perturb.PayloadKg;
            _u.CabinHeaterCapW = double.PositiveInfinity;
            _phase = CarPhase.Parked;
            // The first snapshot already carries the world at the start (air temperature, wind), not zeros.
            Environment();
            Tick();

            foreach (ItineraryStep step in _s.Itinerary)
            {
                if (_car.Stranded)
                {
                    break;
                }

                _stepIndex = step.Index;
                // The scripted ifAdvised fallback stands in for advice only when the board has no agent; with an agent the
                // following driver acts on the board's live advice alone.
                bool scripted = _following && step.IfAdvised != null && !_board.HasAgent;
                ItineraryStep eff = scripted ? step.IfAdvised! : step;
                if (scripted && _r.AdviceSource == "none")
                {
                    _r.AdviceSource = "scripted";
                }

                _o.Observer?.OnStepStarted(step.Index, step.Label);
                double t0 = _t, km0 = _pos / 1000, soc0 = _car.Battery.SocPercent;
                switch (step.Kind)
                {
                    case StepKind.Drive:
                        Drive(eff);
                        break;
                    case StepKind.Park:
                        Park(eff);
                        break;
                    default:
                        Charge(eff);
                        break;
                }

                _r.Steps.Add(new StepRecord(step.Index, step.Label, step.Kind, t0, _t, km0, _pos / 1000, soc0,
                    _car.Battery.SocPercent, _car.Battery.TempC, _car.Battery.DisplayedRangeKm, ReferenceEquals(eff, step.IfAdvised)));
            }

            _phase = _car.Stranded ? CarPhase.Stranded : CarPhase.Done;
            Finish(sw.Elapsed.TotalSeconds);
            return _r;
        }

        private void Finish(double wallS)
        {
            _r.Outcome = _car.Stranded ? Outcome.Strands : Outcome.Arrives;
            if (_car.Stranded)
            {
                _r.StrandedAtM = _pos;
                _r.StrandReason = _car.StrandReason;
                NearestPlace(_pos, out string near, out double offsetKm);
                _r.StrandedNear = near;
                _r.StrandedOffsetKm = offsetKm;
            }
            else
            {
                _r.ArrivedAt = _s.DestinationName;
            }

            _r.FinalSocPercent = _car.Battery.SocPercent;
            _r.DistanceKm = _car.OdometerM / 1000;
            _r.BatteryOutKwh = _car.BatteryOutKwh;
            _r.BatteryInKwh = _car.BatteryInKwh;
            _r.GridKwh = _car.GridKwh;
            _r.HvacKwh = _car.HvacKwh;
            _r.BatteryHeaterKwh = _car.HeaterKwh;
            _r.RegenKwh = _car.RegenKwh;
            _r.SimulatedS = _t;
            _r.WallS = wallS;
            _r.Alerts.AddRange(_board.View.Alerts);
            _r.ClearedAlerts.AddRange(_board.View.Cleared);
            _r.BoardSummary = (_board as IBoardSummary)?.Summary;
            if (_r.Trace != null && (_r.Trace.Count == 0 || _r.Trace.ElapsedS[^1] < _t))
            {
                _r.Trace.Add(in _snap, _board.View);
            }
        }

        private void NearestPlace(double posM, out string name, out double offsetKm)
        {
            name = string.Empty;
            offsetKm = 0;
            double best = double.MaxValue;
            foreach (Place p in _s.Places)
            {
                Consider(p.Name, p.PositionM, posM, ref best, ref name, ref offsetKm);
            }

            foreach (ChargerSpec c in _s.Chargers)
            {
                Consider(c.Name, c.PositionM, posM, ref best, ref name, ref offsetKm);
            }
        }

        private static void Consider(string n, double at, double posM, ref double best, ref string name, ref double offsetKm)
        {
            double d = Math.Abs(at - posM);
            if (d < best)
            {
                best = d;
                name = n;
                offsetKm = (posM - at) / 1000;
            }
        }

        private int EstimateSamples()
        {
            double s = 3600;
            foreach (ItineraryStep st in _s.Itinerary)
            {
                s += st.Kind switch
                {
                    StepKind.Drive => 3600 + st.ToM / 10,
                    StepKind.Park => double.IsNaN(st.UntilLocalHour) ? st.DurationS : 24 * 3600,
                    _ => double.IsNaN(st.Minutes) ? 4 * 3600 : st.Minutes * 60 * 2,
                };
            }

            return (int)Math.Min(2_000_000, s / Math.Max(1, _o.TraceIntervalS) + 64);
        }
    }
}
