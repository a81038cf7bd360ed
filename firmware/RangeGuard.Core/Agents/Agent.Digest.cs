// Agent: a text snapshot of the state a command could change, to prove a refused command changed nothing.
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>
        /// Everything the fleet's commands act on, as text: the plan in force (every field), the trip, the departure, the
        /// alert thresholds, the pack parameters, the planner's mode and fleet requests, every alert slot, the forecaster
        /// in force and the plan counters. Two snapshots are equal exactly when none of that differs. Allocates freely (plain
        /// string concatenation, mscorlib only): for tests and diagnostics, never for the tick.
        /// </summary>
        public string DescribeState()
        {
            string b = string.Empty;
            RoutePlan p = _plan;
            b += "plan:";
            if (p == null)
            {
                b += "none";
            }
            else
            {
                for (int i = 0; i < p.SegmentCount; i++)
                {
                    RouteSegment s = p.Segments[i];
                    b += "[";
                    b += N(s.LengthM); b += N(s.ElevationChangeM); b += N(s.ExpectedSpeedKmh); b += N(s.SpeedLimitKmh);
                    b += N(s.AmbientTempC); b += N(s.HeadwindMps); b += N(s.PositiveKineticMps2);
                    b += "]";
                }

                for (int i = 0; i < p.ChargerCount; i++)
                {
                    RouteCharger c = p.Chargers[i];
                    b += "<";
                    b += N(c.PositionM); b += N(c.PowerKw); b += c.IsDc ? "dc," : "ac,"; b += c.Name;
                    b += ">";
                }

                b += N(p.ChargerReservePercent); b += N(p.DestinationReservePercent); b += N(p.CabinSetpointC); b += p.DestinationName;
            }

            b += "\ntrip:";
            b += _trip.PlanSet ? "set," : "unset,";
            b += N(_trip.PositionM); b += N(_trip.DestinationReservePct); b += N(_trip.ChargerReservePct); b += N(_trip.CabinSetpointC);
            b += _trip.DepartureUtcMs.ToString(); b += ","; b += N(_trip.ForecastMinAmbientC);
            b += _trip.DepartureVersion.ToString();

            AlertConfig a = _cfg.Alerts;
            b += "\nalerts config:";
            b += N(a.ReserveHysteresisPct); b += N(a.ChargeRequiredP10Pct); b += N(a.PonrWarnKm); b += N(a.PonrHysteresisKm);
            b += N(a.UncertainBandEnter); b += N(a.UncertainBandExit); b += N(a.ColdSoakPackTempC); b += N(a.ColdSoakHysteresisC);
            b += a.UtcOffsetMinutes.ToString(); b += ","; b += _alertContext.UtcOffsetMs.ToString();

            PackThermalParams t = _cfg.Thermal;
            b += "\nthermal:";
            b += N(t.ThermalMassJPerK); b += N(t.HeaterPowerW); b += N(t.LossUaWPerK); b += N(t.WindowMinC); b += N(t.WindowMaxC); b += N(t.UsableKwh);
            PackThermalParams pt = _planner.Thermal;
            b += N(pt.HeaterPowerW); b += N(pt.UsableKwh);

            b += "\nplanner:";
            b += _planner.Mode.ToString(); b += ",";
            b += _planner.FleetUntilMs.ToString(); b += _planner.FleetStopped ? ",stopped," : ",free,";
            b += _planner.TargetChargerIndex.ToString(); b += ",";
            b += _planner.EventSequence.ToString(); b += _heaterOn ? ",heater on" : ",heater off";

            b += "\nalerts:";
            for (int i = 0; i < _alerts.Count; i++)
            {
                AlertSlot s = _alerts.Slot(i);
                b += s.Code; b += s.Active ? "+" : "-"; b += s.Acknowledged ? "a" : "n";
                b += s.RaiseCount.ToString(); b += ":"; b += s.Text; b += ";";
            }

            b += "transitions:"; b += _alerts.Transitions.ToString();
            b += "\nvehicle:"; b += _vehicleChanges.ToString(); b += ",";
            b += _forecaster.GetHashCode().ToString();
            b += "\nplans:"; b += _counters.PlansAccepted.ToString(); b += ","; b += _counters.PlansRejected.ToString();
            return b;
        }

        /// <summary>The float's exact bits (a digest compares states bit for bit; never the runtime's number text).</summary>
        private static string N(float v)
        {
            RangeGuard.Common.TextBuffer t = new RangeGuard.Common.TextBuffer(17);
            RangeGuard.Common.TextNumber.AppendBits(t, v);
            t.Append(',');
            return t.ToString();
        }
    }
}
