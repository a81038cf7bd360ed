using System.Collections.Generic;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// A reconstructed guess-o-meter: the car's range display extrapolates the consumption of the last WindowKm driven
    /// (earlier trips included), topped up with the EPA label consumption while less than that has been driven. The i3
    /// logs carry no range-estimate signal (their columns are listed in the data README), so the car's own display cannot
    /// be read back; this is the common rule such displays follow, used as the "what the car would say" baseline.
    /// </summary>
    public sealed class GuessOMeter
    {
        public const double WindowKm = 30.0;

        private readonly double _labelWhPerKm;
        private readonly LinkedList<(double Km, double Kwh)> _history = new();
        private double _historyKm;

        public GuessOMeter(double labelWhPerKm)
        {
            _labelWhPerKm = labelWhPerKm;
        }

        /// <summary>Consumption shown, Wh/km, given this trip's distance and energy so far and its per-sample chunks.</summary>
        public double WhPerKm(IReadOnlyList<(double Km, double Kwh)> tripSoFar)
        {
            double km = 0, kwh = 0;
            for (int i = tripSoFar.Count - 1; i >= 0 && km < WindowKm; i--)
            {
                Take(tripSoFar[i], ref km, ref kwh);
            }

            for (LinkedListNode<(double Km, double Kwh)>? n = _history.Last; n != null && km < WindowKm; n = n.Previous)
            {
                Take(n.Value, ref km, ref kwh);
            }

            if (km < WindowKm)
            {
                kwh += (WindowKm - km) * _labelWhPerKm / 1000.0;
                km = WindowKm;
            }

            return kwh * 1000.0 / km;
        }

        /// <summary>Appends a finished trip's chunks to the history (the oldest beyond the window are dropped).</summary>
        public void Drive(IReadOnlyList<(double Km, double Kwh)> trip)
        {
            foreach (var c in trip)
            {
                _history.AddLast(c);
                _historyKm += c.Km;
            }

            while (_history.First != null && _historyKm - _history.First.Value.Km >= WindowKm)
            {
                _historyKm -= _history.First.Value.Km;
                _history.RemoveFirst();
            }
        }

        private static void Take((double Km, double Kwh) c, ref double km, ref double kwh)
        {
            double f = c.Km > 0 && km + c.Km > WindowKm ? (WindowKm - km) / c.Km : 1.0;
            km += c.Km * f;
            kwh += c.Kwh * f;
        }
    }
}
