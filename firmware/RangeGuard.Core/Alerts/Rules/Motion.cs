namespace RangeGuard.Alerts.Rules
{
    /// <summary>
    /// Whether the car is on its way, for the critical range alerts. Parked with a known departure ahead (the overnight
    /// stop) the decision is still to come: RG-COLD-SOAK and RG-ARRIVE-LOW speak then, and a critical alarm all night would
    /// be crying wolf. Plugged in, the car stands at a charger: there is no point of no return to pass. A speed not freshly
    /// received counts as moving (a sleeping bus must not silence a critical alert).
    /// </summary>
    internal static class Motion
    {
        /// <summary>Not plugged in and not waiting for a planned departure.</summary>
        public static bool Driving(AlertContext c)
        {
            bool knownMoving = c.Readings.SpeedFresh && c.Readings.SpeedKmh >= 1f;
            bool waiting = c.Trip.DepartureAhead(c.NowMs) && !knownMoving;
            return !c.Readings.PluggedIn && !waiting;
        }

        /// <summary>Driving and not known to stand still: the criticals are raised when the car moves off.</summary>
        public static bool MovingOff(AlertContext c)
        {
            bool standing = c.Readings.SpeedFresh && c.Readings.SpeedKmh < 1f;
            return Driving(c) && !standing;
        }
    }
}
