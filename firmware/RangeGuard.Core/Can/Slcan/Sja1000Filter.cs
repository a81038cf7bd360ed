namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Acceptance code and mask for an SLCAN bridge built on the SJA1000 controller (LAWICEL CAN232 and CANUSB), whose
    /// <c>Mxxxxxxxx</c> / <c>mxxxxxxxx</c> commands write the controller's four acceptance code registers ACR0..3 and mask
    /// registers AMR0..3 (AC0 first; a mask bit 1 = "don't care"), in its default dual filter mode: two filters, each
    /// comparing a standard frame's 11-bit id (filter 1: ACR0 = id bits 10..3, ACR1 bits 7..5 = id bits 2..0; filter 2:
    /// ACR2 and ACR3 bits 7..5 the same), and a frame passes when either matches. RTR and the first data byte, which
    /// filter 1 can also compare, are left "don't care". Other adapters give <c>M</c>/<c>m</c> other meanings (the
    /// CANable slcan firmware: <c>M</c> switches its silent mode), so the bridge sends them only when told the adapter is
    /// an SJA1000 one (hardware-docs/wiring.md).
    /// </summary>
    public static class Sja1000Filter
    {
        /// <summary>The registers' reset values: every frame passes.</summary>
        public const uint AcceptAllCode = 0x00000000u;
        public const uint AcceptAllMask = 0xFFFFFFFFu;

        private const int IdBits = 11;
        private const int StandardIds = 1 << IdBits;

        /// <summary>
        /// The code and mask that pass every id in <paramref name="keys"/> (SignalMap keys: bit 31 set for a 29-bit id) and
        /// as few others as two filters allow: the mapped ids are split in two groups (by each id bit, and at each place in
        /// id order) and the split passing the fewest ids wins. False (and accept-all values) when there is nothing to
        /// filter or a 29-bit id is mapped (dual filter mode compares only its upper 16 bits, with the same registers).
        /// </summary>
        public static bool Compute(uint[] keys, int count, out uint code, out uint mask)
        {
            code = AcceptAllCode;
            mask = AcceptAllMask;
            uint[] ids = new uint[count];
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                uint key = keys[i];
                if ((key & 0x80000000u) != 0 || key >= StandardIds)
                {
                    return false;
                }

                if (!Contains(ids, n, key))
                {
                    ids[n++] = key;
                }
            }

            if (n == 0)
            {
                return false;
            }

            Sort(ids, n);
            bool[] inB = new bool[n];
            bool[] best = new bool[n];
            int bestCost = Cost(ids, n, inB); // one group (both filters alike)
            for (int bit = 0; bit < IdBits; bit++)
            {
                for (int i = 0; i < n; i++)
                {
                    inB[i] = ((ids[i] >> bit) & 1u) != 0;
                }

                bestCost = Keep(ids, n, inB, best, bestCost);
            }

            for (int split = 1; split < n; split++)
            {
                for (int i = 0; i < n; i++)
                {
                    inB[i] = i >= split;
                }

                bestCost = Keep(ids, n, inB, best, bestCost);
            }

            uint codeA, careA, codeB, careB;
            Group(ids, n, best, false, out codeA, out careA);
            Group(ids, n, best, true, out codeB, out careB);
            if (careB == uint.MaxValue)
            {
                codeB = codeA; // every id in one group: the second filter repeats the first
                careB = careA;
            }

            uint dcA = ~careA & (StandardIds - 1);
            uint dcB = ~careB & (StandardIds - 1);
            code = ((codeA >> 3) << 24) | (((codeA & 7u) << 5) << 16) | ((codeB >> 3) << 8) | ((codeB & 7u) << 5);
            mask = ((dcA >> 3) << 24) | ((((dcA & 7u) << 5) | 0x1Fu) << 16) | ((dcB >> 3) << 8) | (((dcB & 7u) << 5) | 0x1Fu);
            return true;
        }

        /// <summary>True when a standard frame with <paramref name="id"/> passes filter 1 or 2 (its RTR bit and data aside).</summary>
        public static bool Accepts(uint code, uint mask, uint id)
        {
            return Matches(code >> 16, mask >> 16, id) || Matches(code & 0xFFFFu, mask & 0xFFFFu, id);
        }

        /// <summary>How many of the 2,048 standard ids pass.</summary>
        public static int AcceptedIds(uint code, uint mask)
        {
            int n = 0;
            for (uint id = 0; id < StandardIds; id++)
            {
                if (Accepts(code, mask, id))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>One filter's two registers (ACRn, ACRn+1 as 16 bits): id bits 10..3 in the high byte, 2..0 in bits 7..5.</summary>
        private static bool Matches(uint code16, uint mask16, uint id)
        {
            uint bits = ((id >> 3) << 8) | ((id & 7u) << 5);
            uint compared = ~mask16 & 0xFFE0u;
            return ((bits ^ code16) & compared) == 0;
        }

        private static int Keep(uint[] ids, int n, bool[] inB, bool[] best, int bestCost)
        {
            int cost = Cost(ids, n, inB);
            if (cost < bestCost)
            {
                System.Array.Copy(inB, best, n);
                return cost;
            }

            return bestCost;
        }

        /// <summary>Ids the two groups' filters pass together (an upper bound: they may overlap).</summary>
        private static int Cost(uint[] ids, int n, bool[] inB)
        {
            uint code, care;
            int cost = 0;
            Group(ids, n, inB, false, out code, out care);
            cost += care == uint.MaxValue ? 0 : 1 << (IdBits - Ones(care));
            Group(ids, n, inB, true, out code, out care);
            cost += care == uint.MaxValue ? 0 : 1 << (IdBits - Ones(care));
            return cost;
        }

        /// <summary>The smallest code/care pair covering the group's ids (care = id bits they share; MaxValue: empty group).</summary>
        private static void Group(uint[] ids, int n, bool[] inB, bool b, out uint code, out uint care)
        {
            code = 0;
            care = uint.MaxValue;
            bool any = false;
            uint differ = 0;
            for (int i = 0; i < n; i++)
            {
                if (inB[i] != b)
                {
                    continue;
                }

                if (!any)
                {
                    code = ids[i];
                    any = true;
                }
                else
                {
                    differ |= ids[i] ^ code;
                }
            }

            if (any)
            {
                care = ~differ & (StandardIds - 1);
                code &= care;
            }
        }

        private static int Ones(uint v)
        {
            int n = 0;
            for (; v != 0; v &= v - 1)
            {
                n++;
            }

            return n;
        }

        private static bool Contains(uint[] a, int n, uint v)
        {
            for (int i = 0; i < n; i++)
            {
                if (a[i] == v)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Sort(uint[] a, int n)
        {
            for (int i = 1; i < n; i++)
            {
                uint v = a[i];
                int k = i - 1;
                for (; k >= 0 && a[k] > v; k--)
                {
                    a[k + 1] = a[k];
                }

                a[k + 1] = v;
            }
        }
    }
}
