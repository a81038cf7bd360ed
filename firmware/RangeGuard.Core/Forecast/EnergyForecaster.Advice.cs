// EnergyForecaster: advice (cabin setpoint gain, charge stop and duration, speed cap) and steady-cruise energy.
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        /// <summary>A charger this close ahead is the one the car stands at (plans start 10 m before it), m.</summary>
        public const float AtChargerM = 200f;

        /// <summary>What a later charger must keep above its reserve at P10 before a charge under way moves on to it, %.</summary>
        public const float OnwardMarginPct = 5f;

        /// <summary>Battery power below this (charging) while standing at a charger counts as a measured charge, W.</summary>
        public const float MeasuredChargeMinW = -500f;

        private void Advise(ForecastResult result, float pos, Leg dest, ref ForecastInputs inputs)
        {
            BatteryModel b = _vp.Battery;
            TrackCharge(result, pos, ref inputs);
            Departure(result, pos, ref inputs);

            // Lower cabin setpoint by 2 K: saves G·2 K/COP for every heated second.
            float savedWh = _m.HeatScale * _vp.CabinConductanceWPerK * 2f * dest.HeatS / 3600f;
            float whPerKm = dest.LengthM > 10f ? result.Destination.EnergyNeededKwh * 1e6f / dest.LengthM : 150f;
            result.AdviceSetpointGainKm = whPerKm > 1f ? savedWh / whPerKm : 0f;

            // Charge stop: only when the destination is not made with its reserve at P10.
            result.AdviceChargerIndex = -1;
            result.AdviceChargeMinutes = 0f;
            result.AdviceChargeMinutesPreconditioned = 0f;
            result.AdviceChargeToSocPercent = 0f;
            int targetSeg = _profile.Count - 1;
            float targetPos = _profile.TotalM;
            float targetReserve = _destReserve;
            // The charger the car stands at is reachable whatever the reserve (it arrived below it): it is the one to charge at.
            int reach = result.LastReachableChargerIndex;
            int next = result.NextChargerIndex;
            if (reach < 0 && next >= 0 && _chargerPos[next] - pos < AtChargerM)
            {
                reach = next;
            }

            if (inputs.PluggedIn && next >= 0 && reach != next && _chargerPos[next] - pos < AtChargerM)
            {
                reach = OnwardCharger(result, next);
            }

            if (result.Destination.SocP10 < _destReserve && reach >= 0)
            {
                int c = reach;
                Leg onward = Between(_legA, _chargerSeg[c], _chargerPos[c], targetSeg, targetPos);
                float driveNet;
                float e = _m.EnergyWh(onward, out driveNet);
                float sigma = _m.SigmaWh(onward, e, driveNet);
                float toSoc = _destReserve + (e + Normal.Z90 * sigma) / _m.UsableWh * 100f;
                toSoc = toSoc > 100f ? 100f : toSoc;
                Leg there = ArrivalFromHere(_legA, _chargerSeg[c], _chargerPos[c]);
                float arrive = _m.Soc - _m.EnergyWh(there, out driveNet) / _m.UsableWh * 100f;
                result.AdviceChargerIndex = c;
                result.AdviceChargeToSocPercent = toSoc;
                bool here = _chargerPos[c] - pos < AtChargerM;
                result.AdviceChargeMinutes = toSoc > arrive ? ChargeMinutes(c, arrive, toSoc, _m.BatteryC, here, ref inputs) : 0f;
                result.AdviceChargeMinutesPreconditioned = toSoc > arrive ? ChargeMinutes(c, arrive, toSoc, b.DcFullPowerTempC, false, ref inputs) : 0f;
                targetSeg = _chargerSeg[c];
                targetPos = _chargerPos[c];
                targetReserve = _chargerReserve;
            }

            // Speed cap for the leg to the target (destination, or the advised charger).
            float median;
            if (targetPos >= _profile.TotalM)
            {
                median = result.Destination.SocP50;
            }
            else
            {
                float dn;
                median = _m.Soc - _m.EnergyWh(ArrivalFromHere(_legA, targetSeg, targetPos), out dn) / _m.UsableWh * 100f;
            }

            if (median >= targetReserve)
            {
                result.AdviceMaxSpeedKmh = 0f;
                return;
            }

            Leg leg = FromHere(_legA, targetSeg, targetPos);
            result.AdviceMaxSpeedKmh = _m.MaxCruiseSpeed(leg, targetReserve);
        }

        /// <summary>
        /// Charging at charger <paramref name="here"/>, the charge stop moves on to a later charger only when that one is
        /// reached with <see cref="OnwardMarginPct"/> to spare at P10 beyond its reserve; otherwise it stays here. Leaving a
        /// charger with just enough for the next one's reserve at P10 makes the plan hang on the forecast of the whole
        /// next leg: a head wind or a colder night than forecast takes that charger out of reach on the way, when the
        /// charge could have been taken where the car stood.
        /// </summary>
        private int OnwardCharger(ForecastResult result, int here)
        {
            int best = here;
            for (int k = 0; k < result.ChargersAhead; k++)
            {
                if (result.AheadIndex[k] > here && result.Ahead[k].SocP10 >= _chargerReserve + OnwardMarginPct)
                {
                    best = result.AheadIndex[k];
                }
            }

            return best;
        }

        /// <summary>
        /// Minutes to charge at charger <paramref name="c"/> (BatteryModel's CC-CV curve with the car's own load, the pack
        /// heating while it charges and the loss to the air), corrected by what the pack takes when charging there now.
        /// </summary>
        private float ChargeMinutes(int c, float fromSoc, float toSoc, float packC, bool here, ref ForecastInputs inputs)
        {
            float chargerKw, acceptScale, heaterKw, loadKw;
            ChargeConditions(c, fromSoc, packC, here, ref inputs, out chargerKw, out acceptScale, out heaterKw, out loadKw);
            return _vp.Battery.ChargeMinutes(fromSoc, toSoc, packC, _m.AmbientC, chargerKw, _chargerDc[c], loadKw, acceptScale, heaterKw);
        }

        /// <summary>A pack warming faster than the charge's own loss explains by this share of what the charger delivers has a heater on.</summary>
        private const float HeaterShownShare = 0.2f;

        /// <summary>
        /// Standing and charging at the next charger, this tick's measured charging power (V·I) as a ratio to the model's
        /// (what the charger delivers less the car's load, at most what the pack accepts), into the tracker that holds it
        /// over the heater's bursts (<see cref="ChargeRateTracker"/>), with the pack temperature rise that shows a heater:
        /// the pack's heat balance at the model's thermal mass (the charge's resistive loss less the loss to the air) plus
        /// <see cref="HeaterShownShare"/> of the charger.
        /// </summary>
        private void TrackCharge(ForecastResult result, float pos, ref ForecastInputs inputs)
        {
            int here = result.NextChargerIndex;
            if (here < 0 || _chargerPos[here] - pos >= AtChargerM || !inputs.InputsValid || inputs.SpeedKmh >= 1f
                || inputs.BatteryPowerW >= MeasuredChargeMinW)
            {
                return;
            }

            BatteryModel b = _vp.Battery;
            float avail = b.ChargerDeliveredKw(_chargerKw[here], _chargerDc[here]) - _vp.AuxBaseW / 1000f;
            float accept = b.ChargeAcceptKw(_m.Soc, _m.BatteryC);
            float modelled = avail < accept ? avail : accept;
            if (modelled > 0.01f)
            {
                float lossW = -inputs.BatteryPowerW * b.LossFraction(_m.BatteryC) - b.HeatTransferWPerK * (_m.BatteryC - _m.AmbientC);
                float heaterRise = (lossW + HeaterShownShare * avail * 1000f) * 3600f / b.ThermalMassJPerK;
                _chargeRate.Add(inputs.TimeMs, -inputs.BatteryPowerW / 1000f / modelled, _m.BatteryC, heaterRise);
            }
        }

        /// <summary>
        /// The charge model's conditions at charger <paramref name="c"/>. Standing there and charging, the power the
        /// pack takes (V·I, held over the heater's bursts by <see cref="ChargeRateTracker"/>) corrects the model: a
        /// cold pack being heated gives the heater's draw (what the charger delivers and the pack does not get). Otherwise
        /// one power figure cannot tell a derated stall from a car that takes less than its model, so the reading that
        /// departs less from its nominal is taken: where the stall's rating is below the car's peak acceptance (at this
        /// pack temperature) and the car would take more than it gets, the measured power caps the stall and the car's
        /// taper stays the model's; otherwise delivery and acceptance are scaled alike to it (continuous where the binding
        /// limit changes). A heater the pack's temperature shows with no rate measured: the rating, and below the model's
        /// heating threshold the heater's measured draw.
        /// </summary>
        private void ChargeConditions(int c, float fromSoc, float packC, bool here, ref ForecastInputs inputs,
            out float chargerKw, out float acceptScale, out float heaterKw, out float loadKw)
        {
            BatteryModel b = _vp.Battery;
            loadKw = _vp.AuxBaseW / 1000f;
            chargerKw = _chargerKw[c];
            bool dc = _chargerDc[c];
            acceptScale = 1f;
            heaterKw = -1f;
            if (!here || !inputs.InputsValid || inputs.SpeedKmh >= 1f)
            {
                return;
            }

            float avail = b.ChargerDeliveredKw(chargerKw, dc) - loadKw;
            float heat = b.ChargeHeaterKw(packC, avail);
            if (!_chargeRate.Holds(inputs.TimeMs))
            {
                // A heater the pack's temperature shows, and no rate measured without it: the charger as modelled, the
                // heater what the pack does not get of it now (until the model's own threshold; above it, none).
                float packKw = -inputs.BatteryPowerW / 1000f;
                if (heat > 0f && _chargeRate.HeaterShows(inputs.TimeMs) && packKw > 0f)
                {
                    heaterKw = avail - packKw > 0f ? avail - packKw : 0f;
                }

                return;
            }

            float accept = b.ChargeAcceptKw(fromSoc, packC);
            float modelled = avail < accept ? avail : accept;
            float pm = _chargeRate.Ratio * modelled;
            if (heat > 0f)
            {
                heaterKw = avail - pm > 0f ? avail - pm : 0f;
                return;
            }

            if (modelled <= 0.01f)
            {
                return;
            }

            if (pm < accept && avail <= b.ChargeAcceptKw(0f, packC))
            {
                // The car would take more than it gets, and the stall is its nominal limit (its rating below the car's peak
                // acceptance at this pack temperature): the shortfall is the stall's (derated or shared), the car's taper stays
                // the model's. Of the two readings this one departs less from its nominal (measured / rating ≥ measured / the
                // car's peak). Scaling the taper too read a derated stall's charge up to 28 % long (sweep, Newark).
                chargerKw = (pm + loadKw) / (dc ? b.DcChargeEfficiency : b.AcChargeEfficiency);
                return;
            }

            float k = _chargeRate.Ratio;
            acceptScale = k;
            chargerKw = (k * avail + loadKw) / (dc ? b.DcChargeEfficiency : b.AcChargeEfficiency);
        }

        /// <summary>
        /// Standing at a charger with a departure planned: the SOC by then and what leaving with it means for the
        /// destination (the alert rules judge it before the car leaves, not on the first metre of the road).
        /// </summary>
        private void Departure(ForecastResult result, float pos, ref ForecastInputs inputs)
        {
            result.DepartureSocPercent = float.NaN;
            result.DepartureDestinationSocP10 = float.NaN;
            result.DepartureDestinationSocP50 = float.NaN;
            result.DepartureDestinationSocP90 = float.NaN;
            result.DepartureSlowerArrives = false;
            result.DepartureChargerReachable = false;
            int here = result.NextChargerIndex;
            if (!inputs.PluggedIn || inputs.DepartureInS <= 0f || here < 0 || _chargerPos[here] - pos >= AtChargerM)
            {
                return;
            }

            float chargerKw, acceptScale, heaterKw, loadKw;
            ChargeConditions(here, _m.Soc, _m.BatteryC, true, ref inputs, out chargerKw, out acceptScale, out heaterKw, out loadKw);
            float socDep = _vp.Battery.ChargeSocAfter(_m.Soc, inputs.DepartureInS / 60f, _m.BatteryC, _m.AmbientC, chargerKw, _chargerDc[here],
                loadKw, acceptScale, heaterKw);
            float gain = socDep - _m.Soc;
            result.DepartureSocPercent = socDep;
            result.DepartureDestinationSocP10 = result.Destination.SocP10 + gain;
            result.DepartureDestinationSocP50 = result.Destination.SocP50 + gain;
            result.DepartureDestinationSocP90 = result.Destination.SocP90 + gain;

            float soc = _m.Soc;
            _m.Soc = socDep;
            result.DepartureSlowerArrives = _m.MaxCruiseSpeed(FromHere(_legA, _profile.Count - 1, _profile.TotalM), _destReserve) > 0f;
            for (int i = 0; i < _chargerCount && !result.DepartureChargerReachable; i++)
            {
                if (_chargerPos[i] - pos >= AtChargerM)
                {
                    _m.Fill(ref _arrival, ArrivalFromHere(_legA, _chargerSeg[i], _chargerPos[i]), _chargerReserve, inputs.PlannedHeatingKwh > 0f ? inputs.PlannedHeatingKwh * 1000f : 0f);
                    result.DepartureChargerReachable = _arrival.SocP10 >= _chargerReserve;
                }
            }

            _m.Soc = soc;
        }

        /// <summary>Energy at a steady cruise speed over a leg, Wh (closed form from the cruise sums).</summary>
        public float CruiseEnergyWh(float speedKmh, float fromM, float toM)
        {
            if (!_hasPlan)
            {
                return 0f;
            }

            int a = _profile.Locate(fromM, _seg), b = _profile.Locate(toM, a);
            return _m.CruiseWh(Between(_legA, a, fromM, b, toM), speedKmh);
        }

    }
}
