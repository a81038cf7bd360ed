using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>Piecewise-linear lookup y(x), clamped at both ends. Immutable; evaluating allocates nothing.</summary>
    public sealed class Table1D
    {
        private readonly double[] _x;
        private readonly double[] _y;

        public Table1D(double[] x, double[] y)
        {
            if (x.Length == 0 || x.Length != y.Length)
            {
                throw new ArgumentException("table needs matching, non-empty x and y");
            }

            _x = x;
            _y = y;
        }

        public static Table1D Constant(double y) => new Table1D(new[] { 0.0 }, new[] { y });

        public int Count => _x.Length;

        public double Eval(double x)
        {
            if (x <= _x[0])
            {
                return _y[0];
            }

            int n = _x.Length;
            if (x >= _x[n - 1])
            {
                return _y[n - 1];
            }

            int i = 1;
            while (_x[i] < x)
            {
                i++;
            }

            double f = (x - _x[i - 1]) / (_x[i] - _x[i - 1]);
            return _y[i - 1] + f * (_y[i] - _y[i - 1]);
        }
    }
}
