// Agent: a text snapshot of the state a command could change, to prove a refused command changed nothing.
using System.Text;
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
        /// in force and the plan counters. Two snapshots are equal exactly when none of that differs. Allocates: for tests
        /// and diagnostics, not for the tick.
        /// </summary>
        public string DescribeState()
        {
            StringBuilder b = new StringBuilder(1024);
            RoutePlan p = _plan;
            b.Append("plan:");
            if (p == null)
            {
                b.Append("none");
            }
            else
            {
                for (int i = 0; i < p.SegmentCount; i++)
                {
                    RouteSegment s = p.Segments[i];
                    b.Append('[');
                    N(b, s.LengthM); N(b, s.ElevationChangeM); N(b, s.ExpectedSpeedKmh); N(b, s.SpeedLimitKmh);
                    N(b, s.AmbientTempC); N(b, s.HeadwindMps); N(b, s.PositiveKineticMps2);
                    b.Append(']');
                }

                for (int i = 0; i < p.ChargerCount; i++)
                {
                    RouteCharger c = p.Chargers[i];
                    b.Append('<');
                    N(b, c.PositionM); N(b, c.PowerKw); b.Append(c.IsDc ? "dc," : "ac,"); b.Append(c.Name);
                    b.Append('>');
                }

                N(b, p.ChargerReservePercent); N(b, p.DestinationReservePercent); N(b, p.CabinSetpointC); b.Append(p.DestinationName);
            }

            b.Append("\ntrip:");
            b.Append(_trip.PlanSet ? "set," : "unset,");
            N(b, _trip.PositionM); N(b, _trip.DestinationReservePct); N(b, _trip.ChargerReservePct); N(b, _trip.CabinSetpointC);
            b.Append(_trip.DepartureUtcMs.ToString()); b.Append(','); N(b, _trip.ForecastMinAmbientC);
            b.Append(_trip.DepartureVersion.ToString());

            AlertConfig a = _cfg.Alerts;
            b.Append("\nalerts config:");
            N(b, a.ReserveHysteresisPct); N(b, a.ChargeRequiredP10Pct); N(b, a.PonrWarnKm); N(b, a.PonrHysteresisKm);
            N(b, a.UncertainBandEnter); N(b, a.UncertainBandExit); N(b, a.ColdSoakPackTempC); N(b, a.ColdSoakHysteresisC);
            b.Append(a.UtcOffsetMinutes.ToString()); b.Append(','); b.Append(_alertContext.UtcOffsetMs.ToString());

            PackThermalParams t = _cfg.Thermal;
            b.Append("\nthermal:");
            N(b, t.ThermalMassJPerK); N(b, t.HeaterPowerW); N(b, t.LossUaWPerK); N(b, t.WindowMinC); N(b, t.WindowMaxC); N(b, t.UsableKwh);
            PackThermalParams pt = _planner.Thermal;
            N(b, pt.HeaterPowerW); N(b, pt.UsableKwh);

            b.Append("\nplanner:");
            b.Append(_planner.Mode.ToString()); b.Append(',');
            b.Append(_planner.FleetUntilMs.ToString()); b.Append(_planner.FleetStopped ? ",stopped," : ",free,");
            b.Append(_planner.TargetChargerIndex.ToString()); b.Append(',');
            b.Append(_planner.EventSequence.ToString()); b.Append(_heaterOn ? ",heater on" : ",heater off");

            b.Append("\nalerts:");
            for (int i = 0; i < _alerts.Count; i++)
            {
                AlertSlot s = _alerts.Slot(i);
                b.Append(s.Code); b.Append(s.Active ? "+" : "-"); b.Append(s.Acknowledged ? "a" : "n");
                b.Append(s.RaiseCount.ToString()); b.Append(':'); b.Append(s.Text); b.Append(';');
            }

            b.Append("transitions:"); b.Append(_alerts.Transitions.ToString());
            b.Append("\nvehicle:"); b.Append(_vehicleChanges.ToString()); b.Append(',');
            b.Append(_forecaster.GetHashCode().ToString());
            b.Append("\nplans:"); b.Append(_counters.PlansAccepted.ToString()); b.Append(','); b.Append(_counters.PlansRejected.ToString());
            return b.ToString();
        }

        private static void N(StringBuilder b, float v)
        {
            b.Append(v.ToString());
            b.Append(',');
        }
    }
}
