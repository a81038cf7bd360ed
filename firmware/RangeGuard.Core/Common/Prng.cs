namespace RangeGuard.Common
{
    /// <summary>
    /// A small deterministic PRNG (xorshift32) that gives the same sequence on the device and the host,
    /// unlike System.Random, whose algorithm differs between nanoFramework and .NET.
    /// </summary>
    public sealed class Prng
    {
        private uint _state;

        public Prng(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
        public int Next(int minInclusive, int maxExclusive)
        {
            uint range = (uint)(maxExclusive - minInclusive);
            return range == 0 ? minInclusive : minInclusive + Bits.ToInt32(NextUInt() % range);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble()
        {
            return (NextUInt() >> 8) * (1.0 / 16777216.0);
        }

        /// <summary>Standard normal sample (Box-Muller), bit-identical on the device and the host (DMath, not Math).</summary>
        public double NextGaussian()
        {
            double u1 = 1.0 - NextDouble();
            double u2 = NextDouble();
            return DMath.Sqrt(-2.0 * DMath.Log(u1)) * DMath.Cos(2.0 * DMath.PI * u2);
        }
    }
}
