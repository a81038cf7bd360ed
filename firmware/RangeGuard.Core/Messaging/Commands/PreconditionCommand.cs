namespace RangeGuard.Messaging.Commands
{
    /// <summary>Staging copy of a <c>cmd/precondition</c>: start now (for at most some minutes), stop, or schedule for a departure.</summary>
    public sealed class PreconditionCommand
    {
        public const int ActionStart = 0;
        public const int ActionStop = 1;
        public const int ActionSchedule = 2;
        public const int DefaultMinutes = 30;

        private static readonly string[] s_fields = { "id", "action", "minutes", "depart_ms" };
        private static readonly string[] s_actions = { "start", "stop", "schedule" };

        /// <summary>The fields the command accepts (the contract test reads them).</summary>
        public static string[] Fields() { return RangeGuard.Common.Strings.Copy(s_fields); }

        public string RequestId { get; private set; }

        public int Action { get; private set; }

        public int Minutes { get; private set; }

        /// <summary>Departure for <see cref="ActionSchedule"/>, ms since epoch; -1 otherwise.</summary>
        public long DepartureMs { get; private set; }

        internal bool Parse(CommandReader r)
        {
            RequestId = null;
            Action = -1;
            Minutes = DefaultMinutes;
            DepartureMs = -1;
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_fields, ref seen);
                if (f == -1)
                {
                    break;
                }

                bool ok;
                string id;
                int action;
                long v;
                switch (f)
                {
                    case -2: return false;
                    case 0: ok = r.String("id", CommandParser.MaxIdChars, false, out id); RequestId = id; break;
                    case 1: ok = r.Choice("action", s_actions, out action); Action = action; break;
                    case 2: ok = r.Integer("minutes", 1, 120, out v); Minutes = (int)v; break;
                    default: ok = r.Integer("depart_ms", RouteCommand.MinDepartureMs, RouteCommand.MaxDepartureMs, out v); DepartureMs = v; break;
                }

                if (!ok)
                {
                    return false;
                }
            }

            if ((seen & 2) == 0)
            {
                return r.FailField("action", "required (start, stop or schedule)");
            }

            if ((seen & 4) != 0 && Action != ActionStart)
            {
                return r.FailField("minutes", "only with action start");
            }

            if (Action == ActionSchedule && (seen & 8) == 0)
            {
                return r.FailField("depart_ms", "required with action schedule");
            }

            if (Action != ActionSchedule && (seen & 8) != 0)
            {
                return r.FailField("depart_ms", "only with action schedule");
            }

            return true;
        }
    }
}
