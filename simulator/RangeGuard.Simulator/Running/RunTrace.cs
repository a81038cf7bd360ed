using System.Collections.Generic;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// Time series sampled every few simulated seconds for plots and reports. Columns are lists pre-sized from the
    /// scenario's expected duration, so appending does not allocate in the common case.
    /// </summary>
    public sealed class RunTrace
    {
        public RunTrace(int capacity)
        {
            ElapsedS = new List<double>(capacity);
            PositionKm = new List<double>(capacity);
            OdometerKm = new List<double>(capacity);
            SpeedKmh = new List<double>(capacity);
            SocPercent = new List<double>(capacity);
            SocFloorPercent = new List<double>(capacity);
            UsableKwh = new List<double>(capacity);
            DisplayedRangeKm = new List<double>(capacity);
            BatteryTempC = new List<double>(capacity);
            AmbientC = new List<double>(capacity);
            CabinC = new List<double>(capacity);
            HvacKw = new List<double>(capacity);
            HeaterKw = new List<double>(capacity);
            ChargeKw = new List<double>(capacity);
            ElevationM = new List<double>(capacity);
            Phase = new List<CarPhase>(capacity);
            DestP10 = new List<double>(capacity);
            DestP50 = new List<double>(capacity);
            DestP90 = new List<double>(capacity);
            NextP10 = new List<double>(capacity);
            NextP50 = new List<double>(capacity);
            NextP90 = new List<double>(capacity);
            HeaterRequest = new List<bool>(capacity);
            AdviceChargeMinutes = new List<double>(capacity);
        }

        public List<double> ElapsedS { get; }
        public List<double> PositionKm { get; }
        public List<double> OdometerKm { get; }
        public List<double> SpeedKmh { get; }
        public List<double> SocPercent { get; }
        public List<double> SocFloorPercent { get; }
        public List<double> UsableKwh { get; }

        /// <summary>The car's own range display, km.</summary>
        public List<double> DisplayedRangeKm { get; }
        public List<double> BatteryTempC { get; }
        public List<double> AmbientC { get; }
        public List<double> CabinC { get; }
        public List<double> HvacKw { get; }
        public List<double> HeaterKw { get; }
        public List<double> ChargeKw { get; }
        public List<double> ElevationM { get; }
        public List<CarPhase> Phase { get; }

        /// <summary>Predicted arrival SOC band at the destination / next charger (NaN where the board gives none).</summary>
        public List<double> DestP10 { get; }
        public List<double> DestP50 { get; }
        public List<double> DestP90 { get; }
        public List<double> NextP10 { get; }
        public List<double> NextP50 { get; }
        public List<double> NextP90 { get; }
        public List<bool> HeaterRequest { get; }

        /// <summary>The board's charge-time advice, min (NaN when it advises no charge).</summary>
        public List<double> AdviceChargeMinutes { get; }

        public int Count => ElapsedS.Count;

        public void Add(in TruthSnapshot s, BoardView v)
        {
            ElapsedS.Add(s.ElapsedS);
            PositionKm.Add(s.PositionM / 1000);
            OdometerKm.Add(s.OdometerKm);
            SpeedKmh.Add(s.SpeedKmh);
            SocPercent.Add(s.SocPercent);
            SocFloorPercent.Add(s.SocFloorPercent);
            UsableKwh.Add(s.UsableEnergyKwh);
            DisplayedRangeKm.Add(s.CarDisplayedRangeKm);
            BatteryTempC.Add(s.BatteryTempC);
            AmbientC.Add(s.AmbientTempC);
            CabinC.Add(s.CabinTempC);
            HvacKw.Add(s.HvacPowerW / 1000);
            HeaterKw.Add(s.BatteryHeaterW / 1000);
            ChargeKw.Add(s.ChargerInputKw);
            ElevationM.Add(s.ElevationM);
            Phase.Add(s.Phase);
            DestP10.Add(v.Destination.Exists ? v.Destination.SocP10 : double.NaN);
            DestP50.Add(v.Destination.Exists ? v.Destination.SocP50 : double.NaN);
            DestP90.Add(v.Destination.Exists ? v.Destination.SocP90 : double.NaN);
            NextP10.Add(v.NextCharger.Exists ? v.NextCharger.SocP10 : double.NaN);
            NextP50.Add(v.NextCharger.Exists ? v.NextCharger.SocP50 : double.NaN);
            NextP90.Add(v.NextCharger.Exists ? v.NextCharger.SocP90 : double.NaN);
            HeaterRequest.Add(v.HeaterRequest);
            AdviceChargeMinutes.Add(v.Advice.ChargerIndex >= 0 ? v.Advice.ChargeMinutes : double.NaN);
        }
    }
}
